// The commands and queries over an open store. Every value goes through a
// bound parameter; every command is one transaction (Store::write).

#include "store/store.hpp"
#include "store/store_impl.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace kindling {

namespace {

using Kind = StoreError::Kind;

// Names of the enums model.hpp does not name itself; stored as text.
constexpr std::array<std::string_view, 2> measureKindNames{"at_least", "at_most"};
constexpr std::array<std::string_view, 3> goalScopeNames{"ritual", "area", "any"};
constexpr std::array<std::string_view, 5> goalPeriodNames{"week", "month", "custom", "every_week",
                                                          "every_month"};
constexpr std::array<std::string_view, 3> questionMarkNames{"answered", "favourite", "skipped"};

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

// The keys saveSettings owns; setSetting must not bypass its validation.
constexpr std::string_view dayStartHourKey = "day_start_hour";
constexpr std::string_view weekStartKey = "week_start";

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

std::string_view questionMarkName(QuestionMark mark) {
    return questionMarkNames[static_cast<std::size_t>(mark)];
}

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

// Input checks with messages a person can act on. The schema's CHECKs are the
// last line of defence; these say what was wrong.
struct Validator {
    const Store::Impl& impl;

    [[noreturn]] void fail(const std::string& message) const { impl.invalid(message); }

    void id(const std::string& value, std::string_view what) const {
        if (value.empty() || value.size() > 64)
            fail(std::string(what) + " needs an id of 1 to 64 characters");
    }
    void text(const std::string& value, std::size_t maxLength, std::string_view what,
              bool required) const {
        const auto length = utf8Length(value);
        if (!length) fail(std::string(what) + " is not valid UTF-8 text");
        if (required && *length == 0) fail(std::string(what) + " cannot be empty");
        if (*length > maxLength)
            fail(std::string(what) + " is " + std::to_string(*length) +
                 " characters long; at most " + std::to_string(maxLength) + " are kept");
    }
    void amount(double value, std::string_view what) const {
        if (!std::isfinite(value) || value < 0) fail(std::string(what) + " must be zero or more");
    }
    void day(Day value, std::string_view what) const {
        if (!isKeptDay(value))
            fail(std::string(what) + " " + formatDay(value) +
                 " is outside the dates Kindling keeps (" + std::string(keptDaysText) + ")");
    }
};

Validator validatorFor(const Store::Impl& impl) {
    return Validator{impl};
}

void validateRitual(const Validator& check, const Ritual& ritual) {
    check.id(ritual.id, "A ritual");
    check.text(ritual.name, maxNameLength, "The ritual's name", true);
    check.text(ritual.icon, maxNameLength, "The ritual's icon", false);
    check.text(ritual.why, maxNoteLength, "The ritual's \"why\"", false);
    check.text(ritual.unit, maxNameLength, "The ritual's unit", false);
    check.text(ritual.catalogId, maxNameLength, "The ritual's catalog id", false);
    const Frequency f = ritual.frequency;
    if (f.perDays < 1 || f.perDays > maxPerDays || f.times < 1 || f.times > f.perDays)
        check.fail("A schedule is 1 to " + std::to_string(maxPerDays) +
                   " days with at least once and at most once a day (got " +
                   std::to_string(f.times) + " per " + std::to_string(f.perDays) + ")");
    if (ritual.weekdays && weekdayMask(*ritual.weekdays) == "0000000")
        check.fail("A weekday schedule needs at least one weekday");
    if (ritual.measure) check.amount(ritual.measure->target, "The ritual's target");
}

void validateLog(const Validator& check, const Log& log) {
    check.id(log.id, "A log");
    check.id(log.ritualId, "A log's ritual");
    check.text(log.note, maxNoteLength, "The note", false);
    check.day(log.day, "The log's day");
    if (log.amount) check.amount(*log.amount, "The amount");
}

void validatePause(const Validator& check, const Pause& pause) {
    check.id(pause.id, "A pause");
    check.text(pause.reason, maxNoteLength, "The pause's reason", false);
    check.day(pause.first, "The pause's first day");
    check.day(pause.last, "The pause's last day");
    if (pause.last < pause.first) check.fail("A pause cannot end before it starts");
}

void validateGoal(const Validator& check, const Goal& goal) {
    check.id(goal.id, "A goal");
    check.text(goal.title, maxNameLength, "The goal's title", true);
    check.text(goal.reward, maxNoteLength, "The goal's reward", false);
    if (goal.target < 1) check.fail("A goal's target is at least 1");
    if (goal.scope == GoalScope::Ritual) check.id(goal.ritualId, "A ritual goal's ritual");
    check.day(goal.start, "The goal's first day");
    check.day(goal.end, "The goal's last day");
    if (goal.period == GoalPeriod::Custom && goal.end < goal.start)
        check.fail("A goal cannot end before it starts");
}

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

// Tombstones: the table names come from this file, never from input.
void setDeleted(Store::Impl& impl, const char* table, std::string_view what, const std::string& id,
                bool deleted) {
    const std::string sql =
        deleted ? std::string("UPDATE ") + table +
                      " SET deleted_at = :now, updated_at = :now WHERE id = :id AND deleted_at IS "
                      "NULL"
                : std::string("UPDATE ") + table +
                      " SET deleted_at = NULL, updated_at = :now WHERE id = :id AND deleted_at IS "
                      "NOT NULL";
    SQLite::Statement statement(impl.db, sql);
    statement.bind(":id", id);
    statement.bind(":now", unixNow());
    if (statement.exec() == 0)
        throw StoreError(Kind::NotFound, impl.file,
                         "There is no " + std::string(deleted ? "" : "deleted ") +
                             std::string(what) + " with id " + id);
}

void requireChanged(const Store::Impl& impl, int changes, std::string_view what,
                    const std::string& id) {
    if (changes == 0)
        throw StoreError(Kind::NotFound, impl.file,
                         "There is no " + std::string(what) + " with id " + id);
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
                                            "(:day_start, :week_start)");
        settings.bind(":day_start", std::string(dayStartHourKey));
        settings.bind(":week_start", std::string(weekStartKey));
        while (settings.executeStep()) {
            const std::string key = settings.getColumn(0).getString();
            const std::string text = settings.getColumn(1).getString();
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
                     "measure_kind, measure_target, unit, archived, position, catalog_id "
                     "FROM rituals ORDER BY position, created_at, id");
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
                                "ORDER BY created_at, id");
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

