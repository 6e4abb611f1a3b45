#include "platform/os/file_lock.hpp"
#include "platform/os/process.hpp"
#include "platform/os/windows_text.hpp"

#include <windows.h>

namespace kindling::os {

namespace {

// The lock covers one byte far past the pid text: Windows locks are
// mandatory, so locking the text itself would stop a second instance from
// reading who holds it.
constexpr DWORD lockOffsetHigh = 0x7FFF;

HANDLE toHandle(std::intptr_t value) {
    return reinterpret_cast<HANDLE>(value);
}

} // namespace

FileLock::Result FileLock::acquire(const std::filesystem::path& lockFile, FileLock& lock,
                                   std::string& holder) {
    const HANDLE file = CreateFileW(lockFile.c_str(), GENERIC_READ | GENERIC_WRITE,
                                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                    OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        holder = lastErrorText();
        return Result::Failed;
    }
    OVERLAPPED where{};
    where.OffsetHigh = lockOffsetHigh;
    if (!LockFileEx(file, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &where)) {
        const DWORD error = GetLastError();
        if (error == ERROR_LOCK_VIOLATION || error == ERROR_SHARING_VIOLATION ||
            error == ERROR_IO_PENDING) {
            char buffer[32] = {};
            DWORD n = 0;
            holder.clear();
            if (ReadFile(file, buffer, sizeof buffer - 1, &n, nullptr))
                for (DWORD i = 0; i < n && buffer[i] >= '0' && buffer[i] <= '9'; ++i)
                    holder += buffer[i];
            CloseHandle(file);
            return Result::HeldElsewhere;
        }
        holder = errorText(error);
        CloseHandle(file);
        return Result::Failed;
    }
    // The pid is only a hint for the message; failing to write it is harmless.
    const std::string pid = std::to_string(processId()) + "\n";
    if (SetEndOfFile(file)) {
        DWORD written = 0;
        WriteFile(file, pid.data(), static_cast<DWORD>(pid.size()), &written, nullptr);
    }
    lock = FileLock();
    lock.handle_ = reinterpret_cast<std::intptr_t>(file);
    return Result::Acquired;
}

// Closing the handle releases the lock (Windows also releases it when the
// process ends). The lock file stays, as on POSIX.
void FileLock::release() noexcept {
    if (handle_ != -1) CloseHandle(toHandle(handle_));
    handle_ = -1;
}

} // namespace kindling::os
