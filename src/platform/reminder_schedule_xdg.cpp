#include "platform/app_id.hpp"
#include "platform/processes.hpp"
#include "platform/reminder_schedule.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

// Linux (and macOS, until it has a launch agent of its own): a systemd user
// timer, or an XDG autostart entry that starts the watcher at login.

namespace kindling::platform {

namespace fs = std::filesystem;

namespace {

constexpr const char* unitName = "kindling-reminder";

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

} // namespace

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

bool systemdRunsThisSession() {
    std::error_code error;
    if (!fs::is_directory("/run/systemd/system", error)) return false;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime == nullptr || *runtime == '\0') return false;
    return fs::exists(fs::path(runtime) / "systemd" / "private", error);
}

#ifdef __APPLE__
// A launch agent would be macOS's way; until it is built, nothing is
// installed and the open window alone says hello.
std::optional<ReminderScheduler> preferredScheduler() {
    return std::nullopt;
}

bool schedulerAvailable(ReminderScheduler) {
    return false;
}
#else
std::optional<ReminderScheduler> preferredScheduler() {
    return systemdRunsThisSession() ? ReminderScheduler::SystemdTimer
                                    : ReminderScheduler::Autostart;
}

bool schedulerAvailable(ReminderScheduler scheduler) {
    return scheduler != ReminderScheduler::SignIn;
}
#endif

ReminderSchedule reminderSchedule(const fs::path& configHome) {
    const ReminderScheduleFiles files = reminderScheduleFiles(configHome);
    ReminderSchedule schedule;
    for (const fs::path& file : {files.service, files.timer, files.wants, files.autostart})
        if (present(file)) schedule.files.push_back(file);
    if (present(files.timer) && present(files.service)) {
        schedule.installed = ReminderScheduler::SystemdTimer;
        schedule.where = files.timer.string();
    } else if (present(files.autostart)) {
        schedule.installed = ReminderScheduler::Autostart;
        schedule.where = files.autostart.string();
    }
    return schedule;
}

ReminderSchedule installReminderSchedule(ReminderScheduler scheduler, const ReminderJob& job,
                                         const fs::path& configHome) {
    const ReminderScheduleFiles files = reminderScheduleFiles(configHome);
    std::vector<std::string> notes;
    if (scheduler == ReminderScheduler::SystemdTimer) {
        removeIfThere(files.autostart, notes);
        stopReminderWatcher(job.dataDirectory, notes);
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
        startReminderWatcher(job, "at the next login", notes);
    }
    return reminderScheduleNoting(configHome, std::move(notes));
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
    stopReminderWatcher(dataDirectory, notes);
    return reminderScheduleNoting(configHome, std::move(notes));
}

} // namespace kindling::platform