// --- The couple and settings ---------------------------------------------

void Store::saveCouple(const Couple& couple) {
    const auto check = validatorFor(*impl_);
    for (const Partner& partner : couple.partners) {
        check.text(partner.name, maxNameLength, "A partner's name", true);
        if (partner.colour > 0xFFFFFFu) check.fail("A colour is 0xRRGGBB");
    }
    write("save your names and colours", [&] {
        SQLite::Statement statement(
            impl_->db, "INSERT INTO partners (id, slot, name, colour, created_at, updated_at) "
                       "VALUES (:id, :slot, :name, :colour, :now, :now) "
                       "ON CONFLICT (slot) DO UPDATE SET name = excluded.name, "
                       "colour = excluded.colour, updated_at = excluded.updated_at");
        const auto now = unixNow();
        for (int slot = 1; slot <= 2; ++slot) {
            const Partner& partner = couple.partners[static_cast<std::size_t>(slot - 1)];
            statement.reset();
            statement.bind(":id", newUuid());
            statement.bind(":slot", slot);
            statement.bind(":name", partner.name);
            statement.bind(":colour", static_cast<std::int64_t>(partner.colour));
            statement.bind(":now", now);
            statement.exec();
        }
    });
}

namespace {

void upsertSetting(SQLite::Database& db, std::string_view key, const std::string& value) {
    SQLite::Statement statement(db, "INSERT INTO settings (key, value, updated_at) "
                                    "VALUES (:key, :value, :now) ON CONFLICT (key) DO UPDATE "
                                    "SET value = excluded.value, updated_at = excluded.updated_at");
    statement.bind(":key", std::string(key));
    statement.bind(":value", value);
    statement.bind(":now", unixNow());
    statement.exec();
}

} // namespace

