#pragma once
// `kindling reminder on|off|status|check`: the evening reminder from the
// command line (platform/reminder_desktop.hpp). Kept apart from cli.cpp, as
// the data commands are.

#include "cli/data_commands.hpp"
#include "store/paths.hpp"

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace kindling {

// A command that opens (and closes) the data file itself: `reminder check`
// must not hold it while it listens to a notification's buttons.
using LocationCommand = std::function<int(const DataLocation&, std::ostream& out)>;

// What the reminder subcommands read; owned by the caller so it outlives parsing.
struct ReminderArguments {
    std::optional<std::string> at, quietFrom, via;
    bool json = false;
    bool dryRun = false;
    bool watch = false;
};

void addReminderCommands(CLI::App& app, ReminderArguments& arguments,
                         const std::function<void(CLI::App*, SessionCommand)>& set,
                         const std::function<void(CLI::App*, LocationCommand)>& setLocation);

} // namespace kindling
