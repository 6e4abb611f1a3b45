#include "platform/os/file_calls.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// Linux and macOS differ in two calls only (the durable flush and the rename
// that never replaces), so both live here.

namespace kindling::os {

namespace {

FileFailure failureFor(int error) {
    switch (error) {
    case ENOENT:
    case ENOTDIR:
    case ENODEV:
    case ENXIO:
        return FileFailure::NotFound;
    case EEXIST:
        return FileFailure::Exists;
    case EROFS:
    case EACCES:
    case EPERM:
        return FileFailure::ReadOnly;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return FileFailure::NoSpace;
    case ELOOP:
        return FileFailure::IsLink;
    default:
        return FileFailure::Other;
    }
}

FileError errorFor(int error) {
    return {failureFor(error), std::strerror(error)};
}

// fsync on macOS leaves the bytes in the drive's cache; F_FULLFSYNC asks the
// drive to write them, and where a file system refuses it fsync is the best
// there is.
int flushToDisk(int fd) {
#ifdef F_FULLFSYNC
    if (::fcntl(fd, F_FULLFSYNC) == 0) return 0;
#endif
    return ::fsync(fd);
}

// Failed before the file was whole: it goes.
FileError abandon(int fd, const std::filesystem::path& file, int error) {
    if (fd >= 0) ::close(fd);
    ::unlink(file.c_str());
    return errorFor(error);
}

// A hard link fails on an existing name, atomically; a file system without
// links (FAT, some FUSE mounts) gets a check then a rename, which is enough
// where only one process writes the folder.
int renameByLink(const char* from, const char* to) {
    if (::link(from, to) == 0) {
        ::unlink(from);
        return 0;
    }
    if (errno == EEXIST) return -1;
    struct stat existing {};
    if (::lstat(to, &existing) == 0) {
        errno = EEXIST;
        return -1;
    }
    return ::rename(from, to);
}

int renameNoReplace(const char* from, const char* to) {
#if defined(__APPLE__)
    if (::renamex_np(from, to, RENAME_EXCL) == 0) return 0;
    if (errno != ENOTSUP && errno != EINVAL) return -1;
#elif defined(__linux__)
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return -1;
#endif
    return renameByLink(from, to);
}

} // namespace

FileStatus writeNewFile(const std::filesystem::path& file, std::span<const std::uint8_t> bytes) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errorFor(errno);
    // The umask can only narrow 0600, an inherited ACL could widen it. A FAT
    // stick refuses modes altogether, which is no reason not to write.
    ::fchmod(fd, 0600);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return abandon(fd, file, errno);
        }
        if (n == 0) return abandon(fd, file, ENOSPC);
        written += static_cast<std::size_t>(n);
    }
    if (flushToDisk(fd) != 0) return abandon(fd, file, errno);
    if (::close(fd) != 0) return abandon(-1, file, errno);
    return std::nullopt;
}

FileStatus renameFile(const std::filesystem::path& from, const std::filesystem::path& to,
                      Replacing replacing) {
    const int renamed = replacing == Replacing::Never ? renameNoReplace(from.c_str(), to.c_str())
                                                      : ::rename(from.c_str(), to.c_str());
    if (renamed != 0) return errorFor(errno);
    return std::nullopt;
}

FileStatus removeFile(const std::filesystem::path& file) {
    if (::unlink(file.c_str()) != 0) return errorFor(errno);
    return std::nullopt;
}

FileStatus makeFolder(const std::filesystem::path& folder) {
    if (::mkdir(folder.c_str(), 0700) != 0) return errorFor(errno);
    return std::nullopt;
}

FileStatus checkReadWrite(const std::filesystem::path& file) {
    if (::access(file.c_str(), R_OK | W_OK) != 0) return errorFor(errno);
    return std::nullopt;
}

std::variant<std::vector<std::uint8_t>, FileError> readWholeFile(const std::filesystem::path& file,
                                                                 std::uint64_t maxSize) {
    // O_NOFOLLOW: a link in a synced folder is nothing Kindling wrote.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int error = errno;
        if (error == ELOOP) return FileError{FileFailure::IsLink, "a link, not a file"};
        return errorFor(error);
    }
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        const int error = errno;
        ::close(fd);
        return errorFor(error);
    }
    if (!S_ISREG(status.st_mode)) {
        ::close(fd);
        return FileError{FileFailure::NotRegular, "not a regular file"};
    }
    if (static_cast<std::uint64_t>(status.st_size) > maxSize) {
        ::close(fd);
        return FileError{FileFailure::TooLarge,
                         "larger than " + std::to_string(maxSize) + " bytes"};
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(status.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            return errorFor(error);
        }
        if (n == 0) break; // shrank while read: what there is (a seal, say, decides)
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    ::close(fd);
    return bytes;
}

} // namespace kindling::os
