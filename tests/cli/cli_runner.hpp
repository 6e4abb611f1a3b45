#pragma once
// Runs the real kindling binary on a temporary data folder, as a person or a
// script would, and captures its exit code and output.

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace kindling::testing {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

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
                ("kindling-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
    }
    ~TempDataDir() { std::filesystem::remove_all(root_); }
    TempDataDir(const TempDataDir&) = delete;
    TempDataDir& operator=(const TempDataDir&) = delete;

    std::filesystem::path data() const { return root_ / "data"; }
    std::filesystem::path root() const { return root_; }

    RunResult run(const std::vector<std::string>& arguments) const {
        std::string command = shellQuote(KINDLING_BINARY) + " --data-dir " + shellQuote(data());
        // Appended piece by piece: `" " + std::string` here trips GCC 12's known
        // -Wrestrict false positive in Release (-O3) builds.
        for (const std::string& argument : arguments) {
            command += ' ';
            command += shellQuote(argument);
        }
        const auto outFile = root_ / "stdout.txt", errFile = root_ / "stderr.txt";
        command += " > " + shellQuote(outFile) + " 2> " + shellQuote(errFile) + " < /dev/null";
        const int status = std::system(command.c_str());
        RunResult result;
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.out = readFile(outFile);
        result.err = readFile(errFile);
        return result;
    }

  private:
    std::filesystem::path root_;
};

} // namespace kindling::testing
