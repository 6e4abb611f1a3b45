#pragma once
// The sync subcommands (kindling sync …), kept apart from cli.cpp.

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace kindling {

class Session;
using SyncCommand = std::function<int(Session&, std::ostream&)>;

// What the sync subcommands read; owned by the caller so it outlives parsing.
struct SyncArguments {
    std::optional<std::string> folder, code, name;
    bool off = false;
    bool json = false;
    std::string subcommand; // "code", "status" or empty
};

void addSyncCommands(CLI::App& app, SyncArguments& arguments,
                     const std::function<void(CLI::App*, SyncCommand)>& set);

} // namespace kindling
