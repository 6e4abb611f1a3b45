#include "core/reminder.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace kindling {

namespace {

constexpr int minutesPerDay = 24 * 60;

// Daily lines: an invitation, never a warning. No streak, no loss, no
// "forgot": a day without a log is a quiet day (docs/product.md §1.1), and
// nothing assumes the two share a home (§1.3).
const std::array<ReminderLine, 6> dailyLines{{
    {"A small moment for the two of you",
     "A hug, a thank-you or one good question: whatever fits today is plenty."},
    {"Room for a little closeness today?",
     "Nothing big is needed. A few kind minutes for each other count."},
    {"Thinking of the two of you",
     "If you shared something small today, Kindling would love to keep it."},
    {"A gentle hello", "The question of the night is ready, whenever you feel like talking."},
    {"A moment for each other",
     "A call, a walk, a few words of thanks: any small ritual is a good one."},
    {"Hello, you two",
     "When you have a minute, a small ritual together is a lovely way to end the day."},
}};

// After three quiet hellos in a row: once a week, and lighter still.
const std::array<ReminderLine, 3> weeklyLines{{
    {"Just saying hello", "It has been a quiet while, and that is all right. Your rituals are here "
                          "whenever you want them."},
    {"A quiet hello", "No rush at all. When a small moment feels right, Kindling is here."},
    {"Hello again, you two",
     "Whenever you feel like a small ritual again, everything is just as you left it."},
}};

bool pausedOn(const History& history, Day day) {
    return std::any_of(history.pauses.begin(), history.pauses.end(),
                       [&](const Pause& p) { return p.first <= day && day <= p.last; });
}

} // namespace

bool somethingMarkedOn(const History& history, Day day) {
    return std::any_of(history.logs.begin(), history.logs.end(),
                       [&](const Log& log) { return log.day == day; }) ||
           std::any_of(history.skips.begin(), history.skips.end(),
                       [&](const Skip& skip) { return skip.day == day; });
}

namespace {

bool hasActiveRitual(const History& history) {
    return std::any_of(history.rituals.begin(), history.rituals.end(),
                       [](const Ritual& r) { return !r.archived; });
}

std::size_t indexFor(Day day, std::size_t count) {
    const long long n = day.time_since_epoch().count();
    const long long size = static_cast<long long>(count);
    return static_cast<std::size_t>(((n % size) + size) % size);
}

} // namespace

std::optional<TimeOfDay> parseTimeOfDay(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3)
        return std::nullopt;
    int parts[2] = {0, 0};
    const std::string_view pieces[2] = {text.substr(0, colon), text.substr(colon + 1)};
    for (int i = 0; i < 2; ++i)
        for (char c : pieces[i]) {
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    if (parts[0] > 23 || parts[1] > 59) return std::nullopt;
    return TimeOfDay{parts[0], parts[1]};
}

std::string formatTimeOfDay(TimeOfDay time) {
    char text[8] = {};
    std::snprintf(text, sizeof text, "%02d:%02d", std::clamp(time.hour, 0, 23),
                  std::clamp(time.minute, 0, 59));
    return text;
}

int logicalMinute(TimeOfDay time, int dayStartHour) {
    const int wall = time.hour * 60 + time.minute;
    return ((wall - dayStartHour * 60) % minutesPerDay + minutesPerDay) % minutesPerDay;
}

std::string_view reasonName(ReminderReason reason) {
    switch (reason) {
    case ReminderReason::Due:
        return "due";
    case ReminderReason::Off:
        return "off";
    case ReminderReason::NoRituals:
        return "no_rituals";
    case ReminderReason::LoggedToday:
        return "logged_today";
    case ReminderReason::Paused:
        return "paused";
    case ReminderReason::AlreadySent:
        return "already_sent";
    case ReminderReason::NotTonight:
        return "not_tonight";
    case ReminderReason::TimeInQuietHours:
        return "time_in_quiet_hours";
    case ReminderReason::TooEarly:
        return "too_early";
    case ReminderReason::QuietHours:
        return "quiet_hours";
    case ReminderReason::Resting:
        return "resting";
    }
    return "off";
}

int unansweredInARow(const History& history, const ReminderState& state, Day today) {
    if (!state.lastSent || *state.lastSent >= today)
        return state.lastSent ? state.unansweredBefore : 0;
    // "The first log brings it back to daily": anything logged on the last
    // reminded day or since, for any day from then on.
    const Day since = *state.lastSent;
    const bool answered =
        std::any_of(history.logs.begin(), history.logs.end(),
                    [&](const Log& log) { return log.day >= since && log.day < today; });
    return answered ? 0 : std::max(0, state.unansweredBefore) + 1;
}

