#pragma once
// Names and the retention rule of the files in backups/. Pure: the store does
// the copying, this decides what a file is called and which ones stay.

#include "core/date.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kindling {

enum class BackupKind : std::uint8_t {
    Daily,           // kindling-daily-YYYY-MM-DD.sqlite3, pruned by keepDailyBackups
    Manual,          // kindling-YYYY-MM-DD-HHMMSS.sqlite3, kept until the couple deletes it
    BeforeMigration, // kindling-before-vN-YYYY-MM-DD.sqlite3, the file as it was before
                     // this build upgraded it to schema version N; never pruned
};

struct BackupFile {
    std::filesystem::path path;
    BackupKind kind = BackupKind::Manual;
    Day day;             // from the name
    std::string time;    // "HHMMSS" for manual backups, else empty
    int schemaVersion{}; // N of a BeforeMigration backup, else 0
};

std::string dailyBackupName(Day day);
// `hhmmss` is six digits.
std::string manualBackupName(Day day, const std::string& hhmmss);
std::string beforeMigrationBackupName(int targetVersion, Day day);

// nullopt for anything that is not one of our backup names (with or without a
// "-2", "-3" … suffix added when a name was taken).
std::optional<BackupFile> parseBackupName(const std::filesystem::path& path);

inline constexpr std::size_t dailyBackupsKept = 7;
inline constexpr std::size_t weeklyBackupsKept = 4;

// The retention rule for automatic daily backups, by count rather than by
// calendar so that a long break never deletes every backup:
//  - keep the 7 newest daily backups;
//  - of the older ones, keep the newest of each of the 4 most recent weeks
//    (Monday to Sunday) that have one.
// So a couple who opens Kindling every day keeps 7 dailies and 4 weeklies
// reaching about five weeks back. Returns the days to keep, newest first.
std::vector<Day> keepDailyBackups(std::vector<Day> backupDays);

} // namespace kindling
