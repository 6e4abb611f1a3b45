#include "platform/os/durable.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kindling::os {

namespace {

// Linux and macOS in one file: fsync on macOS leaves the data in the drive's
// cache, F_FULLFSYNC asks the drive to write it. Some file systems (network
// shares) refuse F_FULLFSYNC: then fsync is the best there is.
int flushToDisk(int fd) {
#ifdef F_FULLFSYNC
    if (::fcntl(fd, F_FULLFSYNC) == 0) return 0;
#endif
    return ::fsync(fd);
}

std::optional<std::string> syncPath(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return std::strerror(errno);
    if (flushToDisk(fd) != 0) {
        std::string error = std::strerror(errno);
        ::close(fd);
        return error;
    }
    ::close(fd);
    return std::nullopt;
}

} // namespace

std::optional<std::string> syncFile(const std::filesystem::path& file) {
    return syncPath(file, O_RDONLY);
}

std::optional<std::string> syncDirectory(const std::filesystem::path& directory) {
    return syncPath(directory, O_RDONLY | O_DIRECTORY);
}

} // namespace kindling::os
