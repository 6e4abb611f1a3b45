#include "platform/os/process.hpp"
#include "platform/os/windows_text.hpp"

#include <cstdio>
#include <fcntl.h>
#include <io.h>
// <windows.h> must come before the other Windows headers.
// clang-format off
#include <windows.h>
#include <shellapi.h>
// clang-format on

namespace kindling::os {

std::vector<std::string> utf8Arguments(int argc, char** argv) {
    int count = 0;
    wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
    if (wide == nullptr) return {argv, argv + argc};
    std::vector<std::string> arguments;
    arguments.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        arguments.push_back(narrow(wide[i]));
    LocalFree(wide);
    return arguments;
}

void prepareConsole() {
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    // Lines end in "\n" as on Linux, so `stats --json` and export are the same
    // bytes on both (text mode would write "\r\n").
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
}

std::optional<std::filesystem::path> executablePath() {
    std::wstring buffer(MAX_PATH, L'\0');
    for (;;) {
        const DWORD length =
            GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
        if (length == 0) return std::nullopt;
        if (length < buffer.size()) {
            buffer.resize(length);
            return std::filesystem::path(buffer);
        }
        buffer.resize(buffer.size() * 2);
    }
}

std::optional<std::filesystem::path> executableDirectory() {
    auto self = executablePath();
    if (!self) return std::nullopt;
    return self->parent_path();
}

unsigned long processId() {
    return GetCurrentProcessId();
}

bool aloneOnOwnConsole() {
    DWORD processes[2] = {};
    return GetConsoleWindow() != nullptr && GetConsoleProcessList(processes, 2) == 1;
}

} // namespace kindling::os
