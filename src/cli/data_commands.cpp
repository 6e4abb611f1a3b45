#include "cli/data_commands.hpp"

#include "app/session.hpp"
#include "platform/os/user_folders.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <ostream>

namespace kindling {

namespace {

namespace fs = std::filesystem;

// One line per tenth of each stage, on stderr, so stdout stays the summary.
ImportProgress progressPrinter(std::ostream& err) {
    auto lastTenth = std::make_shared<std::map<std::string, std::size_t>>();
    return [&err, lastTenth](std::string_view stage, std::size_t done, std::size_t total) {
        const std::size_t tenth = total == 0 ? 10 : done * 10 / total;
        auto [entry, inserted] = lastTenth->emplace(std::string(stage), tenth);
        if (!inserted && entry->second == tenth) return;
        entry->second = tenth;
        err << "kindling: " << stage << ": " << tenth * 10 << "%\n" << std::flush;
    };
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

void printPlan(const ImportPlan& plan, std::ostream& out) {
    out << "An export of " << (plan.exportedAt.empty() ? "an unknown day" : plan.exportedAt)
        << (plan.appVersion.empty() ? "" : " by Kindling " + plan.appVersion) << ":\n";
    for (const ImportCounts& counts : importSummary(plan))
        out << fmt::format("  {:<16} {} added, {} updated, {} skipped (already here)\n",
                           std::string(counts.kind) + ":", counts.added, counts.updated,
                           counts.skipped);
}

} // namespace

void addDataCommands(CLI::App& app, DataArguments& a,
                     const std::function<void(CLI::App*, SessionCommand)>& set, std::ostream& err,
                     const std::string& version) {
    CLI::App* exportCommand =
        app.add_subcommand("export", "Save your whole history as JSON (to import) or CSV");
    exportCommand->add_option("FILE", a.file, "Where to write it")->required();
    exportCommand
        ->add_option("--format", a.format,
                     "json or csv (default: from FILE's extension, else json)")
        ->check(CLI::IsMember({"json", "csv"}));
    exportCommand->add_flag("--force", a.force, "Replace FILE if it exists");
    set(exportCommand, [&a, version](Session& s, std::ostream& o) {
        const bool csv = a.format == "csv" ||
                         (a.format.empty() && os::pathFromUtf8(a.file).extension() == ".csv");
        const std::string content = csv ? s.exportCsv() : s.exportJson(version);
        writeFileSafely(os::pathFromUtf8(a.file), content, a.force);
        o << "Exported " << plural(s.history().rituals.size(), "ritual", "rituals") << " and "
          << plural(s.history().logs.size(), "log", "logs") << " to " << a.file
          << (csv ? " (CSV)" : "") << ".\n";
        return 0;
    });

    CLI::App* importCommand =
        app.add_subcommand("import", "Merge a Kindling JSON export into your data");
    importCommand->add_option("FILE", a.file, "A file written by kindling export")->required();
    importCommand->add_flag("--dry-run", a.dryRun, "Only say what would change");
    set(importCommand, [&a, &err](Session& s, std::ostream& o) {
        const ImportProgress progress = progressPrinter(err);
        ImportPlan plan;
        try {
            plan = s.planImport(readImportFile(os::pathFromUtf8(a.file)), progress);
        } catch (const ImportError& e) {
            throw CommandLineError(a.file + ": " + e.what());
        }
        printPlan(plan, o);
        if (a.dryRun) {
            o << "Dry run: nothing was written.\n";
            return 0;
        }
        if (plan.changesNothing()) {
            o << "Nothing to import: everything in the file is already here.\n";
            return 0;
        }
        const fs::path safety = s.applyImport(plan, progress);
        o << "Imported. Your data as it was before is kept in " << safety.string() << ".\n";
        return 0;
    });

    CLI::App* backupCommand =
        app.add_subcommand("backup", "Take a backup now and print where it is");
    set(backupCommand, [](Session& s, std::ostream& o) {
        o << s.backup().string() << "\n";
        return 0;
    });

    CLI::App* restoreCommand = app.add_subcommand(
        "restore", "Replace your data with a backup (your data now is backed up first)");
    restoreCommand->add_option("FILE", a.file, "A Kindling backup (.sqlite3)")->required();
    set(restoreCommand, [&a](Session& s, std::ostream& o) {
        fs::path previous;
        try {
            previous = s.restore(os::pathFromUtf8(a.file));
        } catch (const StoreError& e) {
            // A problem with FILE, not with the data: bad input, exit 2.
            if (e.path() == os::pathFromUtf8(a.file))
                throw StoreError(StoreError::Kind::Invalid, e.path(), e.what());
            throw;
        }
        o << "Restored " << a.file << ". Your data as it was before is kept in "
          << previous.string() << ".\n";
        return 0;
    });
}

} // namespace kindling
