// The Windows side of platform/single_instance.hpp: a named pipe, one
// instance, that only this user may open and no other computer may reach. The
// second start checks that the pipe's server runs as this user too, lets it
// take the foreground (Windows gives it only to the program the user just
// started, or to one that program allows), then asks it to come forward.
#include "platform/os/user_folders.hpp"
#include "platform/os/windows_text.hpp"
#include "platform/single_instance.hpp"

#include <optional>
#include <string_view>
#include <vector>
// <windows.h> must come before the other Windows headers.
// clang-format off
#include <windows.h>
#include <sddl.h>
// clang-format on

namespace kindling::platform {

namespace fs = std::filesystem;

namespace {

using namespace raise_wire;

class Handle {
  public:
    explicit Handle(HANDLE value = nullptr) : value_(value) {}
    ~Handle() {
        if (valid()) CloseHandle(value_);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    bool valid() const { return value_ != nullptr && value_ != INVALID_HANDLE_VALUE; }
    HANDLE get() const { return value_; }

  private:
    HANDLE value_;
};

// The user a process runs as (its token's SID), as bytes to compare.
std::vector<std::uint8_t> userOf(HANDLE process) {
    HANDLE token = nullptr;
    if (!OpenProcessToken(process, TOKEN_QUERY, &token)) return {};
    const Handle owned(token);
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<std::uint8_t> buffer(size);
    if (size == 0 || !GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) return {};
    const PSID sid = reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid;
    if (!IsValidSid(sid)) return {};
    const auto* bytes = static_cast<const std::uint8_t*>(sid);
    return {bytes, bytes + GetLengthSid(sid)};
}

std::vector<std::uint8_t> thisUser() {
    return userOf(GetCurrentProcess());
}

bool runsAsThisUser(DWORD processId) {
    const Handle process(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, processId));
    if (!process.valid()) return false;
    const auto user = userOf(process.get());
    return !user.empty() && user == thisUser();
}

// Waits for an overlapped read or write begun on `handle`: its byte count, or
// nothing when it failed, `stop` was set or `timeoutMs` passed (then it is
// cancelled).
std::optional<DWORD> finish(HANDLE handle, OVERLAPPED& pending, BOOL done, DWORD timeoutMs,
                            HANDLE stop) {
    DWORD moved = 0;
    if (done) {
        if (!GetOverlappedResult(handle, &pending, &moved, FALSE)) return std::nullopt;
        return moved;
    }
    if (GetLastError() != ERROR_IO_PENDING) return std::nullopt;
    const HANDLE waits[2] = {pending.hEvent, stop};
    const DWORD woke = WaitForMultipleObjects(stop != nullptr ? 2 : 1, waits, FALSE, timeoutMs);
    if (woke != WAIT_OBJECT_0) {
        CancelIoEx(handle, &pending);
        GetOverlappedResult(handle, &pending, &moved, TRUE);
        return std::nullopt;
    }
    if (!GetOverlappedResult(handle, &pending, &moved, FALSE)) return std::nullopt;
    return moved;
}

std::string readLine(HANDLE handle, DWORD timeoutMs, HANDLE stop) {
    std::string text;
    const Handle event(CreateEventW(nullptr, TRUE, FALSE, nullptr));
    const ULONGLONG deadline = GetTickCount64() + timeoutMs;
    while (text.size() < 64 && text.find('\n') == std::string::npos) {
        const ULONGLONG now = GetTickCount64();
        if (now >= deadline) break;
        char buffer[64];
        OVERLAPPED pending{};
        pending.hEvent = event.get();
        const BOOL done = ReadFile(handle, buffer, sizeof buffer, nullptr, &pending);
        const auto got = finish(handle, pending, done, static_cast<DWORD>(deadline - now), stop);
        if (!got || *got == 0) break;
        text.append(buffer, *got);
    }
    return text;
}

bool writeAll(HANDLE handle, std::string_view text, DWORD timeoutMs) {
    const Handle event(CreateEventW(nullptr, TRUE, FALSE, nullptr));
    while (!text.empty()) {
        OVERLAPPED pending{};
        pending.hEvent = event.get();
        const BOOL done =
            WriteFile(handle, text.data(), static_cast<DWORD>(text.size()), nullptr, &pending);
        const auto sent = finish(handle, pending, done, timeoutMs, nullptr);
        if (!sent || *sent == 0) return false;
        text.remove_prefix(*sent);
    }
    return true;
}

// "Only this user, full access", as a security descriptor for the pipe.
struct OwnerOnly {
    OwnerOnly() {
        const auto user = thisUser();
        if (user.empty()) return;
        wchar_t* sidText = nullptr;
        if (!ConvertSidToStringSidW(const_cast<std::uint8_t*>(user.data()), &sidText)) return;
        const std::wstring sddl = L"D:P(A;;GA;;;" + std::wstring(sidText) + L")";
        LocalFree(sidText);
        ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1,
                                                             &descriptor, nullptr);
    }
    ~OwnerOnly() {
        if (descriptor != nullptr) LocalFree(descriptor);
    }
    OwnerOnly(const OwnerOnly&) = delete;
    OwnerOnly& operator=(const OwnerOnly&) = delete;
    PSECURITY_DESCRIPTOR descriptor = nullptr;
};

} // namespace

