#pragma once
// What runs `kindling reminder check` while the window is closed. Linux: a
// systemd user timer where systemd runs the session, else an XDG autostart
// entry that starts a quiet watcher at login (`reminder check --watch`),
// written into the user's configuration folder (reminder_schedule_xdg.cpp).
// Windows: the same watcher, started at sign-in by a value under the user's
// Run key (reminder_schedule_windows.cpp). macOS: nothing yet (the open
// window still says hello). Turned off, every trace goes and the watcher
// stops.

#include "core/reminder.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling::platform {

enum class ReminderScheduler : std::uint8_t { SystemdTimer, Autostart, SignIn };
// "systemd", "autostart" or "sign-in"
std::string_view schedulerName(ReminderScheduler scheduler);
std::optional<ReminderScheduler> schedulerFromName(std::string_view name);

// What the timer or the watcher runs.
struct ReminderJob {
    std::filesystem::path program;       // the kindling executable
    std::filesystem::path dataDirectory; // passed as --data-dir
    TimeOfDay at = defaultReminderTime;  // when the timer fires
};

// Where the files go under the configuration folder ($XDG_CONFIG_HOME, else ~/.config).
struct ReminderScheduleFiles {
    std::filesystem::path service;   // systemd/user/kindling-reminder.service
    std::filesystem::path timer;     // systemd/user/kindling-reminder.timer
    std::filesystem::path wants;     // systemd/user/timers.target.wants/kindling-reminder.timer
    std::filesystem::path autostart; // autostart/app.kindling.Kindling-reminder.desktop
};
ReminderScheduleFiles reminderScheduleFiles(const std::filesystem::path& configHome);
std::filesystem::path userConfigHome();

// The files' text, exactly as written.
std::string systemdServiceText(const ReminderJob& job);
std::string systemdTimerText(const ReminderJob& job);
std::string autostartText(const ReminderJob& job);

// A systemd user manager runs this session (its private socket is there).
bool systemdRunsThisSession();
// This system's way (Linux: systemd when it runs the session; Windows:
// sign-in); nullopt where there is none (macOS, for now).
std::optional<ReminderScheduler> preferredScheduler();
// Whether `scheduler` can be installed on this system.
bool schedulerAvailable(ReminderScheduler scheduler);

// What is installed now.
struct ReminderSchedule {
    std::optional<ReminderScheduler> installed;
    std::string where; // what to look at: the timer file, the entry, the Run key's value
    std::vector<std::filesystem::path> files; // those on disk (none on Windows: the registry)
    std::vector<std::string> notes; // what the couple should know (systemd not running …)
};
ReminderSchedule reminderSchedule(const std::filesystem::path& configHome);

// Writes the files (or the Run key's value) of `scheduler`, removing the
// other kind's, and starts it now: the timer through systemctl --user, the
// watcher as a detached process. Throws std::runtime_error with the file and
// the reason when a file cannot be written (whatever was written is removed
// again). Only for a scheduler this system has (schedulerAvailable).
ReminderSchedule installReminderSchedule(ReminderScheduler scheduler, const ReminderJob& job,
                                         const std::filesystem::path& configHome);
// Stops the timer and the watcher and removes every file either kind wrote.
ReminderSchedule removeReminderSchedule(const std::filesystem::path& configHome,
                                        const std::filesystem::path& dataDirectory);

// What the timer, the entry or the Run key runs: `PROGRAM --data-dir DIR
// reminder check`, with --watch for the watcher.
std::vector<std::string> reminderCheckCommand(const ReminderJob& job, bool watch);
// Asks a running watcher of that data folder to stop and waits for it;
// anything that went wrong is added to `notes`.
void stopReminderWatcher(const std::filesystem::path& dataDirectory,
                         std::vector<std::string>& notes);
// Starts the watcher now, for this session; when it cannot, `notes` says so
// and that it starts `otherwise` ("at the next login").
void startReminderWatcher(const ReminderJob& job, std::string_view otherwise,
                          std::vector<std::string>& notes);
// What is installed now, with what the couple should know of the change.
ReminderSchedule reminderScheduleNoting(const std::filesystem::path& configHome,
                                        std::vector<std::string> notes);

// The watcher's lock beside the data file: one watcher per data folder, and
// the file that names it when it must stop.
std::filesystem::path watcherLockFile(const std::filesystem::path& dataDirectory);

// This process's executable (platform/os/process.hpp).
std::filesystem::path currentProgram();

// Quoting for the two file formats (systemd's ExecStart=, the desktop entry's Exec=).
std::string systemdCommandLine(const std::vector<std::string>& arguments);
std::string desktopExecLine(const std::vector<std::string>& arguments);

} // namespace kindling::platform
