// kindling sync: two computers through a shared folder (app/sync_engine.hpp,
// docs/sync.md).
#include "cli/sync_commands.hpp"

#include "app/session.hpp"
#include "app/sync_engine.hpp"
#include "platform/os/local_time.hpp"
#include "platform/os/user_folders.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <ostream>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace kindling {

namespace {

std::string when(const std::optional<std::int64_t>& unixSeconds) {
    if (!unixSeconds) return "never";
    const std::time_t time = static_cast<std::time_t>(*unixSeconds);
    const std::tm local = os::localTime(time);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

void printReport(const SyncReport& report, std::ostream& out) {
    if (report.segment)
        out << fmt::format("Wrote {} change{} (segment {}).\n", report.rowsWritten,
                           report.rowsWritten == 1 ? "" : "s", *report.segment);
    else
        out << "Nothing new to write from this computer.\n";
    if (report.rowsApplied > 0)
        out << fmt::format("Applied {} change{} from the other computer.\n", report.rowsApplied,
                           report.rowsApplied == 1 ? "" : "s");
    else
        out << "Nothing new from the other computer.\n";
    if (report.filesWaiting > 0)
        out << fmt::format("{} file{} still arriving; they will be applied next time.\n",
                           report.filesWaiting, report.filesWaiting == 1 ? " is" : "s are");
    for (const SyncProblem& problem : report.problems)
        out << "Note: " << problem.message << "\n";
}

std::string statusJson(const SyncStatus& status) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    const auto optionalTime = [&](const std::optional<std::int64_t>& value) {
        if (value)
            w.Int64(*value);
        else
            w.Null();
    };
    w.StartObject();
    w.Key("on");
    w.Bool(status.on);
    w.Key("folder");
    w.String(status.folder.string().c_str());
    w.Key("couple");
    w.String(status.couple.c_str());
    w.Key("device");
    w.StartObject();
    w.Key("id");
    w.String(status.device.c_str());
    w.Key("name");
    w.String(status.deviceName.c_str());
    w.Key("last_write");
    optionalTime(status.lastWrite);
    w.EndObject();
    w.Key("last_sync");
    optionalTime(status.lastSync);
    w.Key("pending");
    w.Uint64(status.pending);
    w.Key("peers");
    w.StartArray();
    for (const SyncPeerStatus& peer : status.peers) {
        w.StartObject();
        w.Key("id");
        w.String(peer.device.c_str());
        w.Key("name");
        w.String(peer.name.c_str());
        w.Key("applied_through");
        w.Uint64(peer.appliedThrough);
        w.Key("seen_through");
        w.Uint64(peer.seenThrough);
        w.Key("last_apply");
        optionalTime(peer.appliedAt);
        w.EndObject();
    }
    w.EndArray();
    w.Key("problems");
    w.StartArray();
    for (const SyncProblem& problem : status.problems) {
        w.StartObject();
        w.Key("kind");
        w.String(problem.kind.c_str());
        w.Key("message");
        w.String(problem.message.c_str());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString()) + "\n";
}

std::string statusText(const SyncStatus& status) {
    if (!status.on) return "Sync is off. Choose a shared folder with: kindling sync --folder DIR\n";
    std::string out = "Syncing through " + status.folder.string() + "\n";
    out += "This computer: " + status.deviceName + ", last wrote " + when(status.lastWrite) +
           (status.pending > 0 ? fmt::format(" ({} change{} to write)", status.pending,
                                             status.pending == 1 ? "" : "s")
                               : std::string()) +
           "\n";
    if (status.peers.empty()) out += "No other computer has written here yet.\n";
    for (const SyncPeerStatus& peer : status.peers)
        out += peer.name + ": applied " + when(peer.appliedAt) +
               (peer.seenThrough > peer.appliedThrough ? " (more is arriving)" : "") + "\n";
    for (const SyncProblem& problem : status.problems)
        out += "Note: " + problem.message + "\n";
    return out;
}

} // namespace

void addSyncCommands(CLI::App& app, SyncArguments& a,
                     const std::function<void(CLI::App*, SyncCommand)>& set) {
    CLI::App* sync = app.add_subcommand(
        "sync", "Two computers: sync through a folder you share (Syncthing, a cloud folder …)");
    sync->require_subcommand(0, 1);
    auto* folder = sync->add_option("--folder", a.folder, "Sync through this shared folder");
    auto* code = sync->add_option("--code", a.code, "The pairing code from the other computer");
    code->needs(folder);
    auto* off = sync->add_flag("--off", a.off, "Stop syncing (the folder is left as it is)");
    off->excludes(folder);
    sync->add_option("--name", a.name, "How the other computer names this one");
    CLI::App* codeCommand =
        sync->add_subcommand("code", "Print the pairing code the other computer types");
    codeCommand->preparse_callback([&a](std::size_t) { a.subcommand = "code"; });
    CLI::App* status = sync->add_subcommand("status", "This computer, the other one, what arrived");
    status->add_flag("--json", a.json, "As JSON");
    status->preparse_callback([&a](std::size_t) { a.subcommand = "status"; });

    set(sync, [&a](Session& s, std::ostream& o) {
        if (a.subcommand == "code") {
            const auto shown = pairingCode(s);
            if (!shown)
                throw SyncRefused({"off",
                                   "Sync is off, so there is no pairing code yet. Choose a "
                                   "folder first: kindling sync --folder DIR",
                                   {}});
            o << *shown << "\n";
            return 0;
        }
        if (a.subcommand == "status") {
            const SyncStatus now = syncStatus(s);
            o << (a.json ? statusJson(now) : statusText(now));
            return 0;
        }
        if (a.off) {
            stopSync(s);
            o << "Sync is off. Nothing in the folder was removed.\n";
            return 0;
        }
        if (a.name) setDeviceName(s, *a.name);
        if (a.folder && a.code) {
            const SyncReport report = joinSync(s, os::pathFromUtf8(*a.folder), *a.code);
            o << "Joined " << s.history().couple.partners[0].name << " and "
              << s.history().couple.partners[1].name << " through " << *a.folder << ".\n";
            printReport(report, o);
            return 0;
        }
        if (a.folder) {
            const bool wasOn = pairingCode(s).has_value();
            startSync(s, os::pathFromUtf8(*a.folder));
            if (wasOn) {
                o << "Syncing through " << *a.folder << " now.\n";
            } else {
                o << "Syncing through " << *a.folder << ". On the other computer, choose the "
                  << "same folder and type this pairing code:\n  " << *pairingCode(s) << "\n";
            }
            return 0;
        }
        if (!pairingCode(s)) {
            if (a.name) return 0;
            o << statusText(syncStatus(s));
            return 0;
        }
        printReport(syncNow(s), o);
        return 0;
    });
}

} // namespace kindling