void Store::saveSettings(const Settings& settings) {
    if (settings.dayStartHour < 0 || settings.dayStartHour > 23)
        impl_->invalid("The day starts at an hour from 0 to 23");
    if (settings.weekStart < 0 || settings.weekStart > 6)
        impl_->invalid("The week starts on a day from 0 (Monday) to 6 (Sunday)");
    write("save the settings", [&] {
        upsertSetting(impl_->db, dayStartHourKey, std::to_string(settings.dayStartHour));
        upsertSetting(impl_->db, weekStartKey, std::to_string(settings.weekStart));
    });
}

std::optional<std::string> Store::getSetting(const std::string& key) const {
    try {
        SQLite::Statement statement(impl_->db, "SELECT value FROM settings WHERE key = :key");
        statement.bind(":key", key);
        if (statement.executeStep()) return statement.getColumn(0).getString();
        return std::nullopt;
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read a setting");
    }
}

namespace {

void checkSettingKey(const Store::Impl& impl, const std::string& key) {
    if (key.empty() || key.size() > 64) impl.invalid("A setting's key is 1 to 64 characters");
    if (key == dayStartHourKey || key == weekStartKey)
        impl.invalid("The setting '" + key + "' is saved with saveSettings");
}

} // namespace

void Store::setSetting(const std::string& key, const std::string& value) {
    checkSettingKey(*impl_, key);
    validatorFor(*impl_).text(value, maxNoteLength, "A setting", false);
    write("save a setting", [&] { upsertSetting(impl_->db, key, value); });
}

void Store::eraseSetting(const std::string& key) {
    checkSettingKey(*impl_, key);
    write("remove a setting", [&] {
        SQLite::Statement statement(impl_->db, "DELETE FROM settings WHERE key = :key");
        statement.bind(":key", key);
        statement.exec();
    });
}

// --- Rituals -------------------------------------------------------------

void Store::insertRitual(const Ritual& ritual) {
    validateRitual(validatorFor(*impl_), ritual);
    write("add the ritual", [&] {
        SQLite::Statement statement(
            impl_->db,
            "INSERT INTO rituals (id, name, icon, area, why, times, per_days, weekdays, mode, "
            "measure_kind, measure_target, unit, archived, position, catalog_id, created_at, "
            "updated_at) VALUES (:id, :name, :icon, :area, :why, :times, :per_days, :weekdays, "
            ":mode, :measure_kind, :measure_target, :unit, :archived, :position, :catalog_id, "
            ":now, :now)");
        bindRitual(statement, ritual, unixNow());
        statement.exec();
    });
}

void Store::updateRitual(const Ritual& ritual) {
    validateRitual(validatorFor(*impl_), ritual);
    write("save the ritual", [&] {
        SQLite::Statement statement(
            impl_->db,
            "UPDATE rituals SET name = :name, icon = :icon, area = :area, why = :why, "
            "times = :times, per_days = :per_days, weekdays = :weekdays, mode = :mode, "
            "measure_kind = :measure_kind, measure_target = :measure_target, unit = :unit, "
            "archived = :archived, position = :position, catalog_id = :catalog_id, "
            "updated_at = :now WHERE id = :id");
        bindRitual(statement, ritual, unixNow());
        requireChanged(*impl_, statement.exec(), "ritual", ritual.id);
    });
}

// --- Logs ----------------------------------------------------------------

void Store::insertLogs(const std::vector<Log>& logs) {
    const auto check = validatorFor(*impl_);
    for (const Log& log : logs)
        validateLog(check, log);
    if (logs.empty()) return;
    write(logs.size() == 1 ? "save the log" : "save the logs", [&] {
        SQLite::Statement statement(
            impl_->db, "INSERT INTO logs (id, ritual_id, day, who, amount, note, logged_at, "
                       "created_at, updated_at) VALUES (:id, :ritual_id, :day, :who, :amount, "
                       ":note, :logged_at, :now, :now)");
        const auto now = unixNow();
        for (const Log& log : logs) {
            statement.reset();
            bindLog(statement, log, now);
            statement.exec();
        }
    });
}

void Store::updateLog(const Log& log) {
    validateLog(validatorFor(*impl_), log);
    write("save the log", [&] {
        SQLite::Statement statement(
            impl_->db, "UPDATE logs SET ritual_id = :ritual_id, day = :day, who = :who, "
                       "amount = :amount, note = :note, logged_at = :logged_at, updated_at = :now "
                       "WHERE id = :id AND deleted_at IS NULL");
        bindLog(statement, log, unixNow());
        requireChanged(*impl_, statement.exec(), "log", log.id);
    });
}

