#include "platform/reminder_schedule.hpp"

#include "platform/app_id.hpp"
#include "platform/os/process.hpp"
#include "platform/processes.hpp"
#include "store/files.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>

// What every system shares: the command the schedule runs, the watcher's
// lock and how to stop it, and the file formats' quoting. Where the schedule
// lives is reminder_schedule_xdg.cpp (Linux, macOS) or
// reminder_schedule_windows.cpp.

namespace kindling::platform {

namespace fs = std::filesystem;

namespace {

bool needsQuoting(const std::string& word, std::string_view special) {
    if (word.empty()) return true;
    for (char c : word)
        if (special.find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20)
            return true;
    return false;
}

} // namespace

std::vector<std::string> reminderCheckCommand(const ReminderJob& job, bool watch) {
    std::vector<std::string> command{job.program.string(), "--data-dir", job.dataDirectory.string(),
                                     "reminder", "check"};
    if (watch) command.emplace_back("--watch");
    return command;
}

// Asks a running watcher to stop: the pid in its lock file, but only while
// the lock is held (so the pid is a live watcher's, not a reused number);
// once it has let go, its lock file goes too.
void stopReminderWatcher(const fs::path& dataDirectory, std::vector<std::string>& notes) {
    const fs::path lockFile = watcherLockFile(dataDirectory);
    std::error_code missing;
    if (fs::symlink_status(lockFile, missing).type() == fs::file_type::not_found) return;
    for (int attempt = 0; attempt < 30; ++attempt) {
        FileLock lock;
        std::string holder;
        const FileLock::Result result = FileLock::acquire(lockFile, lock, holder);
        if (result == FileLock::Result::Acquired) {
            std::error_code error;
            fs::remove(lockFile, error);
            return;
        }
        if (result == FileLock::Result::Failed) break;
        const long pid = std::strtol(holder.c_str(), nullptr, 10);
        if (attempt == 0 && pid > 1) {
            if (auto problem = stopProcess(pid)) {
                notes.push_back("the reminder's watcher (process " + holder +
                                ") could not be stopped: " + *problem);
                return;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    notes.push_back("the reminder's watcher did not stop in time; it stops by itself within a "
                    "minute, now that nothing starts it");
}

void startReminderWatcher(const ReminderJob& job, std::string_view otherwise,
                          std::vector<std::string>& notes) {
    if (auto problem = startDetached(reminderCheckCommand(job, true)))
        notes.push_back("the reminder's watcher did not start now (" + *problem + "); it starts " +
                        std::string(otherwise));
}

ReminderSchedule reminderScheduleNoting(const fs::path& configHome,
                                        std::vector<std::string> notes) {
    ReminderSchedule schedule = reminderSchedule(configHome);
    schedule.notes = std::move(notes);
    return schedule;
}

std::string_view schedulerName(ReminderScheduler scheduler) {
    switch (scheduler) {
    case ReminderScheduler::SystemdTimer:
        return "systemd";
    case ReminderScheduler::Autostart:
        return "autostart";
    case ReminderScheduler::SignIn:
        break;
    }
    return "sign-in";
}

std::optional<ReminderScheduler> schedulerFromName(std::string_view name) {
    if (name == "systemd") return ReminderScheduler::SystemdTimer;
    if (name == "autostart") return ReminderScheduler::Autostart;
    if (name == "sign-in") return ReminderScheduler::SignIn;
    return std::nullopt;
}

fs::path watcherLockFile(const fs::path& dataDirectory) {
    return dataDirectory / "reminder-watch.lock";
}

fs::path currentProgram() {
    return os::executablePath().value_or(fs::path("kindling"));
}

// systemd.syntax(7): words in double quotes with C escapes; "%" starts a
// specifier and "$" a variable, so both are doubled.
std::string systemdCommandLine(const std::vector<std::string>& arguments) {
    std::string line;
    for (const std::string& word : arguments) {
        std::string escaped;
        for (char c : word) {
            if (c == '%' || c == '$') escaped += c;
            if (c == '\\' || c == '"') escaped += '\\';
            escaped += c;
        }
        if (!line.empty()) line += ' ';
        line += needsQuoting(word, " \t\"'\\;") ? "\"" + escaped + "\"" : escaped;
    }
    return line;
}

// The Desktop Entry Specification, "The Exec key": reserved characters make
// a word quoted, inside quotes " ` $ \ are escaped, "%" is doubled; then the
// value's own string escapes double every backslash.
std::string desktopExecLine(const std::vector<std::string>& arguments) {
    std::string line;
    for (const std::string& word : arguments) {
        const bool quote = needsQuoting(word, " \t\n\"'\\><~|&;$*?#()`");
        std::string escaped;
        for (char c : word) {
            if (c == '%') escaped += '%';
            if (quote && (c == '"' || c == '`' || c == '$' || c == '\\')) escaped += '\\';
            escaped += c;
        }
        if (!line.empty()) line += ' ';
        line += quote ? "\"" + escaped + "\"" : escaped;
    }
    std::string value;
    for (char c : line) {
        if (c == '\\') value += '\\';
        value += c;
    }
    return value;
}

std::string systemdServiceText(const ReminderJob& job) {
    return "# Written by Kindling when its evening reminder was turned on; removed when it\n"
           "# is turned off (Settings, or: kindling reminder off).\n"
           "[Unit]\n"
           "Description=Kindling's gentle evening reminder\n"
           "\n"
           "[Service]\n"
           "Type=oneshot\n"
           "ExecStart=" +
           systemdCommandLine(reminderCheckCommand(job, false)) +
           "\n"
           "# \"Open Kindling\" starts the window from this check: it outlives the check.\n"
           "KillMode=process\n";
}

std::string systemdTimerText(const ReminderJob& job) {
    const std::string at = formatTimeOfDay(job.at);
    return "# Written by Kindling when its evening reminder was turned on; removed when it\n"
           "# is turned off (Settings, or: kindling reminder off).\n"
           "[Unit]\n"
           "Description=Kindling's gentle evening reminder, at " +
           at +
           "\n"
           "\n"
           "[Timer]\n"
           "OnCalendar=*-*-* " +
           at +
           ":00\n"
           "Persistent=true\n"
           "AccuracySec=1min\n"
           "\n"
           "[Install]\n"
           "WantedBy=timers.target\n";
}

std::string autostartText(const ReminderJob& job) {
    return "[Desktop Entry]\n"
           "Type=Application\n"
           "Name=Kindling reminder\n"
           "Comment=A gentle evening hello from Kindling, only when nothing is logged yet\n"
           "Exec=" +
           desktopExecLine(reminderCheckCommand(job, true)) +
           "\n"
           "Icon=" +
           std::string(desktopIconName) +
           "\n"
           "Terminal=false\n"
           "NoDisplay=true\n"
           "X-GNOME-Autostart-enabled=true\n";
}

} // namespace kindling::platform
