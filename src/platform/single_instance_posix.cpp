// The POSIX side of platform/single_instance.hpp: a Unix domain socket.
#include "platform/single_instance.hpp"
#include "store/paths.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <string_view>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace kindling::platform {

namespace fs = std::filesystem;

namespace {

using namespace raise_wire;

bool fitsSocketAddress(const fs::path& path) {
    return !path.empty() && path.native().size() < sizeof(sockaddr_un::sun_path);
}

sockaddr_un addressOf(const fs::path& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.c_str(), path.native().size() + 1);
    return address;
}

std::string systemError(const std::string& what) {
    return what + ": " + std::strerror(errno);
}

// Reads until a newline, the buffer is full, the peer closes or time is up.
std::string readLine(int fd, int timeoutMs) {
    std::string text;
    char buffer[64];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (text.size() < 64 && text.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd wait{fd, POLLIN, 0};
        if (::poll(&wait, 1, static_cast<int>(left.count())) <= 0) break;
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got <= 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

bool writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t sent = ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

struct Descriptor {
    explicit Descriptor(int value) : fd(value) {}
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int fd;
};

} // namespace

fs::path windowSocketPath(const fs::path& dataDirectory) {
    std::error_code error;
    fs::path folder = fs::weakly_canonical(fs::absolute(dataDirectory, error), error);
    if (error) folder = dataDirectory;
    fs::path socket;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime != nullptr && fs::path(runtime).is_absolute() && fs::is_directory(runtime, error)) {
        char name[40];
        std::snprintf(name, sizeof name, "window-%016llx.socket",
                      static_cast<unsigned long long>(stableHash(folder.native())));
        socket = fs::path(runtime) / "kindling" / name;
    } else {
        socket = folder / "window.socket";
    }
    return fitsSocketAddress(socket) ? socket : fs::path();
}

RaiseAnswer askWindowToRaise(const fs::path& socket, std::chrono::milliseconds timeout) {
    if (!fitsSocketAddress(socket)) return RaiseAnswer::NoWindow;
    // Only a socket of our own: in a folder others could write to, a stranger's
    // socket could be waiting.
    struct stat info {};
    if (::lstat(socket.c_str(), &info) != 0 || !S_ISSOCK(info.st_mode) ||
        info.st_uid != ::geteuid())
        return RaiseAnswer::NoWindow;
    const Descriptor connection(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (connection.fd < 0) return RaiseAnswer::NoWindow;
    const sockaddr_un address = addressOf(socket);
    if (::connect(connection.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        return RaiseAnswer::NoWindow; // a socket left by a Kindling that is gone
    if (!writeAll(connection.fd, request)) return RaiseAnswer::NoAnswer;
    const std::string answer = readLine(connection.fd, static_cast<int>(timeout.count()));
    return answer == reply ? RaiseAnswer::Raised : RaiseAnswer::NoAnswer;
}

RaiseListener::RaiseListener(fs::path socket, std::function<void()> wake)
    : socket_(std::move(socket)), wake_(std::move(wake)) {
    if (!fitsSocketAddress(socket_)) {
        problem_ = "no place for a socket (the data folder's path is too long)";
        return;
    }
    const fs::path folder = socket_.parent_path();
    try {
        ensurePrivateDirectory(folder); // 0700 when made here
    } catch (const std::exception& e) {
        problem_ = e.what();
        return;
    }
    // Nobody else may replace the socket: the folder is ours and only we write in it.
    struct stat info {};
    if (::lstat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) ||
        info.st_uid != ::geteuid() || (info.st_mode & 022) != 0) {
        problem_ = folder.string() + " is not a folder only you can write to";
        return;
    }
    listening_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listening_ < 0) {
        problem_ = systemError("socket");
        return;
    }
    // This process holds the data folder's lock, so a socket already there was
    // left by a Kindling that is gone.
    ::unlink(socket_.c_str());
    const sockaddr_un address = addressOf(socket_);
    if (::bind(listening_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::chmod(socket_.c_str(), 0600) != 0 || ::listen(listening_, 4) != 0 ||
        ::pipe2(stopPipe_, O_CLOEXEC) != 0) {
        problem_ = systemError(socket_.string());
        ::close(listening_);
        listening_ = -1;
        ::unlink(socket_.c_str());
        return;
    }
    thread_ = std::thread([this] { serve(); });
}

RaiseListener::~RaiseListener() {
    if (thread_.joinable()) {
        const char stop = 's';
        [[maybe_unused]] const ssize_t written = ::write(stopPipe_[1], &stop, 1);
        thread_.join();
    }
    for (const int fd : stopPipe_)
        if (fd >= 0) ::close(fd);
    if (listening_ >= 0) {
        ::close(listening_);
        ::unlink(socket_.c_str());
    }
}

void RaiseListener::serve() {
    for (;;) {
        pollfd waits[2] = {{listening_, POLLIN, 0}, {stopPipe_[0], POLLIN, 0}};
        if (::poll(waits, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (waits[1].revents != 0) return;
        if ((waits[0].revents & POLLIN) == 0) continue;
        const int connection = ::accept4(listening_, nullptr, nullptr, SOCK_CLOEXEC);
        if (connection < 0) continue;
        handle(connection);
        ::close(connection);
    }
}

void RaiseListener::handle(int connection) {
    ucred peer{};
    socklen_t size = sizeof peer;
    if (::getsockopt(connection, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 ||
        peer.uid != ::geteuid())
        return;
    if (readLine(connection, requestTimeoutMs) != request) return;
    if (passOn()) writeAll(connection, reply);
}

} // namespace kindling::platform
