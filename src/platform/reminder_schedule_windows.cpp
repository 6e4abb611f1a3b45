#include "platform/os/windows_text.hpp"
#include "platform/processes.hpp"
#include "platform/reminder_schedule.hpp"

#include <stdexcept>

// clang-format off
#include <windows.h>
// clang-format on

// Windows: a value under the user's Run key starts the quiet watcher
// (`kindling.exe reminder check --watch`) each time they sign in, and it
// starts now as well. Nothing is written anywhere else; turned off, the value
// goes and the watcher stops. The configuration folder the other systems use
// plays no part here.

namespace kindling::platform {

namespace fs = std::filesystem;

namespace {

constexpr const wchar_t* runKey = L"Software\\Microsoft\\Windows\\CurrentVersion\\Run";
constexpr const wchar_t* valueName = L"Kindling reminder";
constexpr const char* runValueText =
    "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, \"Kindling reminder\"";

std::string errorOf(LSTATUS status) {
    return os::errorText(static_cast<unsigned long>(status));
}

// The command line that starts the watcher, as the Run key holds it.
std::optional<std::string> signInCommand() {
    DWORD bytes = 0;
    if (RegGetValueW(HKEY_CURRENT_USER, runKey, valueName, RRF_RT_REG_SZ, nullptr, nullptr,
                     &bytes) != ERROR_SUCCESS)
        return std::nullopt;
    std::wstring text(bytes / sizeof(wchar_t), L'\0');
    if (RegGetValueW(HKEY_CURRENT_USER, runKey, valueName, RRF_RT_REG_SZ, nullptr, text.data(),
                     &bytes) != ERROR_SUCCESS)
        return std::nullopt;
    text.resize(bytes / sizeof(wchar_t));
    while (!text.empty() && text.back() == L'\0')
        text.pop_back();
    return os::narrow(text);
}

} // namespace

fs::path userConfigHome() {
    // Not used on Windows (the Run key is the user's own); kept so callers
    // on every system pass the same arguments.
    return {};
}

ReminderScheduleFiles reminderScheduleFiles(const fs::path&) {
    return {};
}

bool systemdRunsThisSession() {
    return false;
}

std::optional<ReminderScheduler> preferredScheduler() {
    return ReminderScheduler::SignIn;
}

bool schedulerAvailable(ReminderScheduler scheduler) {
    return scheduler == ReminderScheduler::SignIn;
}

ReminderSchedule reminderSchedule(const fs::path&) {
    ReminderSchedule schedule;
    if (signInCommand()) {
        schedule.installed = ReminderScheduler::SignIn;
        schedule.where = runValueText;
    }
    return schedule;
}

ReminderSchedule installReminderSchedule(ReminderScheduler, const ReminderJob& job,
                                         const fs::path& configHome) {
    const std::vector<std::string> command = reminderCheckCommand(job, true);
    const std::wstring line = os::widen(windowsCommandLine(command));
    HKEY key = nullptr;
    LSTATUS status = RegCreateKeyExW(HKEY_CURRENT_USER, runKey, 0, nullptr, 0, KEY_SET_VALUE,
                                     nullptr, &key, nullptr);
    if (status == ERROR_SUCCESS) {
        status =
            RegSetValueExW(key, valueName, 0, REG_SZ, reinterpret_cast<const BYTE*>(line.c_str()),
                           static_cast<DWORD>((line.size() + 1) * sizeof(wchar_t)));
        RegCloseKey(key);
    }
    if (status != ERROR_SUCCESS)
        throw std::runtime_error(std::string("cannot write ") + runValueText + ": " +
                                 errorOf(status));
    std::vector<std::string> notes;
    startReminderWatcher(job, "the next time you sign in", notes);
    return reminderScheduleNoting(configHome, std::move(notes));
}

ReminderSchedule removeReminderSchedule(const fs::path& configHome, const fs::path& dataDirectory) {
    std::vector<std::string> notes;
    const LSTATUS status = RegDeleteKeyValueW(HKEY_CURRENT_USER, runKey, valueName);
    if (status != ERROR_SUCCESS && status != ERROR_FILE_NOT_FOUND)
        notes.push_back(std::string("could not remove ") + runValueText + ": " + errorOf(status));
    stopReminderWatcher(dataDirectory, notes);
    return reminderScheduleNoting(configHome, std::move(notes));
}

} // namespace kindling::platform
