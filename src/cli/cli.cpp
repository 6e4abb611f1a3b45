#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <ostream>
#include <regex>

namespace kindling {

namespace {

bool parseWindowSize(const std::string& text, int& width, int& height) {
    static const std::regex pattern(R"((\d{2,5})x(\d{2,5}))");
    std::smatch match;
    if (!std::regex_match(text, match, pattern)) return false;
    width = std::stoi(match[1]);
    height = std::stoi(match[2]);
    return width >= 320 && height >= 240 && width <= 8192 && height <= 8192;
}

} // namespace

CliOutcome runCommandLine(int argc, const char* const* argv, std::ostream& out,
                          std::ostream& err, const std::string& version) {
    CLI::App app{"Kindling: small daily rituals for two.\n"
                 "Without a subcommand, opens the window."};
    app.set_version_flag("--version", "kindling " + version);

    std::optional<std::string> dataDir;
    app.add_option("--data-dir", dataDir,
                   "Folder of the data file (default: $KINDLING_DATA_DIR, else "
                   "$XDG_DATA_HOME/kindling, else ~/.local/share/kindling)");

    std::optional<std::string> screenshot;
    std::string screen = "today";
    std::string windowSize = "1280x800";
    app.add_option("--screenshot", screenshot,
                   "Render the window hidden for a few frames, save it as this PNG file, exit");
    app.add_option("--screen", screen, "Screen to show first (today)");
    app.add_option("--window-size", windowSize, "Window size as WIDTHxHEIGHT")
        ->capture_default_str();

    CliOutcome outcome;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::CallForVersion& e) {
        out << e.what() << "\n";
        outcome.exitCode = 0;
        return outcome;
    } catch (const CLI::ParseError& e) {
        err << "kindling: " << e.what() << "\n" << "Run 'kindling --help' for the options.\n";
        outcome.exitCode = 2;
        return outcome;
    }

    WindowRequest& window = outcome.window;
    if (!parseWindowSize(windowSize, window.width, window.height)) {
        err << "kindling: --window-size: '" << windowSize
            << "' is not WIDTHxHEIGHT between 320x240 and 8192x8192 (for example 1280x800)\n";
        outcome.exitCode = 2;
        return outcome;
    }
    try {
        window.data = resolveDataLocation(dataDir);
    } catch (const std::exception& e) {
        err << "kindling: " << e.what() << "\n";
        outcome.exitCode = 1;
        return outcome;
    }
    window.screenshotFile = screenshot;
    window.screen = screen;
    return outcome;
}

} // namespace kindling