ReminderDecision decideReminder(const History& history, const ReminderSettings& settings,
                                const ReminderState& state, LocalMoment now) {
    const int dayStartHour = history.settings.dayStartHour;
    const auto ymd = std::chrono::year_month_day{now.date};
    ReminderDecision decision;
    decision.today = logicalDay(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                static_cast<unsigned>(ymd.day()), now.hour, dayStartHour);
    const Day today = decision.today;
    if (!settings.on) return decision; // Off, without reading the history
    decision.unansweredInARow = unansweredInARow(history, state, today);
    decision.weekly = decision.unansweredInARow >= unansweredBeforeResting;

    const int minute = logicalMinute({now.hour, now.minute}, dayStartHour);
    const int due = logicalMinute(settings.at, dayStartHour);
    int quiet = logicalMinute(settings.quietFrom, dayStartHour);
    if (quiet == 0) quiet = minutesPerDay; // quiet hours from the day's start: none

    const auto because = [&](ReminderReason reason) {
        decision.reason = reason;
        return decision;
    };
    if (!hasActiveRitual(history)) return because(ReminderReason::NoRituals);
    if (somethingMarkedOn(history, today)) return because(ReminderReason::LoggedToday);
    if (pausedOn(history, today)) return because(ReminderReason::Paused);
    if (state.notTonight && *state.notTonight == today) return because(ReminderReason::NotTonight);
    if (state.lastSent && *state.lastSent == today) return because(ReminderReason::AlreadySent);
    if (due >= quiet) return because(ReminderReason::TimeInQuietHours);
    if (minute < due) return because(ReminderReason::TooEarly);
    if (minute >= quiet) return because(ReminderReason::QuietHours);
    if (decision.weekly && state.lastSent) {
        const Day next = *state.lastSent + days{restingIntervalDays};
        if (today < next) {
            decision.restingUntil = next;
            return because(ReminderReason::Resting);
        }
    }
    decision.send = true;
    decision.reason = ReminderReason::Due;
    decision.line = reminderLine(today, decision.weekly);
    return decision;
}

ReminderState stateAfterSending(const ReminderDecision& decision, const ReminderState& state) {
    ReminderState next = state;
    next.lastSent = decision.today;
    next.unansweredBefore = decision.unansweredInARow;
    return next;
}

ReminderLine reminderLine(Day day, bool weekly) {
    if (weekly) return weeklyLines[indexFor(day, weeklyLines.size())];
    return dailyLines[indexFor(day, dailyLines.size())];
}

std::vector<ReminderLine> allReminderLines() {
    std::vector<ReminderLine> lines(dailyLines.begin(), dailyLines.end());
    lines.insert(lines.end(), weeklyLines.begin(), weeklyLines.end());
    return lines;
}

std::string explainDecision(const ReminderDecision& decision, const ReminderSettings& settings) {
    const std::string at = formatTimeOfDay(settings.at);
    const std::string quiet = formatTimeOfDay(settings.quietFrom);
    switch (decision.reason) {
    case ReminderReason::Due:
        return decision.weekly ? "It is time for this week's hello."
                               : "It is time for today's hello.";
    case ReminderReason::Off:
        return "Reminders are off.";
    case ReminderReason::NoRituals:
        return "There are no rituals yet, so there is nothing to remind you of.";
    case ReminderReason::LoggedToday:
        return "Something is already marked today, so no reminder is needed.";
    case ReminderReason::Paused:
        return "A pause covers today, so Kindling stays quiet.";
    case ReminderReason::AlreadySent:
        return decision.weekly ? "Kindling said this week's hello today; the next one comes in "
                                 "a week, or tomorrow once something is logged."
                               : "Kindling already said hello today; the next one can come "
                                 "tomorrow.";
    case ReminderReason::NotTonight:
        return "You chose \"Not tonight\", so Kindling stays quiet until tomorrow.";
    case ReminderReason::TimeInQuietHours:
        return "The reminder time " + at + " falls in the quiet hours from " + quiet +
               ", so it cannot be sent; choose an earlier time.";
    case ReminderReason::TooEarly:
        return "It will say hello at " + at + " if nothing is marked by then.";
    case ReminderReason::QuietHours:
        return "Quiet hours began at " + quiet + "; Kindling waits for tomorrow.";
    case ReminderReason::Resting:
        return "The last few hellos went by quietly, so Kindling says hello once a week for now; "
               "the next one can come on " +
               formatLongDay(decision.restingUntil.value_or(decision.today)) +
               ". Your next log brings it back to every evening.";
    }
    return {};
}

} // namespace kindling
