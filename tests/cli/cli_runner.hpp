#pragma once
// Runs the real kindling binary on a temporary data folder, as a person or a
// script would, and captures its exit code and output.

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#ifdef _WIN32
#include "platform/os/windows_text.hpp"

#include <windows.h>
#else
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace kindling::testing {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

#ifdef _WIN32
// One argument as CommandLineToArgvW reads it back: quoted, with backslashes
// doubled before a quote and each quote escaped.
inline std::wstring windowsQuote(const std::wstring& text) {
    std::wstring quoted = L"\"";
    std::size_t backslashes = 0;
    for (wchar_t c : text) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        quoted.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
        backslashes = 0;
        quoted += c;
    }
    quoted.append(backslashes * 2, L'\\');
    return quoted + L"\"";
}

inline int currentProcessId() {
    return static_cast<int>(GetCurrentProcessId());
}
#else
inline int currentProcessId() {
    return static_cast<int>(::getpid());
}
#endif

inline std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class TempDataDir {
  public:
    TempDataDir() {
        static int counter = 0;
        root_ = std::filesystem::temp_directory_path() /
                ("kindling-cli-" + std::to_string(currentProcessId()) + "-" +
                 std::to_string(++counter));
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
    }
    ~TempDataDir() { std::filesystem::remove_all(root_); }
    TempDataDir(const TempDataDir&) = delete;
    TempDataDir& operator=(const TempDataDir&) = delete;

    std::filesystem::path data() const { return root_ / "data"; }
    std::filesystem::path root() const { return root_; }

    RunResult run(const std::vector<std::string>& arguments) const {
        const auto outFile = root_ / "stdout.txt", errFile = root_ / "stderr.txt";
#ifdef _WIN32
        // The arguments are UTF-8; the child reads its wide command line.
        std::wstring command = windowsQuote(std::filesystem::path(KINDLING_BINARY).wstring()) +
                               L" --data-dir " + windowsQuote(data().wstring());
        for (const std::string& argument : arguments)
            command += L" " + windowsQuote(kindling::os::widen(argument));
        SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        auto create = [&](const std::filesystem::path& file, DWORD access, DWORD disposition) {
            return CreateFileW(file.c_str(), access, FILE_SHARE_READ | FILE_SHARE_WRITE, &inherit,
                               disposition, FILE_ATTRIBUTE_NORMAL, nullptr);
        };
        const HANDLE out = create(outFile, GENERIC_WRITE, CREATE_ALWAYS);
        const HANDLE err = create(errFile, GENERIC_WRITE, CREATE_ALWAYS);
        const HANDLE in = create("NUL", GENERIC_READ, OPEN_EXISTING);
        STARTUPINFOW startup{};
        startup.cb = sizeof startup;
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdInput = in;
        startup.hStdOutput = out;
        startup.hStdError = err;
        PROCESS_INFORMATION process{};
        RunResult result;
        if (CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr,
                           &startup, &process)) {
            WaitForSingleObject(process.hProcess, INFINITE);
            DWORD code = 0;
            if (GetExitCodeProcess(process.hProcess, &code))
                result.exitCode = static_cast<int>(code);
            CloseHandle(process.hThread);
            CloseHandle(process.hProcess);
        }
        CloseHandle(out);
        CloseHandle(err);
        CloseHandle(in);
#else
        std::string command = shellQuote(KINDLING_BINARY) + " --data-dir " + shellQuote(data());
        // Appended piece by piece: `" " + std::string` here trips GCC 12's known
        // -Wrestrict false positive in Release (-O3) builds.
        for (const std::string& argument : arguments) {
            command += ' ';
            command += shellQuote(argument);
        }
        command += " > " + shellQuote(outFile) + " 2> " + shellQuote(errFile) + " < /dev/null";
        const int status = std::system(command.c_str());
        RunResult result;
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
        result.out = readFile(outFile);
        result.err = readFile(errFile);
        return result;
    }

  private:
    std::filesystem::path root_;
};

} // namespace kindling::testing
