#include "platform/os/durable.hpp"
#include "platform/os/windows_text.hpp"

#include <windows.h>

namespace kindling::os {

std::optional<std::string> syncFile(const std::filesystem::path& file) {
    // FlushFileBuffers needs a handle with write access.
    const HANDLE handle = CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE,
                                      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                      nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) return lastErrorText();
    if (!FlushFileBuffers(handle)) {
        std::string error = lastErrorText();
        CloseHandle(handle);
        return error;
    }
    CloseHandle(handle);
    return std::nullopt;
}

std::optional<std::string> syncDirectory(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        return directory.string() + " is not a folder";
    return std::nullopt;
}

} // namespace kindling::os
