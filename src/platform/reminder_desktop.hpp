#pragma once
// The evening reminder on this desktop: turning it on and off (the
// preferences, and the timer or autostart entry), sending it as a desktop
// notification, and what its buttons do. What the command line's `kindling
// reminder …` and the window's Settings both call.

#include "core/reminder.hpp"
#include "platform/notifications.hpp"
#include "platform/reminder_schedule.hpp"
#include "store/paths.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kindling {
class Session;
}

namespace kindling::platform {

// The notification's buttons.
inline constexpr const char* openAction = "open";
inline constexpr const char* notTonightAction = "not-tonight";

// The decision's line with "Open Kindling" and "Not tonight".
DesktopNotification reminderNotification(const ReminderDecision& decision);

// Turns reminders on with `settings` (std::invalid_argument when the time
// lies in quiet hours: nothing changed) and installs what runs the check with
// the window closed (`via`, else the preferred scheduler) for `program`.
// Throws std::runtime_error when the files cannot be written; the reminder
// then stays off.
ReminderSchedule turnRemindersOn(Session& session, ReminderSettings settings,
                                 std::optional<ReminderScheduler> via,
                                 const std::filesystem::path& program,
                                 const std::filesystem::path& configHome = userConfigHome());
// Turns reminders off and removes every file and process they left.
ReminderSchedule turnRemindersOff(Session& session,
                                  const std::filesystem::path& configHome = userConfigHome());
// The data folder the session's file is in, absolute.
std::filesystem::path dataDirectoryOf(const Session& session);

struct ReminderDelivery {
    bool sent = false;
    bool withActions = false;
    std::string problem;     // why the notification was not shown
    std::string keepProblem; // shown, but the data file did not take the note that it was
};
// Sends the decision's reminder; once shown, keeps that it was sent today.
ReminderDelivery sendReminder(Session& session, Notifier& notifier,
                              const ReminderDecision& decision);

// ---- kindling reminder check -----------------------------------------------------

enum class CheckResult : std::uint8_t {
    NoData,     // no data file here yet
    Off,        // reminders are off
    WindowOpen, // the window holds the data file: it sends the reminder itself
    NotDue,     // the rules say no (decision.reason)
    WouldSend,  // --dry-run: it would have been sent
    Sent,
    NoServer, // due, but no notification service answered
    Failed,   // the data file could not be read (the message says why)
};

struct ReminderCheckOptions {
    bool dryRun = false;
    // How long a sent notification's buttons are listened to.
    std::chrono::milliseconds answerWait = std::chrono::minutes(15);
    std::filesystem::path program; // what "Open Kindling" starts
};

struct ReminderCheck {
    CheckResult result = CheckResult::Failed;
    ReminderDecision decision;
    ReminderSettings settings;
    int dayStartHour = 4;
};

// Opens the data file, brings it up to date (catchUpBeforeReminder), asks the
// rules, sends when due and keeps that it did, closes the file, then listens
// to the buttons. Says on `out` what happened and why.
ReminderCheck runReminderCheck(const DataLocation& location, Notifier& notifier,
                               const ReminderCheckOptions& options, std::ostream& out);

// `kindling reminder check --watch`, what the autostart entry runs: checks at
// login and again each evening at the reminder time, sleeping in between
// without holding the data file, until the autostart entry is removed (or
// SIGTERM from `reminder off`). One watcher per data folder. Returns the exit code.
int watchReminders(const DataLocation& location, Notifier& notifier,
                   const ReminderCheckOptions& options, std::ostream& out,
                   const std::filesystem::path& configHome = userConfigHome());

// ---- With the window open ----------------------------------------------------------

// The window sends the reminder itself while it is open (a timer's check
// finds the data file held and stays silent), and shows it as a banner when
// no notification service answers. Knows nothing of GLFW or ImGui: the
// window says how to wake it, and applies what comes back.
class WindowReminder {
  public:
    static constexpr double checkEverySeconds = 30.0;

    using MakeNotifier = std::function<std::unique_ptr<Notifier>()>;
    WindowReminder(MakeNotifier makeNotifier, std::function<void()> wake);
    ~WindowReminder();
    WindowReminder(const WindowReminder&) = delete;
    WindowReminder& operator=(const WindowReminder&) = delete;

    struct Result {
        bool sent = false;                  // a notification is on the desktop
        std::optional<ReminderLine> banner; // no service answered: show this instead
        Day day{};                          // the logical day it is for
        std::string problem;                // why the desktop did not show it
    };
    // At most every checkEverySeconds (`now` in seconds): sends the reminder
    // when it is due and keeps that it was given (a banner counts). Nullopt
    // when nothing happened.
    std::optional<Result> check(Session& session, double now);

    enum class Answer : std::uint8_t { OpenToday, NotTonight };
    // What the couple chose on the notification since the last call; "Not
    // tonight" is already kept for `today`.
    std::vector<Answer> answers(Session& session, Day today);

  private:
    MakeNotifier makeNotifier_;
    std::function<void()> wake_;
    std::unique_ptr<Notifier> notifier_;
    double lastCheck_ = -checkEverySeconds;
};

// "Open Kindling": starts the window on Today (a window already open on this
// data comes forward instead). Returns why it could not start.
std::optional<std::string> openKindlingWindow(const std::filesystem::path& program,
                                              const DataLocation& location);

} // namespace kindling::platform
