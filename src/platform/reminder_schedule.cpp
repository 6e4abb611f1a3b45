#include "platform/reminder_schedule.hpp"

#include "platform/app_id.hpp"
#include "platform/os/process.hpp"
#include "platform/processes.hpp"
#include "store/files.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace kindling::platform {

namespace fs = std::filesystem;

namespace {

constexpr const char* unitName = "kindling-reminder";

std::vector<std::string> checkCommand(const ReminderJob& job, bool watch) {
    std::vector<std::string> command{job.program.string(), "--data-dir", job.dataDirectory.string(),
                                     "reminder", "check"};
    if (watch) command.emplace_back("--watch");
    return command;
}

// Written whole or not at all: a temporary file beside it, then a rename.
void writeFile(const fs::path& file, const std::string& text) {
    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    if (error)
        throw std::runtime_error("cannot create " + file.parent_path().string() + ": " +
                                 error.message());
    const fs::path temporary = file.string() + ".new";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            fs::remove(temporary, error);
            throw std::runtime_error("cannot write " + file.string());
        }
    }
    fs::rename(temporary, file, error);
    if (error) {
        fs::remove(temporary, error);
        throw std::runtime_error("cannot write " + file.string() + ": " + error.message());
    }
}

bool present(const fs::path& file) {
    std::error_code error;
    return fs::symlink_status(file, error).type() != fs::file_type::not_found && !error;
}

void removeIfThere(const fs::path& file, std::vector<std::string>& notes) {
    std::error_code error;
    if (!present(file)) return;
    fs::remove(file, error);
    if (error) notes.push_back("could not remove " + file.string() + ": " + error.message());
}

std::string systemctlUser(const std::vector<std::string>& verb) {
    std::vector<std::string> command{"systemctl", "--user"};
    command.insert(command.end(), verb.begin(), verb.end());
    const int code = runQuietly(command);
    if (code == 0) return {};
    std::string text = "systemctl --user";
    for (const std::string& word : verb)
        text += " " + word;
    return text + (code < 0 ? " could not run" : " ended with " + std::to_string(code));
}

// Asks a running watcher to stop: the pid in its lock file, but only while
// the lock is held (so the pid is a live watcher's, not a reused number);
// once it has let go, its lock file goes too.
void stopWatcher(const fs::path& dataDirectory, std::vector<std::string>& notes) {
    const fs::path lockFile = watcherLockFile(dataDirectory);
    if (!present(lockFile)) return;
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
                    "minute, now that its autostart entry is gone");
}

bool needsQuoting(const std::string& word, std::string_view special) {
    if (word.empty()) return true;
    for (char c : word)
        if (special.find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20)
            return true;
    return false;
}

} // namespace

std::string_view schedulerName(ReminderScheduler scheduler) {
    return scheduler == ReminderScheduler::SystemdTimer ? "systemd" : "autostart";
}

std::optional<ReminderScheduler> schedulerFromName(std::string_view name) {
    if (name == "systemd") return ReminderScheduler::SystemdTimer;
    if (name == "autostart") return ReminderScheduler::Autostart;
    return std::nullopt;
}

fs::path userConfigHome() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/')
        return xdg;
    const char* home = std::getenv("HOME");
    return fs::path(home != nullptr && *home != '\0' ? home : ".") / ".config";
}

ReminderScheduleFiles reminderScheduleFiles(const fs::path& configHome) {
    const fs::path units = configHome / "systemd" / "user";
    return {units / (std::string(unitName) + ".service"),
            units / (std::string(unitName) + ".timer"),
            units / "timers.target.wants" / (std::string(unitName) + ".timer"),
            configHome / "autostart" / (std::string(desktopAppId) + "-reminder.desktop")};
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
           systemdCommandLine(checkCommand(job, false)) +
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
           desktopExecLine(checkCommand(job, true)) +
           "\n"
           "Icon=" +
           std::string(desktopIconName) +
           "\n"
           "Terminal=false\n"
           "NoDisplay=true\n"
           "X-GNOME-Autostart-enabled=true\n";
}

bool systemdRunsThisSession() {
    std::error_code error;
    if (!fs::is_directory("/run/systemd/system", error)) return false;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime == nullptr || *runtime == '\0') return false;
    return fs::exists(fs::path(runtime) / "systemd" / "private", error);
}

