#include "cli/cli.hpp"
#include "platform/os/process.hpp"
#include "version.hpp"

#include <iostream>
#include <string>
#include <vector>

#ifdef KINDLING_HAS_GUI
#include "platform/window_app.hpp"
#endif

int main(int argc, char** argv) {
    // UTF-8 arguments and console on every system (src/platform/os/process.hpp).
    kindling::os::prepareConsole();
    std::vector<std::string> arguments = kindling::os::utf8Arguments(argc, argv);
    std::vector<char*> pointers;
    for (std::string& argument : arguments)
        pointers.push_back(argument.data());
    pointers.push_back(nullptr);
    const auto outcome =
        kindling::runCommandLine(static_cast<int>(arguments.size()), pointers.data(), std::cout,
                                 std::cerr, KINDLING_VERSION);
    if (outcome.exitCode) return *outcome.exitCode;
#ifdef KINDLING_HAS_GUI
    return kindling::runWindowApp(outcome.window);
#else
    std::cerr << "kindling: this build has no window (KINDLING_BUILD_GUI=OFF); "
                 "use a subcommand, see --help\n";
    return 2;
#endif
}