void Store::deleteLog(const std::string& id) {
    write("delete the log", [&] { setDeleted(*impl_, "logs", "log", id, true); });
}

void Store::restoreLog(const std::string& id) {
    write("bring the log back", [&] { setDeleted(*impl_, "logs", "log", id, false); });
}

// --- Skips and pauses ----------------------------------------------------

void Store::insertSkip(const Skip& skip) {
    const auto check = validatorFor(*impl_);
    check.id(skip.id, "A skip");
    check.id(skip.ritualId, "A skip's ritual");
    check.day(skip.day, "The skipped day");
    write("skip the day", [&] {
        SQLite::Statement statement(
            impl_->db, "INSERT INTO skips (id, ritual_id, day, created_at, updated_at) "
                       "VALUES (:id, :ritual_id, :day, :now, :now)");
        statement.bind(":id", skip.id);
        statement.bind(":ritual_id", skip.ritualId);
        statement.bind(":day", formatDay(skip.day));
        statement.bind(":now", unixNow());
        statement.exec();
    });
}

void Store::updateSkip(const Skip& skip) {
    const auto check = validatorFor(*impl_);
    check.id(skip.id, "A skip");
    check.id(skip.ritualId, "A skip's ritual");
    write("save the skip", [&] {
        SQLite::Statement statement(
            impl_->db, "UPDATE skips SET ritual_id = :ritual_id, day = :day, updated_at = :now "
                       "WHERE id = :id AND deleted_at IS NULL");
        statement.bind(":id", skip.id);
        statement.bind(":ritual_id", skip.ritualId);
        statement.bind(":day", formatDay(skip.day));
        statement.bind(":now", unixNow());
        requireChanged(*impl_, statement.exec(), "skip", skip.id);
    });
}

void Store::deleteSkip(const std::string& id) {
    write("remove the skip", [&] { setDeleted(*impl_, "skips", "skip", id, true); });
}

void Store::restoreSkip(const std::string& id) {
    write("bring the skip back", [&] { setDeleted(*impl_, "skips", "skip", id, false); });
}

void Store::insertPause(const Pause& pause) {
    validatePause(validatorFor(*impl_), pause);
    write("save the pause", [&] {
        SQLite::Statement statement(
            impl_->db, "INSERT INTO pauses (id, first_day, last_day, reason, created_at, "
                       "updated_at) VALUES (:id, :first_day, :last_day, :reason, :now, :now)");
        bindPause(statement, pause, unixNow());
        statement.exec();
    });
}

void Store::updatePause(const Pause& pause) {
    validatePause(validatorFor(*impl_), pause);
    write("save the pause", [&] {
        SQLite::Statement statement(
            impl_->db, "UPDATE pauses SET first_day = :first_day, last_day = :last_day, "
                       "reason = :reason, updated_at = :now WHERE id = :id AND deleted_at IS NULL");
        bindPause(statement, pause, unixNow());
        requireChanged(*impl_, statement.exec(), "pause", pause.id);
    });
}

void Store::deletePause(const std::string& id) {
    write("remove the pause", [&] { setDeleted(*impl_, "pauses", "pause", id, true); });
}

void Store::restorePause(const std::string& id) {
    write("bring the pause back", [&] { setDeleted(*impl_, "pauses", "pause", id, false); });
}

// --- Goals ---------------------------------------------------------------

void Store::insertGoal(const Goal& goal) {
    validateGoal(validatorFor(*impl_), goal);
    write("save the goal", [&] {
        SQLite::Statement statement(
            impl_->db,
            "INSERT INTO goals (id, title, target, scope, ritual_id, area, period, start_day, "
            "end_day, reward, archived_on, created_at, updated_at) VALUES (:id, :title, :target, "
            ":scope, :ritual_id, :area, :period, :start_day, :end_day, :reward, :archived_on, "
            ":now, :now)");
        bindGoal(statement, goal, unixNow());
        statement.exec();
    });
}