ReminderScheduler preferredScheduler() {
    return systemdRunsThisSession() ? ReminderScheduler::SystemdTimer
                                    : ReminderScheduler::Autostart;
}

ReminderSchedule reminderSchedule(const fs::path& configHome) {
    const ReminderScheduleFiles files = reminderScheduleFiles(configHome);
    ReminderSchedule schedule;
    for (const fs::path& file : {files.service, files.timer, files.wants, files.autostart})
        if (present(file)) schedule.files.push_back(file);
    if (present(files.timer) && present(files.service))
        schedule.installed = ReminderScheduler::SystemdTimer;
    else if (present(files.autostart))
        schedule.installed = ReminderScheduler::Autostart;
    return schedule;
}

ReminderSchedule installReminderSchedule(ReminderScheduler scheduler, const ReminderJob& job,
                                         const fs::path& configHome) {
    const ReminderScheduleFiles files = reminderScheduleFiles(configHome);
    std::vector<std::string> notes;
    if (scheduler == ReminderScheduler::SystemdTimer) {
        removeIfThere(files.autostart, notes);
        stopWatcher(job.dataDirectory, notes);
        try {
            writeFile(files.service, systemdServiceText(job));
            writeFile(files.timer, systemdTimerText(job));
            // What `systemctl --user enable` would link, made here so the timer
            // is enabled even while no user manager runs (it starts at login).
            std::error_code error;
            fs::create_directories(files.wants.parent_path(), error);
            fs::remove(files.wants, error);
            fs::create_symlink(files.timer, files.wants, error);
            if (error)
                throw std::runtime_error("cannot link " + files.wants.string() + ": " +
                                         error.message());
        } catch (...) {
            for (const fs::path& file : {files.service, files.timer, files.wants})
                removeIfThere(file, notes);
            throw;
        }
        if (systemdRunsThisSession()) {
            for (const std::vector<std::string>& verb :
                 {std::vector<std::string>{"daemon-reload"},
                  std::vector<std::string>{"restart", std::string(unitName) + ".timer"}})
                if (std::string problem = systemctlUser(verb); !problem.empty())
                    notes.push_back(problem);
        } else {
            notes.push_back("systemd does not run this session, so the timer begins at the next "
                            "login that systemd runs");
        }
    } else {
        for (const fs::path& file : {files.service, files.timer, files.wants})
            removeIfThere(file, notes);
        if (systemdRunsThisSession()) systemctlUser({"daemon-reload"});
        writeFile(files.autostart, autostartText(job));
        // At login the desktop starts it; for this session, it starts now.
        if (auto problem = startDetached(checkCommand(job, true)))
            notes.push_back("the reminder's watcher did not start now (" + *problem +
                            "); it starts at the next login");
    }
    ReminderSchedule schedule = reminderSchedule(configHome);
    schedule.notes = std::move(notes);
    return schedule;
}

ReminderSchedule removeReminderSchedule(const fs::path& configHome, const fs::path& dataDirectory) {
    const ReminderScheduleFiles files = reminderScheduleFiles(configHome);
    std::vector<std::string> notes;
    const bool hadTimer = present(files.timer) || present(files.service) || present(files.wants);
    if (hadTimer && systemdRunsThisSession())
        systemctlUser({"stop", std::string(unitName) + ".timer"});
    for (const fs::path& file : {files.wants, files.timer, files.service, files.autostart})
        removeIfThere(file, notes);
    // The folders Kindling made for them, when nothing else lives there.
    std::error_code error;
    for (const fs::path& folder :
         {files.wants.parent_path(), files.timer.parent_path(),
          files.timer.parent_path().parent_path(), files.autostart.parent_path()})
        if (fs::is_directory(folder, error) && fs::is_empty(folder, error))
            fs::remove(folder, error);
    if (hadTimer && systemdRunsThisSession()) systemctlUser({"daemon-reload"});
    stopWatcher(dataDirectory, notes);
    ReminderSchedule schedule = reminderSchedule(configHome);
    schedule.notes = std::move(notes);
    return schedule;
}

} // namespace kindling::platform
