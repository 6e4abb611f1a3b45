#pragma once
// The command line: options for the window, and subcommands that never open it.

#include "store/paths.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace kindling {

// What the window should do when no subcommand was given.
struct WindowRequest {
    DataLocation data;
    std::optional<std::string> screenshotFile; // render, save a PNG, exit
    std::string screen; // a --screen name; empty: the app decides (onboarding or today)
    std::string theme;  // "light" or "dark" for this run; empty: the saved preference
    bool reduceMotion = false;
    // Benchmarks (tests/bench/app_bench.sh): when the first frame is on
    // screen, print the wall clock and the CPU time used so far to stderr.
    bool reportFirstFrame = false;
    int width = 1280;
    int height = 800;
    std::string appVersion; // written into exports made from the window
};

struct CliOutcome {
    std::optional<int> exitCode; // set when the command line has done its work
    WindowRequest window;        // otherwise: open the window like this
};

// Exit codes: 0 success, 1 runtime failure, 2 bad input (nothing written).
CliOutcome runCommandLine(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                          const std::string& version);

} // namespace kindling