void Store::updateGoal(const Goal& goal) {
    validateGoal(validatorFor(*impl_), goal);
    write("save the goal", [&] {
        SQLite::Statement statement(
            impl_->db, "UPDATE goals SET title = :title, target = :target, scope = :scope, "
                       "ritual_id = :ritual_id, area = :area, period = :period, "
                       "start_day = :start_day, end_day = :end_day, reward = :reward, "
                       "archived_on = :archived_on, updated_at = :now WHERE id = :id");
        bindGoal(statement, goal, unixNow());
        requireChanged(*impl_, statement.exec(), "goal", goal.id);
    });
}

Store::Tombstones Store::tombstones() const {
    Tombstones deleted;
    try {
        // Table names from this file, never from input.
        for (auto [table, ids] :
             {std::pair{"logs", &deleted.logs}, std::pair{"skips", &deleted.skips},
              std::pair{"pauses", &deleted.pauses}}) {
            SQLite::Statement statement(impl_->db, std::string("SELECT id FROM ") + table +
                                                       " WHERE deleted_at IS NOT NULL");
            while (statement.executeStep())
                ids->insert(statement.getColumn(0).getString());
        }
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the deleted rows");
    }
    return deleted;
}

// --- Celebrations --------------------------------------------------------

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

void Store::markCelebrationsShown(const std::vector<std::string>& keys) {
    for (const std::string& key : keys)
        if (key.empty() || key.size() > 200) impl_->invalid("A celebration key is 1 to 200 bytes");
    if (keys.empty()) return;
    write("remember the celebrations", [&] {
        SQLite::Statement statement(impl_->db, "INSERT OR IGNORE INTO celebrations_shown "
                                               "(key, shown_at) VALUES (:key, :now)");
        const auto now = unixNow();
        for (const std::string& key : keys) {
            statement.reset();
            statement.bind(":key", key);
            statement.bind(":now", now);
            statement.exec();
        }
    });
}

// --- Question marks ------------------------------------------------------

std::vector<QuestionMarkEntry> Store::questionMarks() const {
    std::vector<QuestionMarkEntry> marks;
    try {
        SQLite::Statement statement(impl_->db, "SELECT id, question_id, mark, day FROM "
                                               "question_marks ORDER BY day, question_id, mark");
        while (statement.executeStep()) {
            const std::string id = statement.getColumn(0).getString();
            QuestionMarkEntry entry;
            entry.questionId = statement.getColumn(1).getString();
            const std::string mark = statement.getColumn(2).getString();
            auto parsedMark = fromName<QuestionMark>(questionMarkNames, mark);
            if (!parsedMark) impl_->damaged("question_marks", id, "has an unknown mark");
            entry.mark = *parsedMark;
            const std::string day = statement.getColumn(3).getString();
            auto parsedDay = parseDay(day);
            if (!parsedDay) impl_->damaged("question_marks", id, "has an impossible day");
            entry.day = *parsedDay;
            marks.push_back(std::move(entry));
        }
    } catch (const SQLite::Exception& error) {
        throw translate(error, impl_->location, "read the question marks");
    }
    return marks;
}

void Store::markQuestion(const std::string& questionId, QuestionMark mark, Day day) {
    validatorFor(*impl_).id(questionId, "A question");
    write("remember the question", [&] {
        SQLite::Statement statement(
            impl_->db, "INSERT INTO question_marks (id, question_id, mark, day, created_at, "
                       "updated_at) VALUES (:id, :question_id, :mark, :day, :now, :now) "
                       "ON CONFLICT (question_id, mark) DO UPDATE SET day = excluded.day, "
                       "updated_at = excluded.updated_at");
        statement.bind(":id", newUuid());
        statement.bind(":question_id", questionId);
        statement.bind(":mark", nameOf(questionMarkNames, mark));
        statement.bind(":day", formatDay(day));
        statement.bind(":now", unixNow());
        statement.exec();
    });
}

// Marks are preferences about deck cards, not history: removing one deletes it.
void Store::unmarkQuestion(const std::string& questionId, QuestionMark mark) {
    write("forget the question mark", [&] {
        SQLite::Statement statement(
            impl_->db, "DELETE FROM question_marks WHERE question_id = :question_id AND "
                       "mark = :mark");
        statement.bind(":question_id", questionId);
        statement.bind(":mark", nameOf(questionMarkNames, mark));
        statement.exec();
    });
}

} // namespace kindling
