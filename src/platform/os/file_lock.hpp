#pragma once
// The single-instance lock: an exclusive lock on a small file next to the
// database, held for the lifetime of the object (flock on POSIX, LockFileEx on
// Windows). The holder's process id is written into the file so a second
// instance can say who has it. The lock dies with its process, however it ends.

#include <cstdint>
#include <filesystem>
#include <string>

namespace kindling::os {

class FileLock {
  public:
    enum class Result : std::uint8_t { Acquired, HeldElsewhere, Failed };

    // On HeldElsewhere, `holder` gets the pid text found in the file (may be
    // empty); on Failed, `holder` gets the system's reason.
    static Result acquire(const std::filesystem::path& lockFile, FileLock& lock,
                          std::string& holder);

    FileLock() = default;
    FileLock(FileLock&& other) noexcept : handle_(other.handle_) { other.handle_ = -1; }
    FileLock& operator=(FileLock&& other) noexcept {
        if (this != &other) {
            release();
            handle_ = other.handle_;
            other.handle_ = -1;
        }
        return *this;
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock() { release(); }

  private:
    // Closes the handle, which lets the lock go (the file stays).
    void release() noexcept;
    // A file descriptor on POSIX, a HANDLE on Windows; -1 when none.
    std::intptr_t handle_ = -1;
};

} // namespace kindling::os
