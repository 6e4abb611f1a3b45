#include "platform/os/private_files.hpp"
#include "platform/os/windows_text.hpp"

#include <windows.h>

namespace kindling::os {

std::optional<std::string> createPrivateFile(const std::filesystem::path& file) {
    const HANDLE handle = CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                                      FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) return lastErrorText();
    CloseHandle(handle);
    return std::nullopt;
}

// The folder's inherited ACL already decides who may read it; see the header.
std::optional<std::string> makePrivate(const std::filesystem::path& path, bool) {
    if (GetFileAttributesW(path.c_str()) == INVALID_FILE_ATTRIBUTES) return lastErrorText();
    return std::nullopt;
}

} // namespace kindling::os
