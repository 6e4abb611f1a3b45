#pragma once
// The POSIX side of keeping one private data file: an advisory lock, files
// created 0600 from their first byte, and fsync of files and folders so a
// rename survives a power loss.

#include "core/date.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kindling {

// An exclusive flock() on a small file next to the database, held for the
// lifetime of the object. The holder's process id is written into the file so
// a second instance can say who has it.
class FileLock {
  public:
    enum class Result : std::uint8_t { Acquired, HeldElsewhere, Failed };

    // On HeldElsewhere, `holder` gets the pid text found in the file (may be
    // empty); on Failed, `holder` gets the system's reason.
    static Result acquire(const std::filesystem::path& lockFile, FileLock& lock,
                          std::string& holder);

    FileLock() = default;
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

  private:
    int fd_ = -1;
};

// Creates an empty file with mode 0600 (never wider, whatever the umask);
// fails when it exists. Returns the errno text on failure.
std::optional<std::string> createPrivateFile(const std::filesystem::path& file);
// Returns the errno text on failure.
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
