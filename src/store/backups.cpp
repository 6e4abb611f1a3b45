#include "store/backups.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

namespace kindling {

namespace {

constexpr std::string_view extension = ".sqlite3";

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// Drops a "-2", "-3" … suffix that a taken name received.
std::string_view withoutCollisionSuffix(std::string_view stem, std::size_t fixedLength) {
    if (stem.size() > fixedLength + 1 && stem[fixedLength] == '-' &&
        allDigits(stem.substr(fixedLength + 1)))
        return stem.substr(0, fixedLength);
    return stem;
}

} // namespace

std::string dailyBackupName(Day day) {
    return "kindling-daily-" + formatDay(day) + std::string(extension);
}

std::string manualBackupName(Day day, const std::string& hhmmss) {
    return "kindling-" + formatDay(day) + "-" + hhmmss + std::string(extension);
}

std::string beforeMigrationBackupName(int targetVersion, Day day) {
    return "kindling-before-v" + std::to_string(targetVersion) + "-" + formatDay(day) +
           std::string(extension);
}

std::optional<BackupFile> parseBackupName(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    std::string_view rest(name);
    if (!rest.starts_with("kindling-") || !rest.ends_with(extension)) return std::nullopt;
    rest.remove_prefix(9);
    rest.remove_suffix(extension.size());

    BackupFile file;
    file.path = path;
    constexpr std::size_t dayLength = 10; // YYYY-MM-DD
    if (rest.starts_with("daily-")) {
        rest = withoutCollisionSuffix(rest.substr(6), dayLength);
        auto day = parseDay(rest);
        if (!day) return std::nullopt;
        file.kind = BackupKind::Daily;
        file.day = *day;
        return file;
    }
    if (rest.starts_with("before-v")) {
        rest.remove_prefix(8);
        const auto dash = rest.find('-');
        if (dash == std::string_view::npos || dash > 6 || !allDigits(rest.substr(0, dash)))
            return std::nullopt;
        file.schemaVersion = std::stoi(std::string(rest.substr(0, dash)));
        rest = withoutCollisionSuffix(rest.substr(dash + 1), dayLength);
        auto day = parseDay(rest);
        if (!day) return std::nullopt;
        file.kind = BackupKind::BeforeMigration;
        file.day = *day;
        return file;
    }
    rest = withoutCollisionSuffix(rest, dayLength + 7);
    if (rest.size() != dayLength + 7 || rest[dayLength] != '-' ||
        !allDigits(rest.substr(dayLength + 1)))
        return std::nullopt;
    auto day = parseDay(rest.substr(0, dayLength));
    if (!day) return std::nullopt;
    file.kind = BackupKind::Manual;
    file.day = *day;
    file.time = std::string(rest.substr(dayLength + 1));
    return file;
}

std::vector<Day> keepDailyBackups(std::vector<Day> backupDays) {
    std::sort(backupDays.begin(), backupDays.end(), std::greater<>());
    backupDays.erase(std::unique(backupDays.begin(), backupDays.end()), backupDays.end());

    std::vector<Day> kept;
    std::set<Day> weeksSeen;
    for (std::size_t i = 0; i < backupDays.size(); ++i) {
        if (i < dailyBackupsKept) {
            kept.push_back(backupDays[i]);
            continue;
        }
        if (weeksSeen.size() == weeklyBackupsKept) break;
        // Newest first, so the first day met in a week is that week's newest.
        if (weeksSeen.insert(startOfWeek(backupDays[i], 0)).second) kept.push_back(backupDays[i]);
    }
    return kept;
}

} // namespace kindling
