#include "store/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kindling {

namespace {

std::string errnoText() {
    return std::strerror(errno);
}

} // namespace

FileLock::Result FileLock::acquire(const std::filesystem::path& lockFile, FileLock& lock,
                                   std::string& holder) {
    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        holder = errnoText();
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
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
    }
    lock = FileLock();
    lock.fd_ = fd;
    return Result::Acquired;
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

// Closing the descriptor releases the lock. The lock file stays: unlinking a
// flock file races with a process that has just opened it.
FileLock::~FileLock() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string> createPrivateFile(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errnoText();
    // The umask can only narrow 0600, but an ACL default could widen it.
    if (::fchmod(fd, 0600) != 0) {
        auto error = errnoText();
        ::close(fd);
        return error;
    }
    ::close(fd);
    return std::nullopt;
}

std::optional<std::string> syncFile(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errnoText();
    if (::fsync(fd) != 0) {
        auto error = errnoText();
        ::close(fd);
        return error;
    }
    ::close(fd);
    return std::nullopt;
}

std::optional<std::string> syncDirectory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errnoText();
    if (::fsync(fd) != 0) {
        auto error = errnoText();
        ::close(fd);
        return error;
    }
    ::close(fd);
    return std::nullopt;
}

std::optional<std::array<unsigned char, 100>> readSqliteHeader(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::array<unsigned char, 100> header{};
    std::size_t got = 0;
    while (got < header.size()) {
        const ssize_t n = ::read(fd, header.data() + got, header.size() - got);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got < header.size()) return std::nullopt;
    return header;
}

LocalNow localNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    using namespace std::chrono;
    const Day day = year{local.tm_year + 1900} / month{static_cast<unsigned>(local.tm_mon + 1)} /
                    std::chrono::day{static_cast<unsigned>(local.tm_mday)};
    char time[8] = {};
    std::snprintf(time, sizeof time, "%02d%02d%02d", local.tm_hour, local.tm_min,
                  local.tm_sec % 60);
    return {day, time};
}

} // namespace kindling
