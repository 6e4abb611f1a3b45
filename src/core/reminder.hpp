#pragma once
// The evening reminder's rules (docs/product.md §6.4):
// pure functions of the history, this computer's reminder settings and state,
// and the wall-clock moment, which the caller passes in. A reminder is sent
// only when it helps: reminders are on, there are rituals, nothing is logged
// or skipped today by anyone, no pause covers today, it has not said hello
// today, nobody said "Not tonight", the reminder time has passed and quiet
// hours have not begun. At most one a day. After three reminded days in a row
// with nothing logged it rests and says hello once a week; the first log
// brings it back to daily.
//
// Times are logical (docs/scoring.md §0.1): with the day starting at 04:00, a
// reminder at 01:00 belongs to the evening before, and quiet hours run from
// their start until the next day begins.

#include "core/date.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

struct TimeOfDay {
    int hour = 0;   // 0 … 23
    int minute = 0; // 0 … 59
    bool operator==(const TimeOfDay&) const = default;
};

// "20:30" or "9:05"; nullopt for anything else (24:00, 20.30, 20:3).
std::optional<TimeOfDay> parseTimeOfDay(std::string_view text);
std::string formatTimeOfDay(TimeOfDay time); // "20:30"

inline constexpr TimeOfDay defaultReminderTime{20, 30};
inline constexpr TimeOfDay defaultQuietFrom{23, 0};
// Reminded days in a row with nothing logged before it rests, and how many
// days it then waits between two hellos.
inline constexpr int unansweredBeforeResting = 3;
inline constexpr int restingIntervalDays = 7;

// What the couple chose on this computer (never synced).
struct ReminderSettings {
    bool on = false;
    TimeOfDay at = defaultReminderTime;
    TimeOfDay quietFrom = defaultQuietFrom; // quiet until the next day starts
    bool operator==(const ReminderSettings&) const = default;
};

// What the reminder remembers on this computer between two checks.
struct ReminderState {
    // The last logical day it said hello (a notification, or the window's banner).
    std::optional<Day> lastSent;
    // How many reminded days in a row before lastSent had nothing logged after them.
    int unansweredBefore = 0;
    // "Not tonight" was chosen for this logical day.
    std::optional<Day> notTonight;
    bool operator==(const ReminderState&) const = default;
};

// A local wall-clock moment (the clock is read by the caller).
struct LocalMoment {
    Day date;       // the calendar date
    int hour = 0;   // 0 … 23
    int minute = 0; // 0 … 59
};

// Why a reminder is or is not sent now, in the order the rules are asked.
enum class ReminderReason : std::uint8_t {
    Due,              // send it
    Off,              // reminders are off
    NoRituals,        // nothing to remind about yet
    LoggedToday,      // something is logged (or skipped) today
    Paused,           // a pause covers today
    NotTonight,       // "Not tonight" was chosen today
    AlreadySent,      // it said hello today already
    TimeInQuietHours, // the reminder time lies in quiet hours: it can never be sent
    TooEarly,         // the reminder time has not come yet
    QuietHours,       // quiet hours have begun
    Resting,          // three hellos went by without a log: once a week for now
};
std::string_view reasonName(ReminderReason reason); // "logged_today", for JSON

// One kind line: our own words, never about a streak at risk.
struct ReminderLine {
    std::string summary;
    std::string body;
};

struct ReminderDecision {
    bool send = false;
    ReminderReason reason = ReminderReason::Off;
    Day today;                       // the logical day the decision is for
    bool weekly = false;             // resting: a weekly hello instead of a daily one
    int unansweredInARow = 0;        // reminded days in a row with nothing logged since
    std::optional<Day> restingUntil; // Resting: the first day the next hello may come
    ReminderLine line;               // what to say, when send
};

// The rules, in order; the first that holds gives the reason.
ReminderDecision decideReminder(const History& history, const ReminderSettings& settings,
                                const ReminderState& state, LocalMoment now);

// The state to keep once the decision's reminder was sent (or shown in the window).
ReminderState stateAfterSending(const ReminderDecision& decision, const ReminderState& state);

// How many reminded days in a row, before `today`, went by with nothing
// logged after them: 0 once anything is logged on the last reminded day or after.
int unansweredInARow(const History& history, const ReminderState& state, Day today);

// Something is logged or skipped on `day`, by anyone.
bool somethingMarkedOn(const History& history, Day day);

// Today's line, chosen by the day (the same all day, another tomorrow). The
// weekly hello after resting has lines of its own.
ReminderLine reminderLine(Day day, bool weekly);
// Every line there is, for tests and for reading them all at once.
std::vector<ReminderLine> allReminderLines();

// The decision in a sentence for the couple: "It will say hello at 20:30 if
// nothing is logged by then." (status, check, Settings).
std::string explainDecision(const ReminderDecision& decision, const ReminderSettings& settings);

// Minutes since the logical day began (0 … 1439) of a wall-clock time.
int logicalMinute(TimeOfDay time, int dayStartHour);

} // namespace kindling
