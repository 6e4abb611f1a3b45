#pragma once
// What the Settings screen's data section (settings_data.cpp) keeps between
// frames: the paths being typed, an import waiting for "Import", a restore
// waiting for a "yes", and how the last action went.

#include "store/backups.hpp"
#include "store/export_import.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kindling::ui {

// How an action went, shown under its card until the next one.
struct Notice {
    std::string text;
    bool problem = false;
};

struct DataSection {
    bool ready = false;    // the export path was filled in on the first draw
    int drawnInFrame = -2; // ImGui's frame count when last drawn: a gap means it was reopened

    bool csv = false; // export as CSV (a spreadsheet), else JSON (everything)
    std::string exportPath;
    bool confirmReplace = false; // the file exists: "Replace it?" is asked
    Notice exportNotice;

    std::string importPath;
    std::optional<ImportPlan> plan;                 // checked, waiting for "Import"
    std::string planPath;                           // the file `plan` was read from
    std::uint64_t planRevision = 0;                 // the session's revision it was checked against
    std::vector<std::filesystem::path> likelyFiles; // exports found nearby, newest first
    Notice importNotice;

    struct Backup {
        BackupFile file;
        std::uintmax_t bytes = 0;
    };
    bool backupsStale = true; // read the backups folder again on the next draw
    std::vector<Backup> backups;
    std::optional<std::filesystem::path> restoreCandidate; // waiting for a "yes"
    Notice backupNotice;

    Notice folderNotice; // opening the data folder
};

} // namespace kindling::ui
