#pragma once
// One window per data folder: the running Kindling listens on a socket of its
// own, and a second start asks it to come forward instead of opening another
// window that could only say the data is in use.
//
// POSIX (single_instance_posix.cpp): a Unix domain socket in a folder only
// its owner can enter (0700; the socket itself 0600), and the listener answers
// only processes of the same user. Windows (single_instance_windows.cpp): a
// named pipe only this user may open, refusing remote clients, whose server
// must run as this user too; the second start lets the first take the
// foreground (AllowSetForegroundWindow). Local IPC between two Kindlings,
// nothing on any network (docs/product.md, "Private").

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace kindling::platform {

// POSIX: $XDG_RUNTIME_DIR/kindling/window-<a hash of the data folder>.socket,
// else <data folder>/window.socket; empty when the path would be too long for
// a socket address (108 bytes): then no second start can find this window.
// Windows: \\.\pipe\kindling-window-<a hash of the user and the data folder>.
std::filesystem::path windowSocketPath(const std::filesystem::path& dataDirectory);

enum class RaiseAnswer {
    Raised,   // the window came forward
    NoWindow, // nobody listens there (no Kindling, or one that cannot be asked)
    NoAnswer, // a Kindling listens but did not answer in time
};

// Asks the window listening on `socket` to come forward and waits up to
// `timeout` for it to say it did.
RaiseAnswer askWindowToRaise(const std::filesystem::path& socket,
                             std::chrono::milliseconds timeout);

// Listens on a thread. A request wakes the frame loop through `wake` (called
// on the listener's thread; glfwPostEmptyEvent is safe there); the loop then
// takes it with takeRequest(), raises the window and calls answer().
class RaiseListener {
  public:
    RaiseListener(std::filesystem::path socket, std::function<void()> wake);
    ~RaiseListener(); // stops listening and removes the socket
    RaiseListener(const RaiseListener&) = delete;
    RaiseListener& operator=(const RaiseListener&) = delete;

    // Why it is not listening; empty when it is.
    const std::string& problem() const { return problem_; }

    // True once for each request waiting; answer() says it was done.
    bool takeRequest();
    void answer();

  private:
    void serve();
    // Numbers a request, wakes the frame loop and waits for its answer: true
    // when the window was raised in time (single_instance.cpp).
    bool passOn();

    std::filesystem::path socket_;
    std::function<void()> wake_;
    std::string problem_;
#ifdef _WIN32
    void handle(void* pipe);
    void* pipe_ = nullptr;      // HANDLE of the named pipe's one instance
    void* stopEvent_ = nullptr; // HANDLE set by the destructor
#else
    void handle(int connection);
    int listening_ = -1;
    int stopPipe_[2] = {-1, -1};
#endif
    // Requests are numbered; the loop takes and answers up to a number.
    std::mutex mutex_;
    std::condition_variable answeredSignal_;
    std::uint64_t requested_ = 0, taken_ = 0, answered_ = 0;
    std::thread thread_;
};

// What both sides (single_instance_posix.cpp, single_instance_windows.cpp)
// say and wait for, and the hash that names the socket or pipe: FNV-1a over
// UTF-8, so the same folder gives the same name in every build and version.
namespace raise_wire {
inline constexpr std::string_view request = "raise\n";
inline constexpr std::string_view reply = "raised\n";
// How long the listener waits for a client to say what it wants (and, on
// Windows, to hang up after the answer).
inline constexpr int requestTimeoutMs = 1000;
constexpr std::uint64_t stableHash(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}
} // namespace raise_wire

} // namespace kindling::platform
