// Reading the history and writing change sets (core/change_set.hpp). Every
// value goes through a bound parameter; every change is one transaction
// (Store::write).

#include "store/store.hpp"
#include "store/store_impl.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_set>

namespace kindling {

namespace {

using Kind = StoreError::Kind;

// Names of the enums model.hpp does not name itself; stored as text.
constexpr std::array<std::string_view, 2> measureKindNames{"at_least", "at_most"};
constexpr std::array<std::string_view, 3> goalScopeNames{"ritual", "area", "any"};
constexpr std::array<std::string_view, 5> goalPeriodNames{"week", "month", "custom", "every_week",
                                                          "every_month"};

template <typename Enum, std::size_t N>
std::string nameOf(const std::array<std::string_view, N>& names, Enum value) {
    return std::string(names[static_cast<std::size_t>(value)]);
}

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

// The couple's two settings, kept as rows of the settings table beside this
// computer's preferences.
constexpr std::string_view dayStartHourKey = "day_start_hour";
constexpr std::string_view weekStartKey = "week_start";
constexpr std::string_view talkingAboutUsKey = "talking_about_us"; // "0" or "1"
bool isCoupleSetting(std::string_view key) {
    return key == dayStartHourKey || key == weekStartKey || key == talkingAboutUsKey;
}

std::string weekdayMask(const Weekdays& weekdays) {
    std::string mask;
    for (bool scheduled : weekdays)
        mask += scheduled ? '1' : '0';
    return mask;
}

void bindOptional(SQLite::Statement& statement, const char* name,
                  const std::optional<double>& value) {
    if (value)
        statement.bind(name, *value);
    else
        statement.bind(name);
}

void bindOptional(SQLite::Statement& statement, const char* name, const std::string& value) {
    if (value.empty())
        statement.bind(name);
    else
        statement.bind(name, value);
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

namespace {

void bindRitual(SQLite::Statement& statement, const Ritual& ritual, std::int64_t now) {
    statement.bind(":id", ritual.id);
    statement.bind(":name", ritual.name);
    statement.bind(":icon", ritual.icon);
    statement.bind(":area", std::string(areaName(ritual.area)));
    statement.bind(":why", ritual.why);
    statement.bind(":times", ritual.frequency.times);
    statement.bind(":per_days", ritual.frequency.perDays);
    if (ritual.weekdays)
        statement.bind(":weekdays", weekdayMask(*ritual.weekdays));
    else
        statement.bind(":weekdays");
    statement.bind(":mode", std::string(modeName(ritual.mode)));
    if (ritual.measure) {
        statement.bind(":measure_kind", nameOf(measureKindNames, ritual.measure->kind));
        statement.bind(":measure_target", ritual.measure->target);
    } else {
        statement.bind(":measure_kind");
        statement.bind(":measure_target");
    }
    statement.bind(":unit", ritual.unit);
    statement.bind(":archived", ritual.archived ? 1 : 0);
    statement.bind(":position", ritual.position);
    statement.bind(":catalog_id", ritual.catalogId);
    statement.bind(":when_it_helps", ritual.whenItHelps ? 1 : 0);
    statement.bind(":now", now);
}

void bindProgrammeStep(SQLite::Statement& statement, const ProgrammeStep& step, std::int64_t now) {
    statement.bind(":id", step.id);
    statement.bind(":ord", step.order);
    statement.bind(":kind", std::string(programmeStepKindName(step.kind)));
    if (step.who)
        statement.bind(":who", std::string(whoName(*step.who)));
    else
        statement.bind(":who");
    statement.bind(":yes", step.yes ? 1 : 0);
    statement.bind(":stage", step.stage);
    statement.bind(":day", formatDay(step.day));
    statement.bind(":now", now);
}

void bindLog(SQLite::Statement& statement, const Log& log, std::int64_t now) {
    statement.bind(":id", log.id);
    statement.bind(":ritual_id", log.ritualId);
    statement.bind(":day", formatDay(log.day));
    statement.bind(":who", std::string(whoName(log.who)));
    bindOptional(statement, ":amount", log.amount);
    statement.bind(":note", log.note);
    statement.bind(":logged_at", log.loggedAt);
    statement.bind(":now", now);
}

void bindPause(SQLite::Statement& statement, const Pause& pause, std::int64_t now) {
    statement.bind(":id", pause.id);
    statement.bind(":first_day", formatDay(pause.first));
    statement.bind(":last_day", formatDay(pause.last));
    statement.bind(":reason", pause.reason);
    statement.bind(":now", now);
}

void bindGoal(SQLite::Statement& statement, const Goal& goal, std::int64_t now) {
    statement.bind(":id", goal.id);
    statement.bind(":title", goal.title);
    statement.bind(":target", goal.target);
    statement.bind(":scope", nameOf(goalScopeNames, goal.scope));
    bindOptional(statement, ":ritual_id", goal.ritualId);
    statement.bind(":area", std::string(areaName(goal.area)));
    statement.bind(":period", nameOf(goalPeriodNames, goal.period));
    statement.bind(":start_day", formatDay(goal.start));
    statement.bind(":end_day", formatDay(goal.end));
    statement.bind(":reward", goal.reward);
    if (goal.archivedOn)
        statement.bind(":archived_on", formatDay(*goal.archivedOn));
    else
        statement.bind(":archived_on");
    statement.bind(":now", now);
}

} // namespace

// --- Reading -------------------------------------------------------------

History Store::loadHistory() const {
    const Impl& impl = *impl_;
    History history;
    auto dayOf = [&impl](const SQLite::Column& column, std::string_view table,
                         const std::string& id) {
        const std::string text = column.getString();
        auto day = parseDay(text);
        if (!day) impl.damaged(table, id, "has an impossible day '" + text + "'");
        return *day;
    };
    try {
        SQLite::Statement partners(impl.db, "SELECT slot, name, colour FROM partners");
        while (partners.executeStep()) {
            const int slot = partners.getColumn(0).getInt();
            history.couple.partners[static_cast<std::size_t>(slot - 1)] =
                Partner{partners.getColumn(1).getString(),
                        static_cast<std::uint32_t>(partners.getColumn(2).getInt64())};
        }

        SQLite::Statement settings(impl.db, "SELECT key, value FROM settings WHERE key IN "
                                            "(:day_start, :week_start, :talking_about_us)");
        settings.bind(":day_start", std::string(dayStartHourKey));
        settings.bind(":week_start", std::string(weekStartKey));
        settings.bind(":talking_about_us", std::string(talkingAboutUsKey));
        while (settings.executeStep()) {
            const std::string key = settings.getColumn(0).getString();
            const std::string text = settings.getColumn(1).getString();
            if (key == talkingAboutUsKey) {
                if (text != "0" && text != "1")
                    impl.damaged("settings", key, "holds '" + text + "'");
                history.settings.talkingAboutUs = text == "1";
                continue;
            }
            int value = -1;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), value);
            const bool dayStart = key == dayStartHourKey;
            const int max = dayStart ? 23 : 6;
            if (error != std::errc() || end != text.data() + text.size() || value < 0 ||
                value > max)
                impl.damaged("settings", key, "holds '" + text + "'");
            (dayStart ? history.settings.dayStartHour : history.settings.weekStart) = value;
        }

        SQLite::Statement rituals(
            impl.db, "SELECT id, name, icon, area, why, times, per_days, weekdays, mode, "
                     "measure_kind, measure_target, unit, archived, position, catalog_id, "
                     "when_it_helps "
                     "FROM rituals WHERE deleted_at IS NULL ORDER BY position, created_at, id");
        while (rituals.executeStep()) {
            Ritual ritual;
            ritual.id = rituals.getColumn(0).getString();
            ritual.name = rituals.getColumn(1).getString();
            ritual.icon = rituals.getColumn(2).getString();
            const std::string area = rituals.getColumn(3).getString();
            auto parsedArea = areaFromName(area);
            if (!parsedArea)
                impl.damaged("rituals", ritual.id, "has an unknown area '" + area + "'");
            ritual.area = *parsedArea;
            ritual.why = rituals.getColumn(4).getString();
            ritual.frequency = {rituals.getColumn(5).getInt(), rituals.getColumn(6).getInt()};
            if (!rituals.getColumn(7).isNull()) {
                const std::string mask = rituals.getColumn(7).getString();
                Weekdays weekdays{};
                for (std::size_t i = 0; i < weekdays.size(); ++i)
                    weekdays[i] = mask[i] == '1';
                ritual.weekdays = weekdays;
            }
            const std::string mode = rituals.getColumn(8).getString();
            auto parsedMode = modeFromName(mode);
            if (!parsedMode)
                impl.damaged("rituals", ritual.id, "has an unknown mode '" + mode + "'");
            ritual.mode = *parsedMode;
            if (!rituals.getColumn(9).isNull()) {
                const std::string kind = rituals.getColumn(9).getString();
                auto parsedKind = fromName<MeasureKind>(measureKindNames, kind);
                if (!parsedKind)
                    impl.damaged("rituals", ritual.id, "has an unknown measure '" + kind + "'");
                ritual.measure = Measure{*parsedKind, rituals.getColumn(10).getDouble()};
            }
            ritual.unit = rituals.getColumn(11).getString();
            ritual.archived = rituals.getColumn(12).getInt() != 0;
            ritual.position = rituals.getColumn(13).getInt();
            ritual.catalogId = rituals.getColumn(14).getString();
            ritual.whenItHelps = rituals.getColumn(15).getInt() != 0;
            history.rituals.push_back(std::move(ritual));
        }

        // Read in the table's order and sorted here: SQLite's sorter took a
        // fifth of opening ten years of history.
        SQLite::Statement logs(impl.db,
                               "SELECT id, ritual_id, day, who, amount, note, logged_at FROM logs "
                               "WHERE deleted_at IS NULL");
        while (logs.executeStep()) {
            Log log;
            log.id = logs.getColumn(0).getString();
            log.ritualId = logs.getColumn(1).getString();
            log.day = dayOf(logs.getColumn(2), "logs", log.id);
            const std::string who = logs.getColumn(3).getString();
            auto parsedWho = whoFromName(who);
            if (!parsedWho) impl.damaged("logs", log.id, "has an unknown partner '" + who + "'");
            log.who = *parsedWho;
            if (!logs.getColumn(4).isNull()) log.amount = logs.getColumn(4).getDouble();
            log.note = logs.getColumn(5).getString();
            log.loggedAt = logs.getColumn(6).getInt64();
            history.logs.push_back(std::move(log));
        }
        // By day, then when logged: the order the Journal and exports show.
        std::sort(history.logs.begin(), history.logs.end(), [](const Log& a, const Log& b) {
            if (a.day != b.day) return a.day < b.day;
            if (a.loggedAt != b.loggedAt) return a.loggedAt < b.loggedAt;
            return a.id < b.id;
        });

        SQLite::Statement skips(impl.db, "SELECT id, ritual_id, day FROM skips "
                                         "WHERE deleted_at IS NULL ORDER BY day, ritual_id, id");
        while (skips.executeStep()) {
            Skip skip;
            skip.id = skips.getColumn(0).getString();
            skip.ritualId = skips.getColumn(1).getString();
            skip.day = dayOf(skips.getColumn(2), "skips", skip.id);
            history.skips.push_back(std::move(skip));
        }

        SQLite::Statement pauses(impl.db,
                                 "SELECT id, first_day, last_day, reason FROM pauses "
                                 "WHERE deleted_at IS NULL ORDER BY first_day, last_day, id");
        while (pauses.executeStep()) {
            Pause pause;
            pause.id = pauses.getColumn(0).getString();
            pause.first = dayOf(pauses.getColumn(1), "pauses", pause.id);
            pause.last = dayOf(pauses.getColumn(2), "pauses", pause.id);
            pause.reason = pauses.getColumn(3).getString();
            history.pauses.push_back(std::move(pause));
        }

        SQLite::Statement goals(impl.db,
                                "SELECT id, title, target, scope, ritual_id, area, period, "
                                "start_day, end_day, reward, archived_on FROM goals "
                                "WHERE deleted_at IS NULL ORDER BY created_at, id");
        while (goals.executeStep()) {
            Goal goal;
            goal.id = goals.getColumn(0).getString();
            goal.title = goals.getColumn(1).getString();
            goal.target = goals.getColumn(2).getInt();
            const std::string scope = goals.getColumn(3).getString();
            auto parsedScope = fromName<GoalScope>(goalScopeNames, scope);
            if (!parsedScope)
                impl.damaged("goals", goal.id, "has an unknown scope '" + scope + "'");
            goal.scope = *parsedScope;
            goal.ritualId = goals.getColumn(4).getString(); // NULL reads as ""
            const std::string area = goals.getColumn(5).getString();
            auto parsedArea = areaFromName(area);
            if (!parsedArea) impl.damaged("goals", goal.id, "has an unknown area '" + area + "'");
            goal.area = *parsedArea;
            const std::string period = goals.getColumn(6).getString();
            auto parsedPeriod = fromName<GoalPeriod>(goalPeriodNames, period);
            if (!parsedPeriod)
                impl.damaged("goals", goal.id, "has an unknown period '" + period + "'");
            goal.period = *parsedPeriod;
            goal.start = dayOf(goals.getColumn(7), "goals", goal.id);
            goal.end = dayOf(goals.getColumn(8), "goals", goal.id);
            goal.reward = goals.getColumn(9).getString();
            if (!goals.getColumn(10).isNull())
                goal.archivedOn = dayOf(goals.getColumn(10), "goals", goal.id);
            history.goals.push_back(std::move(goal));
        }

        SQLite::Statement marks(impl.db,
                                "SELECT id, question_id, mark, day FROM question_marks "
                                "WHERE deleted_at IS NULL ORDER BY day, question_id, mark");
        while (marks.executeStep()) {
            const std::string id = marks.getColumn(0).getString();
            QuestionMarkEntry entry;
            entry.questionId = marks.getColumn(1).getString();
            auto parsedMark = questionMarkFromName(marks.getColumn(2).getString());
            if (!parsedMark) impl.damaged("question_marks", id, "has an unknown mark");
            entry.mark = *parsedMark;
            entry.day = dayOf(marks.getColumn(3), "question_marks", id);
            history.questionMarks.push_back(std::move(entry));
        }

        SQLite::Statement steps(impl.db,
                                "SELECT id, ord, kind, who, yes, stage, day FROM programme_steps "
                                "WHERE deleted_at IS NULL ORDER BY ord, id");
        while (steps.executeStep()) {
            ProgrammeStep step;
            step.id = steps.getColumn(0).getString();
            step.order = steps.getColumn(1).getInt64();
            auto kind = programmeStepKindFromName(steps.getColumn(2).getString());
            if (!kind) impl.damaged("programme_steps", step.id, "has an unknown kind");
            step.kind = *kind;
            if (!steps.getColumn(3).isNull()) {
                step.who = whoFromName(steps.getColumn(3).getString());
                if (!step.who) impl.damaged("programme_steps", step.id, "has an unknown partner");
            }
            step.yes = steps.getColumn(4).getInt() != 0;
            step.stage = steps.getColumn(5).getInt();
            step.day = dayOf(steps.getColumn(6), "programme_steps", step.id);
            history.programmeSteps.push_back(std::move(step));
        }
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

std::map<std::string, std::string> Store::preferences() const {
    std::map<std::string, std::string> values;
    try {
        SQLite::Statement statement(impl_->db, "SELECT key, value FROM settings WHERE key NOT IN "
                                               "(:day_start, :week_start, :talking_about_us)");
        statement.bind(":day_start", std::string(dayStartHourKey));
        statement.bind(":week_start", std::string(weekStartKey));
        statement.bind(":talking_about_us", std::string(talkingAboutUsKey));
        while (statement.executeStep())
            values.emplace(statement.getColumn(0).getString(), statement.getColumn(1).getString());
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

// How one kind of row is written: its upsert (an insert that brings a
// tombstone back, or replaces the row with that key) and its tombstone. The
// table and column names come from this file, never from input.
struct RowWriter {
    SQLite::Database& db;
    std::int64_t now;

    // INSERT … ON CONFLICT (conflict) DO UPDATE SET every column but the key,
    // updated_at and, where the table keeps them, deleted_at = NULL.
    SQLite::Statement upsert(const char* table, std::initializer_list<const char*> columns,
                             const char* conflict, bool tombstones = true) const {
        std::string names, values, updates;
        for (const char* column : columns) {
            names += std::string(names.empty() ? "" : ", ") + column;
            values += std::string(values.empty() ? ":" : ", :") + column;
            if (std::string_view(column) != conflict && std::string_view(column) != "id")
                updates += std::string(column) + " = excluded." + column + ", ";
        }
        std::string sql = std::string("INSERT INTO ") + table + " (" + names +
                          ", created_at, updated_at) VALUES (" + values + ", :now, :now) " +
                          "ON CONFLICT (" + conflict + ") DO UPDATE SET " + updates +
                          "updated_at = excluded.updated_at";
        if (tombstones) sql += ", deleted_at = NULL";
        return SQLite::Statement(db, sql);
    }
    SQLite::Statement tombstone(const char* table, const char* where = "id = :id") const {
        return SQLite::Statement(db, std::string("UPDATE ") + table +
                                         " SET deleted_at = :now, updated_at = :now WHERE " +
                                         where + " AND deleted_at IS NULL");
    }
};

void bindSkip(SQLite::Statement& statement, const Skip& skip, std::int64_t now) {
    statement.bind(":id", skip.id);
    statement.bind(":ritual_id", skip.ritualId);
    statement.bind(":day", formatDay(skip.day));
    statement.bind(":now", now);
}

void bindMark(SQLite::Statement& statement, const QuestionMarkEntry& mark, std::int64_t now) {
    statement.bind(":question_id", mark.questionId);
    statement.bind(":mark", std::string(questionMarkName(mark.mark)));
    statement.bind(":now", now);
}

void upsertSetting(SQLite::Statement& statement, std::string_view key, const std::string& value,
                   std::int64_t now) {
    statement.reset();
    statement.bind(":key", std::string(key));
    statement.bind(":value", value);
    statement.bind(":now", now);
    statement.exec();
}

// Writes one kind's rows: `bind` fills the upsert, `key` the tombstone's id.
template <class Row, class Bind>
void writeRows(const std::vector<RowChange<Row>>& changes, SQLite::Statement* upsert,
               SQLite::Statement* tombstone, Bind&& bind, std::int64_t now,
               const std::function<void()>& step) {
    for (const RowChange<Row>& change : changes) {
        if (change.after) {
            upsert->reset();
            bind(*upsert, *change.after, now);
            upsert->exec();
        } else {
            tombstone->reset();
            tombstone->bind(":id", keyOf(*change.before));
            tombstone->bind(":now", now);
            tombstone->exec();
        }
        step();
    }
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
        const RowWriter rows{db, now};

        if (!change.of<Couple>().empty()) {
            SQLite::Statement statement(
                db, "INSERT INTO partners (id, slot, name, colour, created_at, updated_at) "
                    "VALUES (:id, :slot, :name, :colour, :now, :now) "
                    "ON CONFLICT (slot) DO UPDATE SET name = excluded.name, "
                    "colour = excluded.colour, updated_at = excluded.updated_at");
            for (const RowChange<Couple>& couple : change.of<Couple>()) {
                for (int slot = 1; slot <= 2; ++slot) {
                    const Partner& partner =
                        couple.after->partners[static_cast<std::size_t>(slot - 1)];
                    statement.reset();
                    statement.bind(":id", newUuid());
                    statement.bind(":slot", slot);
                    statement.bind(":name", partner.name);
                    statement.bind(":colour", static_cast<std::int64_t>(partner.colour));
                    statement.bind(":now", now);
                    statement.exec();
                }
                step();
            }
        }

        const bool settingsChange = !change.of<Settings>().empty();
        const bool preferencesChange = !change.of<Preference>().empty();
        if (settingsChange || preferencesChange) {
            SQLite::Statement statement(
                db, "INSERT INTO settings (key, value, updated_at) VALUES (:key, :value, :now) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at");
            for (const RowChange<Settings>& settings : change.of<Settings>()) {
                upsertSetting(statement, dayStartHourKey,
                              std::to_string(settings.after->dayStartHour), now);
                upsertSetting(statement, weekStartKey, std::to_string(settings.after->weekStart),
                              now);
                upsertSetting(statement, talkingAboutUsKey,
                              settings.after->talkingAboutUs ? "1" : "0", now);
                step();
            }
            SQLite::Statement erase(db, "DELETE FROM settings WHERE key = :key");
            for (const RowChange<Preference>& preference : change.of<Preference>()) {
                const std::string& key =
                    keyOf(preference.before ? *preference.before : *preference.after);
                // The couple's own settings are saved as Settings, never here.
                if (isCoupleSetting(key))
                    impl_->invalid("The setting '" + key + "' is one of the couple's settings");
                if (preference.after) {
                    upsertSetting(statement, key, preference.after->value, now);
                } else {
                    erase.reset();
                    erase.bind(":key", key);
                    erase.exec();
                }
                step();
            }
        }

        if (!change.of<Ritual>().empty()) {
            auto upsert = rows.upsert("rituals",
                                      {"id", "name", "icon", "area", "why", "times", "per_days",
                                       "weekdays", "mode", "measure_kind", "measure_target", "unit",
                                       "archived", "position", "catalog_id", "when_it_helps"},
                                      "id");
            auto tombstone = rows.tombstone("rituals");
            writeRows(change.of<Ritual>(), &upsert, &tombstone, bindRitual, now, step);
        }
        if (!change.of<Log>().empty()) {
            auto upsert = rows.upsert(
                "logs", {"id", "ritual_id", "day", "who", "amount", "note", "logged_at"}, "id");
            auto tombstone = rows.tombstone("logs");
            writeRows(change.of<Log>(), &upsert, &tombstone, bindLog, now, step);
        }
        if (!change.of<Skip>().empty()) {
            auto upsert = rows.upsert("skips", {"id", "ritual_id", "day"}, "id");
            auto tombstone = rows.tombstone("skips");
            writeRows(change.of<Skip>(), &upsert, &tombstone, bindSkip, now, step);
        }
        if (!change.of<Pause>().empty()) {
            auto upsert = rows.upsert("pauses", {"id", "first_day", "last_day", "reason"}, "id");
            auto tombstone = rows.tombstone("pauses");
            writeRows(change.of<Pause>(), &upsert, &tombstone, bindPause, now, step);
        }
        if (!change.of<Goal>().empty()) {
            auto upsert = rows.upsert("goals",
                                      {"id", "title", "target", "scope", "ritual_id", "area",
                                       "period", "start_day", "end_day", "reward", "archived_on"},
                                      "id");
            auto tombstone = rows.tombstone("goals");
            writeRows(change.of<Goal>(), &upsert, &tombstone, bindGoal, now, step);
        }
        if (!change.of<QuestionMarkEntry>().empty()) {
            auto upsert = rows.upsert("question_marks", {"id", "question_id", "mark", "day"},
                                      "question_id, mark");
            auto tombstone =
                rows.tombstone("question_marks", "question_id = :question_id AND mark = :mark");
            for (const RowChange<QuestionMarkEntry>& mark : change.of<QuestionMarkEntry>()) {
                SQLite::Statement& statement = mark.after ? upsert : tombstone;
                statement.reset();
                bindMark(statement, mark.after ? *mark.after : *mark.before, now);
                if (mark.after) {
                    statement.bind(":id", newUuid());
                    statement.bind(":day", formatDay(mark.after->day));
                }
                statement.exec();
                step();
            }
        }
        if (!change.of<ProgrammeStep>().empty()) {
            auto upsert = rows.upsert("programme_steps",
                                      {"id", "ord", "kind", "who", "yes", "stage", "day"}, "id");
            auto tombstone = rows.tombstone("programme_steps");
            writeRows(change.of<ProgrammeStep>(), &upsert, &tombstone, bindProgrammeStep, now,
                      step);
        }
        if (!change.of<ShownCelebration>().empty()) {
            SQLite::Statement statement(db, "INSERT OR IGNORE INTO celebrations_shown "
                                            "(key, shown_at) VALUES (:key, :now)");
            for (const RowChange<ShownCelebration>& shown : change.of<ShownCelebration>()) {
                if (!shown.after) impl_->invalid("A celebration once shown stays shown");
                statement.reset();
                statement.bind(":key", shown.after->key);
                statement.bind(":now", now);
                statement.exec();
                step();
            }
        }
    });
}

} // namespace kindling
