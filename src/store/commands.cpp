// Reading the history and writing change sets (core/change_set.hpp). Every
// row is bound and loaded through its description (core/entity.hpp), every
// value through a bound parameter, and every change is one transaction
// (Store::write).

#include "core/entity.hpp"
#include "store/row_sql.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

#include <algorithm>
#include <charconv>

namespace kindling {

// --- Reading -------------------------------------------------------------

History Store::loadHistory() const {
    const Impl& impl = *impl_;
    History history;
    try {
        history.couple = loadCouple(impl);
        history.settings = loadSettings(impl);
        history.rituals = loadRows<Ritual>(impl);
        history.logs = loadRows<Log>(impl);
        // By day, then when logged: the order the Journal and exports show.
        std::sort(history.logs.begin(), history.logs.end(), [](const Log& a, const Log& b) {
            if (a.day != b.day) return a.day < b.day;
            if (a.loggedAt != b.loggedAt) return a.loggedAt < b.loggedAt;
            return a.id < b.id;
        });
        history.skips = loadRows<Skip>(impl);
        history.pauses = loadRows<Pause>(impl);
        history.goals = loadRows<Goal>(impl);
        history.questionMarks = loadRows<QuestionMarkEntry>(impl);
        history.programmeSteps = loadRows<ProgrammeStep>(impl);
        history.keptXp = loadRows<KeptXp>(impl);
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl.location, "read your history");
    }
    return history;
}

bool Store::hasCouple() const {
    try {
        return impl_->db.execAndGet("SELECT count(*) FROM partners").getInt() == 2;
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the couple");
    }
}

namespace {

bool isCoupleSetting(std::string_view key) {
    const auto& fields = entityOf<Settings>().fields;
    return std::any_of(fields.begin(), fields.end(), [&](const FieldDescription<Settings>& field) {
        return field.column == key;
    });
}

} // namespace

std::map<std::string, std::string> Store::preferences() const {
    std::map<std::string, std::string> values;
    try {
        SQLite::Statement statement(impl_->db, "SELECT key, value FROM settings");
        while (statement.executeStep()) {
            std::string key = statement.getColumn(0).getString();
            if (!isCoupleSetting(key))
                values.emplace(std::move(key), statement.getColumn(1).getString());
        }
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the preferences");
    }
    return values;
}

std::set<std::string> Store::shownCelebrations() const {
    std::set<std::string> keys;
    try {
        SQLite::Statement statement(impl_->db, "SELECT key FROM celebrations_shown");
        while (statement.executeStep())
            keys.insert(statement.getColumn(0).getString());
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the celebrations");
    }
    return keys;
}

// --- Writing -------------------------------------------------------------

namespace {

void upsertSetting(SQLite::Statement& statement, std::string_view key, const std::string& value,
                   std::int64_t now) {
    statement.reset();
    statement.bind(1, std::string(key));
    statement.bind(2, value);
    statement.bind(3, now);
    statement.exec();
}

} // namespace

void Store::apply(const ChangeRows& change, std::int64_t now, const WriteProgress& progress,
                  const SyncedRows* merged) {
    std::size_t total = 0, done = 0;
    change.forEach([&](const auto& list) { total += list.size(); });
    if (total == 0 && (merged == nullptr || merged->size() == 0)) return;
    const std::function<void()> step = [&] {
        ++done;
        if (progress && (done % 1000 == 0 || done == total)) progress(done, total);
    };
    write(total == 1 ? "save the change" : "save the changes", [&] {
        SQLite::Database& db = impl_->db;

        if (!change.of<Couple>().empty()) {
            std::string names, values, updates;
            int index = 2;
            for (const FieldDescription<Partner>& field : entityOf<Partner>().fields) {
                const std::string column(field.column);
                names += ", " + column;
                values += ", ?" + std::to_string(++index);
                updates += column + " = excluded." + column + ", ";
            }
            SQLite::Statement statement(db, "INSERT INTO partners (id, slot" + names +
                                                ", created_at, updated_at) VALUES "
                                                "(?1, ?2" +
                                                values + ", ?" + std::to_string(index + 1) + ", ?" +
                                                std::to_string(index + 1) +
                                                ") ON CONFLICT (slot) DO UPDATE SET " + updates +
                                                "updated_at = excluded.updated_at");
            for (const RowChange<Couple>& couple : change.of<Couple>()) {
                for (int slot = 1; slot <= 2; ++slot) {
                    const Partner& partner =
                        couple.after->partners[static_cast<std::size_t>(slot - 1)];
                    statement.reset();
                    statement.bind(1, newUuid());
                    statement.bind(2, slot);
                    int field = 3;
                    for (const FieldDescription<Partner>& description : entityOf<Partner>().fields)
                        bindValue(statement, field++, description.columnValue(partner));
                    statement.bind(field, now);
                    statement.exec();
                }
                step();
            }
        }

        if (!change.of<Settings>().empty() || !change.of<Preference>().empty()) {
            SQLite::Statement statement(
                db, "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at");
            for (const RowChange<Settings>& settings : change.of<Settings>()) {
                for (const FieldDescription<Settings>& field : entityOf<Settings>().fields)
                    upsertSetting(
                        statement, field.column,
                        std::to_string(std::get<std::int64_t>(field.columnValue(*settings.after))),
                        now);
                step();
            }
            SQLite::Statement erase(db, "DELETE FROM settings WHERE key = ?");
            for (const RowChange<Preference>& preference : change.of<Preference>()) {
                const std::string& key =
                    keyOf(preference.before ? *preference.before : *preference.after);
                if (isCoupleSetting(key))
                    impl_->invalid("The setting '" + key + "' is one of the couple's settings");
                if (preference.after) {
                    upsertSetting(statement, key, preference.after->value, now);
                } else {
                    erase.reset();
                    erase.bind(1, key);
                    erase.exec();
                }
                step();
            }
        }

        writeRows(db, change.of<Ritual>(), now, step);
        writeRows(db, change.of<Log>(), now, step);
        writeRows(db, change.of<Skip>(), now, step);
        writeRows(db, change.of<Pause>(), now, step);
        writeRows(db, change.of<Goal>(), now, step);
        writeRows(db, change.of<QuestionMarkEntry>(), now, step);
        writeRows(db, change.of<ProgrammeStep>(), now, step);
        writeRows(db, change.of<KeptXp>(), now, step);

        if (!change.of<ShownCelebration>().empty()) {
            SQLite::Statement statement(db, "INSERT OR IGNORE INTO celebrations_shown "
                                            "(key, shown_at) VALUES (?, ?)");
            for (const RowChange<ShownCelebration>& shown : change.of<ShownCelebration>()) {
                if (!shown.after) impl_->invalid("A celebration once shown stays shown");
                statement.reset();
                statement.bind(1, shown.after->key);
                statement.bind(2, now);
                statement.exec();
                step();
            }
        }
        writeClocks(*impl_, change, now, merged);
    });
}

} // namespace kindling
