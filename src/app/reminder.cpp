#include "app/reminder.hpp"

#include "app/sync_engine.hpp"

#include "app/clock.hpp"
#include "app/session.hpp"
#include "core/actions.hpp"

#include <chrono>
#include <stdexcept>
#include <utility>
#include <vector>

namespace kindling {

namespace {

std::optional<TimeOfDay> timeOf(const Session& session, const char* key) {
    if (auto text = session.findPreference(key)) return parseTimeOfDay(*text);
    return std::nullopt;
}

std::optional<Day> dayOf(const Session& session, const char* key) {
    if (auto text = session.findPreference(key)) return parseDay(*text);
    return std::nullopt;
}

using Values = std::vector<std::pair<const char*, std::optional<std::string>>>;

// Every value in one change: one transaction, one revision.
void save(Session& session, const Values& values) {
    ChangeSet change;
    change.undoable = false;
    change.description = "the reminder";
    for (const auto& [key, value] : values)
        change.append(setPreference(session.findPreference(key), key, value));
    session.apply(change);
}

std::optional<std::string> dayText(const std::optional<Day>& day) {
    return day ? std::optional<std::string>(formatDay(*day)) : std::nullopt;
}

} // namespace

ReminderSettings reminderSettings(const Session& session) {
    ReminderSettings settings;
    settings.on = session.preference(reminderKeys::on, "0") == "1";
    settings.at = timeOf(session, reminderKeys::at).value_or(defaultReminderTime);
    settings.quietFrom = timeOf(session, reminderKeys::quietFrom).value_or(defaultQuietFrom);
    return settings;
}

ReminderState reminderState(const Session& session) {
    ReminderState state;
    state.lastSent = dayOf(session, reminderKeys::lastSent);
    state.notTonight = dayOf(session, reminderKeys::notTonight);
    const std::string count = session.preference(reminderKeys::unanswered, "0");
    int unanswered = 0;
    for (char c : count) {
        if (c < '0' || c > '9' || unanswered > 1000) {
            unanswered = 0;
            break;
        }
        unanswered = unanswered * 10 + (c - '0');
    }
    state.unansweredBefore = unanswered;
    return state;
}

std::optional<std::string> problemWithReminderSettings(const ReminderSettings& settings,
                                                       int dayStartHour) {
    int quiet = logicalMinute(settings.quietFrom, dayStartHour);
    if (quiet == 0) quiet = 24 * 60;
    if (logicalMinute(settings.at, dayStartHour) < quiet) return std::nullopt;
    return "the reminder time " + formatTimeOfDay(settings.at) +
           " must come before the quiet hours that begin at " +
           formatTimeOfDay(settings.quietFrom) + " (your day starts at " +
           formatTimeOfDay({dayStartHour, 0}) + ")";
}

void saveReminderSettings(Session& session, const ReminderSettings& settings) {
    // Turning off is always possible, whatever the times say.
    if (settings.on)
        if (auto problem =
                problemWithReminderSettings(settings, session.history().settings.dayStartHour))
            throw std::invalid_argument(*problem);
    Values values{{reminderKeys::on, settings.on ? "1" : "0"},
                  {reminderKeys::at, formatTimeOfDay(settings.at)},
                  {reminderKeys::quietFrom, formatTimeOfDay(settings.quietFrom)}};
    if (!settings.on) {
        values.emplace_back(reminderKeys::lastSent, std::nullopt);
        values.emplace_back(reminderKeys::unanswered, std::nullopt);
        values.emplace_back(reminderKeys::notTonight, std::nullopt);
    }
    save(session, values);
}

LocalMoment localMomentNow() {
    const LocalTime local = localTimeOf(unixNow());
    using namespace std::chrono;
    return {year{local.year} / month{local.month} / day{local.day}, local.hour, local.minute};
}

ReminderDecision reminderDecisionNow(const Session& session) {
    return decideReminder(session.history(), reminderSettings(session), reminderState(session),
                          localMomentNow());
}

void recordReminderSent(Session& session, const ReminderDecision& decision) {
    const ReminderState next = stateAfterSending(decision, reminderState(session));
    save(session, {{reminderKeys::lastSent, dayText(next.lastSent)},
                   {reminderKeys::unanswered, std::to_string(next.unansweredBefore)}});
}

void recordNotTonight(Session& session, Day day) {
    save(session, {{reminderKeys::notTonight, formatDay(day)}});
}

void catchUpBeforeReminder(Session& session) {
    // Sync off: one small read. A folder that is away or damaged is kept in
    // sync's own status (Settings, `kindling sync status`); the check goes on
    // with what is here, as it would have without sync.
    try {
        syncNow(session);
    } catch (const std::exception&) {
    }
}

} // namespace kindling
