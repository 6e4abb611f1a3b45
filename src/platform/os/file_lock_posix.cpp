#include "platform/os/file_lock.hpp"
#include "platform/os/process.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kindling::os {

FileLock::Result FileLock::acquire(const std::filesystem::path& lockFile, FileLock& lock,
                                   std::string& holder) {
    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        holder = std::strerror(errno);
        return Result::Failed;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        if (error == EWOULDBLOCK) {
            char buffer[32] = {};
            const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
            holder.clear();
            for (ssize_t i = 0; i < n && buffer[i] >= '0' && buffer[i] <= '9'; ++i)
                holder += buffer[i];
            ::close(fd);
            return Result::HeldElsewhere;
        }
        holder = std::strerror(error);
        ::close(fd);
        return Result::Failed;
    }
    // The pid is only a hint for the message; failing to write it is harmless.
    const std::string pid = std::to_string(processId()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
    }
    lock = FileLock();
    lock.handle_ = fd;
    return Result::Acquired;
}

// Closing the descriptor releases the lock. The lock file stays: unlinking a
// flock file races with a process that has just opened it.
void FileLock::release() noexcept {
    if (handle_ >= 0) ::close(static_cast<int>(handle_));
    handle_ = -1;
}

} // namespace kindling::os
