#include <iostream>

#include "cli/cli.hpp"
#include "version.hpp"

#ifdef KINDLING_HAS_GUI
#include "platform/window_app.hpp"
#endif

int main(int argc, char** argv) {
    const auto outcome =
        kindling::runCommandLine(argc, argv, std::cout, std::cerr, KINDLING_VERSION);
    if (outcome.exitCode) return *outcome.exitCode;
#ifdef KINDLING_HAS_GUI
    return kindling::runWindowApp(outcome.window);
#else
    std::cerr << "kindling: this build has no window (KINDLING_BUILD_GUI=OFF); "
                 "use a subcommand, see --help\n";
    return 2;
#endif
}
