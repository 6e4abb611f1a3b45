#include "platform/os/private_files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kindling::os {

std::optional<std::string> createPrivateFile(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return std::strerror(errno);
    // The umask can only narrow 0600, but an ACL default could widen it.
    if (::fchmod(fd, 0600) != 0) {
        std::string error = std::strerror(errno);
        ::close(fd);
        return error;
    }
    ::close(fd);
    return std::nullopt;
}

std::optional<std::string> makePrivate(const std::filesystem::path& path, bool directory) {
    if (::chmod(path.c_str(), directory ? 0700 : 0600) != 0) return std::strerror(errno);
    return std::nullopt;
}

} // namespace kindling::os
