#include "platform/os/windows_text.hpp"
#include "platform/processes.hpp"

// <windows.h> must come before the other Windows headers.
// clang-format off
#include <windows.h>
// clang-format on

namespace kindling::platform {

namespace {

// One argument quoted so that CommandLineToArgvW (and the C runtime) read it
// back unchanged: backslashes are doubled only before a quote.
std::wstring quoted(const std::wstring& argument) {
    if (!argument.empty() && argument.find_first_of(L" \t\n\v\"") == std::wstring::npos)
        return argument;
    std::wstring out = L"\"";
    std::size_t backslashes = 0;
    for (wchar_t c : argument) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
        backslashes = 0;
        out.push_back(c);
    }
    out.append(backslashes * 2, L'\\');
    out.push_back(L'"');
    return out;
}

// Started with no window and no console of its own; `detached` leaves it to
// run on after we end.
std::optional<std::string> start(const std::vector<std::string>& arguments, bool detached,
                                 PROCESS_INFORMATION& process) {
    if (arguments.empty()) return "nothing to start";
    std::wstring line = os::widen(windowsCommandLine(arguments));
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    // DETACHED_PROCESS: no console at all (CREATE_NO_WINDOW: a hidden one).
    const DWORD flags = detached ? DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP : CREATE_NO_WINDOW;
    if (!CreateProcessW(nullptr, line.data(), nullptr, nullptr, FALSE, flags, nullptr, nullptr,
                        &startup, &process))
        return arguments.front() + " could not start: " + os::lastErrorText();
    return std::nullopt;
}

} // namespace

std::string windowsCommandLine(const std::vector<std::string>& arguments) {
    std::wstring line;
    for (const std::string& argument : arguments) {
        if (!line.empty()) line.push_back(L' ');
        line += quoted(os::widen(argument));
    }
    return os::narrow(line);
}

int runQuietly(const std::vector<std::string>& arguments) {
    PROCESS_INFORMATION process{};
    if (start(arguments, false, process)) return -1;
    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD code = 0;
    const bool known = GetExitCodeProcess(process.hProcess, &code) != 0;
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return known ? static_cast<int>(code) : -1;
}

std::optional<std::string> startDetached(const std::vector<std::string>& arguments) {
    PROCESS_INFORMATION process{};
    if (auto problem = start(arguments, true, process)) return problem;
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return std::nullopt;
}

std::optional<std::string> stopProcess(long pid) {
    if (pid <= 0) return "there is no such process";
    HANDLE process = OpenProcess(PROCESS_TERMINATE, FALSE, static_cast<DWORD>(pid));
    if (process == nullptr) return os::lastErrorText();
    const bool ended = TerminateProcess(process, 0) != 0;
    const std::string problem = ended ? "" : os::lastErrorText();
    CloseHandle(process);
    if (!ended) return problem;
    return std::nullopt;
}

} // namespace kindling::platform
