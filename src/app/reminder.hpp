#pragma once
// The evening reminder on this computer: its settings and state kept as this
// computer's preferences (never synced, never exported), read and written
// through the session's one road, and the rules of core/reminder.hpp asked
// with the clock's time. Sending is the platform's (platform/reminder_delivery.hpp).

#include "core/reminder.hpp"

#include <optional>
#include <string>

namespace kindling {

class Session;

// The preference keys (store: Preference rows).
namespace reminderKeys {
inline constexpr const char* on = "reminder.on";                  // "1" or "0"
inline constexpr const char* at = "reminder.at";                  // "20:30"
inline constexpr const char* quietFrom = "reminder.quiet_from";   // "23:00"
inline constexpr const char* lastSent = "reminder.last_sent";     // "2026-12-02"
inline constexpr const char* unanswered = "reminder.unanswered";  // "2"
inline constexpr const char* notTonight = "reminder.not_tonight"; // "2026-12-02"
} // namespace reminderKeys

// Unset or unreadable values fall back to the defaults (off, 20:30, 23:00).
ReminderSettings reminderSettings(const Session& session);
ReminderState reminderState(const Session& session);

// Why these settings cannot be kept: the reminder time must come before quiet
// hours begin, counted in the couple's day (docs/scoring.md §0.1).
std::optional<std::string> problemWithReminderSettings(const ReminderSettings& settings,
                                                       int dayStartHour);
// Saves the settings in one change (std::invalid_argument with the problem
// above, nothing changed). Turning reminders on or changing the time keeps
// the state; turning them off forgets it, so nothing is left behind.
void saveReminderSettings(Session& session, const ReminderSettings& settings);

// The clock's local moment (app/clock.hpp).
LocalMoment localMomentNow();
// The rules as of now.
ReminderDecision reminderDecisionNow(const Session& session);
// Keeps that the decision's hello was given (a notification or the banner).
void recordReminderSent(Session& session, const ReminderDecision& decision);
// "Not tonight": quiet until `day` is over.
void recordNotTonight(Session& session, Day day);

// Runs before the timer's and the watcher's checks, once the session is
// open: with two computers in sync it syncs first (app/sync_engine.hpp), so a
// log made on the other computer counts as logged today and no hello asks for
// it again. The open window needs none: it syncs on its own every few seconds.
void catchUpBeforeReminder(Session& session);

} // namespace kindling
