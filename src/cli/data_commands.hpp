#pragma once
// The data subcommands: export, import, backup, restore. Kept apart from
// cli.cpp so the file-level commands read as one story.

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>

namespace CLI {
class App;
}

namespace kindling {

class Session;

// A command-line argument that is wrong before any rule is asked (a date that
// is not a date, a file that is not an export): printed as it is, exit 2.
class CommandLineError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
    CommandLineError(const std::string& flag, const std::string& problem)
        : std::runtime_error(flag + ": " + problem) {}
};

using SessionCommand = std::function<int(Session&, std::ostream&)>;

// What the data subcommands read; owned by the caller so it outlives parsing.
struct DataArguments {
    std::string file;
    std::string format; // "json" or "csv"; empty: from FILE's extension
    bool force = false;
    bool dryRun = false;
};

// Adds the subcommands to `app`; `set` registers what a subcommand runs on the
// open session (cli.cpp's convention). Progress of big imports goes to `err`.
void addDataCommands(CLI::App& app, DataArguments& arguments,
                     const std::function<void(CLI::App*, SessionCommand)>& set, std::ostream& err,
                     const std::string& version);

} // namespace kindling