fs::path windowSocketPath(const fs::path& dataDirectory) {
    std::error_code error;
    fs::path folder = fs::weakly_canonical(fs::absolute(dataDirectory, error), error);
    if (error) folder = dataDirectory;
    // Windows names are the same folder in any case: C:\Users\Zoë and c:\users\ZOË.
    std::wstring key = folder.native();
    CharLowerBuffW(key.data(), static_cast<DWORD>(key.size()));
    wchar_t user[256 + 1] = {};
    DWORD userSize = 256 + 1;
    if (!GetUserNameW(user, &userSize)) user[0] = L'\0';
    key = std::wstring(user) + L"\n" + key;
    wchar_t name[64];
    swprintf(name, 64, L"\\\\.\\pipe\\kindling-window-%016llx",
             static_cast<unsigned long long>(stableHash(os::narrow(key))));
    return fs::path(name);
}

RaiseAnswer askWindowToRaise(const fs::path& socket, std::chrono::milliseconds timeout) {
    if (socket.empty()) return RaiseAnswer::NoWindow;
    const auto timeoutMs = static_cast<DWORD>(timeout.count());
    HANDLE opened = CreateFileW(socket.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr,
                                OPEN_EXISTING, FILE_FLAG_OVERLAPPED, nullptr);
    if (opened == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY) {
        // Another second start is being answered: wait for the pipe once.
        if (!WaitNamedPipeW(socket.c_str(), timeoutMs)) return RaiseAnswer::NoAnswer;
        opened = CreateFileW(socket.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr,
                             OPEN_EXISTING, FILE_FLAG_OVERLAPPED, nullptr);
    }
    if (opened == INVALID_HANDLE_VALUE) return RaiseAnswer::NoWindow;
    const Handle pipe(opened);
    // Only a Kindling of this user: anyone could have made a pipe of that name.
    ULONG server = 0;
    if (!GetNamedPipeServerProcessId(pipe.get(), &server) || !runsAsThisUser(server))
        return RaiseAnswer::NoWindow;
    AllowSetForegroundWindow(server);
    if (!writeAll(pipe.get(), request, timeoutMs)) return RaiseAnswer::NoAnswer;
    const std::string answer = readLine(pipe.get(), timeoutMs, nullptr);
    return answer == reply ? RaiseAnswer::Raised : RaiseAnswer::NoAnswer;
}

RaiseListener::RaiseListener(fs::path socket, std::function<void()> wake)
    : socket_(std::move(socket)), wake_(std::move(wake)) {
    if (socket_.empty()) {
        problem_ = "no name for the pipe";
        return;
    }
    const OwnerOnly owner;
    if (owner.descriptor == nullptr) {
        problem_ = "cannot say who may open the pipe: " + os::lastErrorText();
        return;
    }
    SECURITY_ATTRIBUTES attributes{sizeof attributes, owner.descriptor, FALSE};
    // FILE_FLAG_FIRST_PIPE_INSTANCE: a pipe of that name made by someone else
    // first is refused, not joined.
    const HANDLE pipe = CreateNamedPipeW(
        socket_.c_str(), PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
        PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1, 64, 64, 0,
        &attributes);
    if (pipe == INVALID_HANDLE_VALUE) {
        problem_ = os::pathToUtf8(socket_) + ": " + os::lastErrorText();
        return;
    }
    pipe_ = pipe;
    stopEvent_ = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (stopEvent_ == nullptr) {
        problem_ = "CreateEvent: " + os::lastErrorText();
        CloseHandle(pipe_);
        pipe_ = nullptr;
        return;
    }
    thread_ = std::thread([this] { serve(); });
}

RaiseListener::~RaiseListener() {
    if (thread_.joinable()) {
        SetEvent(stopEvent_);
        thread_.join();
    }
    if (pipe_ != nullptr) CloseHandle(pipe_);
    if (stopEvent_ != nullptr) CloseHandle(stopEvent_);
}

void RaiseListener::serve() {
    const Handle event(CreateEventW(nullptr, TRUE, FALSE, nullptr));
    for (;;) {
        OVERLAPPED pending{};
        pending.hEvent = event.get();
        ResetEvent(event.get());
        bool connected = ConnectNamedPipe(pipe_, &pending) != 0;
        if (!connected) {
            const DWORD error = GetLastError();
            if (error == ERROR_PIPE_CONNECTED) {
                connected = true;
            } else if (error == ERROR_IO_PENDING) {
                const HANDLE waits[2] = {event.get(), stopEvent_};
                const DWORD woke = WaitForMultipleObjects(2, waits, FALSE, INFINITE);
                DWORD ignored = 0;
                if (woke != WAIT_OBJECT_0) {
                    CancelIoEx(pipe_, &pending);
                    GetOverlappedResult(pipe_, &pending, &ignored, TRUE);
                    return;
                }
                connected = GetOverlappedResult(pipe_, &pending, &ignored, FALSE) != 0;
            } else if (error != ERROR_NO_DATA) { // ERROR_NO_DATA: the client already left
                return;
            }
        }
        if (connected) handle(pipe_);
        DisconnectNamedPipe(pipe_);
        if (WaitForSingleObject(stopEvent_, 0) == WAIT_OBJECT_0) return;
    }
}

void RaiseListener::handle(void* pipe) {
    // The pipe's ACL lets only this user in; its process is checked again, as
    // the socket's peer is on POSIX.
    ULONG client = 0;
    if (!GetNamedPipeClientProcessId(pipe, &client) || !runsAsThisUser(client)) return;
    if (readLine(pipe, requestTimeoutMs, stopEvent_) != request) return;
    if (!passOn()) return;
    if (!writeAll(pipe, reply, requestTimeoutMs)) return;
    // Disconnecting drops what the client has not read yet: wait for it to
    // hang up (a read that ends), for a second at most.
    readLine(pipe, requestTimeoutMs, stopEvent_);
}

} // namespace kindling::platform
