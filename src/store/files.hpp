#pragma once
// Keeping one private data file: a lock, files private from their first
// byte, and durable writes of files and folders so a rename survives a power
// loss. What differs between systems is in src/platform/os/.

#include "core/date.hpp"
#include "platform/os/file_lock.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kindling {

// The single-instance lock beside the database (src/platform/os/file_lock.hpp).
using FileLock = os::FileLock;

// Creates an empty file only its owner can read (0600, never wider, whatever
// the umask); fails when it exists. Returns the system's reason on failure.
std::optional<std::string> createPrivateFile(const std::filesystem::path& file);
// Return the system's reason on failure.
std::optional<std::string> syncFile(const std::filesystem::path& file);
std::optional<std::string> syncDirectory(const std::filesystem::path& directory);

// The first 100 bytes (the SQLite header); nullopt when the file is shorter.
std::optional<std::array<unsigned char, 100>> readSqliteHeader(const std::filesystem::path& file);

struct LocalNow {
    Day day;
    std::string hhmmss;
};
// The wall clock in local time: only for naming backups.
LocalNow localNow();

} // namespace kindling
