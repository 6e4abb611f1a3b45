// Reading the history and writing change sets (core/change_set.hpp). Every
// row is bound and loaded through its description (core/entity.hpp), every
// value through a bound parameter, and every change is one transaction
// (Store::write).

#include "core/entity.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

#include <algorithm>
#include <charconv>

namespace kindling {

namespace {

// What SQLite needs beside a row's description: which columns a new version
// replaces on conflict, how rows are read in order, and a column the
// description does not know (a question mark's own id).
template <class Row> struct Table;
template <> struct Table<Ritual> {
    static constexpr const char* conflict = "id";
    static constexpr const char* order = " ORDER BY position, created_at, id";
};
template <> struct Table<Log> {
    static constexpr const char* conflict = "id";
    // Sorted after reading (loadHistory): SQLite's sorter took a fifth of
    // opening ten years of history.
    static constexpr const char* order = "";
};
template <> struct Table<Skip> {
    static constexpr const char* conflict = "id";
    static constexpr const char* order = " ORDER BY day, ritual_id, id";
};
template <> struct Table<Pause> {
    static constexpr const char* conflict = "id";
    static constexpr const char* order = " ORDER BY first_day, last_day, id";
};
template <> struct Table<Goal> {
    static constexpr const char* conflict = "id";
    static constexpr const char* order = " ORDER BY created_at, id";
};
template <> struct Table<QuestionMarkEntry> {
    static constexpr const char* conflict = "question_id, mark";
    static constexpr const char* order = " ORDER BY day, question_id, mark";
};

void bindValue(SQLite::Statement& statement, int index, const FieldValue& value) {
    if (const auto* text = std::get_if<std::string>(&value))
        statement.bind(index, *text);
    else if (const auto* number = std::get_if<std::int64_t>(&value))
        statement.bind(index, *number);
    else if (const auto* real = std::get_if<double>(&value))
        statement.bind(index, *real);
    else if (const auto* flag = std::get_if<bool>(&value))
        statement.bind(index, *flag ? 1 : 0);
    else
        statement.bind(index); // NULL; a list always has a column shape of its own
}

// The column as the field's kind expects it, or none for NULL.
FieldValue valueOf(const SQLite::Column& column, ValueKind kind) {
    if (column.isNull()) return std::monostate{};
    switch (kind) {
    case ValueKind::Integer:
    case ValueKind::Boolean:
        return column.getInt64();
    case ValueKind::Number:
        return column.getDouble();
    case ValueKind::Text:
    case ValueKind::TextList:
        return column.getString();
    }
    return std::monostate{};
}

template <class Row> std::string columnList() {
    std::string columns;
    for (const FieldDescription<Row>& field : entityOf<Row>().fields)
        columns += (columns.empty() ? "" : ", ") + std::string(field.column);
    return columns;
}

// Fills `row` from the statement's columns from `first` on, in the order of
// the description; a value the description refuses is damage.
template <class Row>
void loadFields(const Store::Impl& impl, const SQLite::Statement& statement, int first, Row& row,
                const std::string& rowId) {
    const auto& entity = entityOf<Row>();
    int index = first;
    for (const FieldDescription<Row>& field : entity.fields) {
        const FieldValue value = valueOf(statement.getColumn(index++), field.kind);
        if (!field.optional && std::holds_alternative<std::monostate>(value))
            impl.damaged(entity.table, rowId, "has no " + std::string(field.column));
        if (auto problem = field.setFromColumn(row, value))
            impl.damaged(entity.table, rowId, std::string(field.column) + " " + *problem);
    }
}

template <class Row> std::vector<Row> loadRows(const Store::Impl& impl) {
    const auto& entity = entityOf<Row>();
    SQLite::Statement statement(impl.db, "SELECT " + columnList<Row>() + " FROM " +
                                             std::string(entity.table) +
                                             " WHERE deleted_at IS NULL" + Table<Row>::order);
    std::vector<Row> rows;
    while (statement.executeStep()) {
        Row row;
        loadFields(impl, statement, 0, row, statement.getColumn(0).getString());
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

template <class F> void Store::write(std::string_view action, F&& body) {
    try {
        TransactionScope scope(*this);
        body();
        scope.commit();
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, action);
    }
}

// --- Reading -------------------------------------------------------------

History Store::loadHistory() const {
    const Impl& impl = *impl_;
    History history;
    try {
        SQLite::Statement partners(impl.db,
                                   "SELECT slot, " + columnList<Partner>() + " FROM partners");
        while (partners.executeStep()) {
            const int slot = partners.getColumn(0).getInt();
            if (slot != 1 && slot != 2)
                impl.damaged("partners", std::to_string(slot), "is no slot");
            loadFields(impl, partners, 1,
                       history.couple.partners[static_cast<std::size_t>(slot - 1)],
                       "slot " + std::to_string(slot));
        }

        // The couple's settings are rows of the settings table, one per field,
        // beside this computer's preferences.
        for (const FieldDescription<Settings>& field : entityOf<Settings>().fields) {
            SQLite::Statement setting(impl.db, "SELECT value FROM settings WHERE key = ?");
            setting.bind(1, std::string(field.column));
            if (!setting.executeStep()) continue;
            const std::string text = setting.getColumn(0).getString();
            std::int64_t number = 0;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), number);
            if (error != std::errc() || end != text.data() + text.size())
                impl.damaged("settings", std::string(field.column), "holds '" + text + "'");
            if (auto problem = field.set(history.settings, number))
                impl.damaged("settings", std::string(field.column), *problem);
        }

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

// One kind of row's changes: a new or changed version is an upsert (an
// insert that brings a tombstone back, or replaces the row with that key),
// a removed row a tombstone. Table and column names come from the
// descriptions, never from input.
template <class Row>
void writeRows(SQLite::Database& db, const std::vector<RowChange<Row>>& changes, std::int64_t now,
               const std::function<void()>& step) {
    if (changes.empty()) return;
    const auto& entity = entityOf<Row>();
    const std::string table(entity.table);
    const std::string conflict = Table<Row>::conflict;
    const bool ownId = conflict != "id"; // the row's id column is not one of its fields
    std::string names = ownId ? "id" : "", values = ownId ? "?" : "", updates;
    int count = ownId ? 1 : 0;
    for (const FieldDescription<Row>& field : entity.fields) {
        const std::string column(field.column);
        names += (names.empty() ? "" : ", ") + column;
        values += (values.empty() ? "?" : ", ?");
        ++count;
        if (column != "id" && conflict.find(column) == std::string::npos)
            updates += column + " = excluded." + column + ", ";
    }
    const int nowIndex = count + 1;
    SQLite::Statement upsert(db, "INSERT INTO " + table + " (" + names +
                                     ", created_at, updated_at) VALUES (" + values + ", ?" +
                                     std::to_string(nowIndex) + ", ?" + std::to_string(nowIndex) +
                                     ") ON CONFLICT (" + conflict + ") DO UPDATE SET " + updates +
                                     "updated_at = excluded.updated_at, deleted_at = NULL");
    // The key's columns, in the description's order, name the tombstone.
    std::string where;
    std::vector<std::size_t> keyFields;
    for (std::size_t i = 0; i < entity.fields.size(); ++i) {
        const std::string column(entity.fields[i].column);
        const bool inKey = ownId ? conflict.find(column) != std::string::npos : column == "id";
        if (!inKey) continue;
        where +=
            (where.empty() ? "" : " AND ") + column + " = ?" + std::to_string(keyFields.size() + 2);
        keyFields.push_back(i);
    }
    SQLite::Statement tombstone(db, "UPDATE " + table +
                                        " SET deleted_at = ?1, updated_at = ?1 WHERE " + where +
                                        " AND deleted_at IS NULL");
    for (const RowChange<Row>& change : changes) {
        if (change.after) {
            upsert.reset();
            int index = 1;
            if (ownId) upsert.bind(index++, newUuid());
            for (const FieldDescription<Row>& field : entity.fields)
                bindValue(upsert, index++, field.columnValue(*change.after));
            upsert.bind(nowIndex, now);
            upsert.exec();
        } else {
            tombstone.reset();
            tombstone.bind(1, now);
            int index = 2;
            for (std::size_t i : keyFields)
                bindValue(tombstone, index++, entity.fields[i].columnValue(*change.before));
            tombstone.exec();
        }
        step();
    }
}

void upsertSetting(SQLite::Statement& statement, std::string_view key, const std::string& value,
                   std::int64_t now) {
    statement.reset();
    statement.bind(1, std::string(key));
    statement.bind(2, value);
    statement.bind(3, now);
    statement.exec();
}

} // namespace

void Store::apply(const ChangeRows& change, std::int64_t now, const WriteProgress& progress) {
    std::size_t total = 0, done = 0;
    change.forEach([&](const auto& list) { total += list.size(); });
    if (total == 0) return;
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
                        std::to_string(std::get<std::int64_t>(field.get(*settings.after))), now);
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
    });
}

} // namespace kindling
