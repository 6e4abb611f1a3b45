#pragma once
// Where Kindling keeps its one data file and its window settings.

#include <filesystem>
#include <optional>
#include <string>

namespace kindling {

struct DataLocation {
    std::filesystem::path directory;
    std::filesystem::path databaseFile() const { return directory / "kindling.sqlite3"; }
    std::filesystem::path backupDirectory() const { return directory / "backups"; }
};

// Precedence: --data-dir, then $KINDLING_DATA_DIR, then the system's place
// (src/platform/os/user_folders.hpp): $XDG_DATA_HOME/kindling, else
// ~/.local/share/kindling on Linux; %APPDATA%\Kindling on Windows.
DataLocation resolveDataLocation(const std::optional<std::string>& dataDirFlag);

// The ImGui layout file's folder: $XDG_CONFIG_HOME/kindling (else
// ~/.config/kindling) on Linux; the data folder's default on Windows and macOS.
std::filesystem::path configDirectory();

// Creates the directory (and parents) and makes it private to its owner (0700 on POSIX).
// Throws std::runtime_error with the path and the reason when that is impossible.
void ensurePrivateDirectory(const std::filesystem::path& directory);

} // namespace kindling
