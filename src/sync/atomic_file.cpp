#include "sync/atomic_file.hpp"

#include "sync/file_names.hpp"
#include "sync/pairing.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kindling::sync {

namespace {

std::string errnoText(int error) {
    return std::strerror(error);
}

std::string temporaryName() {
    sodiumReady();
    std::array<std::uint8_t, 8> random{};
    randombytes_buf(random.data(), random.size());
    char hex[2 * random.size() + 1] = {};
    sodium_bin2hex(hex, sizeof hex, random.data(), random.size());
    return std::string(ourTemporaryPrefix) + hex + std::string(ourTemporarySuffix);
}

Problem writeProblem(int error, const std::filesystem::path& file) {
    return Problem{writeProblemFor(error), file, errnoText(error)};
}

// Failed before the rename: the temporary file goes, nothing else changed.
Problem abandon(int fd, const std::filesystem::path& temporary, int error,
                const std::filesystem::path& file) {
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    return writeProblem(error, file);
}

// The folder's entry for a renamed file must reach the disk too. A file
// system that cannot sync folders (EINVAL on some FUSE and network mounts)
// gives no more safety than it has; the file itself is already on disk.
void syncDirectory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// rename() that never replaces: renameat2's RENAME_NOREPLACE where the file
// system has it, else a hard link (atomic, fails on an existing name), else a
// check then a rename (only this device writes in its folder).
int renameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return -1;
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return 0;
    }
    if (errno == EEXIST) return -1;
    struct stat existing {};
    if (::lstat(to.c_str(), &existing) == 0) {
        errno = EEXIST;
        return -1;
    }
    return ::rename(from.c_str(), to.c_str());
}

} // namespace

ProblemKind writeProblemFor(int error) {
    switch (error) {
    case EROFS:
    case EACCES:
    case EPERM:
        return ProblemKind::ReadOnly;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return ProblemKind::NoSpace;
    case ENOENT:
    case ENOTDIR:
    case ENODEV:
    case ENXIO:
        return ProblemKind::FolderMissing;
    case EEXIST:
        return ProblemKind::AlreadyWritten;
    default:
        return ProblemKind::WriteFailed;
    }
}

Status writeFileAtomically(const std::filesystem::path& directory, const std::string& name,
                           std::span<const std::uint8_t> bytes, Replace replace) {
    const std::filesystem::path file = directory / name;
    const std::filesystem::path temporary = directory / temporaryName();
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return writeProblem(errno, file);
    // The umask can only narrow 0600, an inherited ACL could widen it. A FAT
    // stick refuses modes altogether, which is no reason not to write.
    ::fchmod(fd, 0600);

    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return abandon(fd, temporary, errno, file);
        }
        if (n == 0) return abandon(fd, temporary, ENOSPC, file);
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return abandon(fd, temporary, errno, file);
    if (::close(fd) != 0) return abandon(-1, temporary, errno, file);

    const int renamed = replace == Replace::Never ? renameNoReplace(temporary, file)
                                                  : ::rename(temporary.c_str(), file.c_str());
    if (renamed != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        return writeProblem(error, file);
    }
    syncDirectory(directory);
    return std::nullopt;
}

Status makeDirectory(const std::filesystem::path& directory) {
    if (::mkdir(directory.c_str(), 0700) == 0) {
        syncDirectory(directory.parent_path());
        return std::nullopt;
    }
    const int error = errno;
    if (error == EEXIST) {
        struct stat existing {};
        if (::stat(directory.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode))
            return std::nullopt;
        return Problem{ProblemKind::WriteFailed, directory, "a file has the folder's name"};
    }
    if (error == ENOENT) return Problem{ProblemKind::FolderMissing, directory.parent_path(), ""};
    return writeProblem(error, directory);
}

void removeOurTemporaries(const std::filesystem::path& directory) {
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        if (parseName(it->path().filename().string()).role == NameRole::OurTemporary)
            ::unlink(it->path().c_str());
    }
}

Result<std::vector<std::uint8_t>> readWholeFile(const std::filesystem::path& file,
                                                std::uint64_t maxSize) {
    // O_NOFOLLOW: a link in a synced folder is nothing Kindling wrote.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) return Problem{ProblemKind::FileGone, file, ""};
        if (error == ELOOP) return Problem{ProblemKind::Damaged, file, "a link, not a file"};
        return Problem{ProblemKind::Unreadable, file, errnoText(error)};
    }
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        const int error = errno;
        ::close(fd);
        return Problem{ProblemKind::Unreadable, file, errnoText(error)};
    }
    if (!S_ISREG(status.st_mode)) {
        ::close(fd);
        return Problem{ProblemKind::Damaged, file, "not a regular file"};
    }
    if (static_cast<std::uint64_t>(status.st_size) > maxSize) {
        ::close(fd);
        return Problem{ProblemKind::Damaged, file, "larger than any journal file"};
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(status.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            return Problem{ProblemKind::Unreadable, file, errnoText(error)};
        }
        if (n == 0) break; // shrank while read: what there is, the seal decides
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    ::close(fd);
    return bytes;
}

} // namespace kindling::sync
