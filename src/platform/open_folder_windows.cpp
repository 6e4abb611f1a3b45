#include "platform/open_folder.hpp"
#include "platform/os/windows_text.hpp"

// <windows.h> must come before the other Windows headers.
// clang-format off
#include <windows.h>
#include <shellapi.h>
// clang-format on

namespace kindling::platform {

// Explorer opens the folder on its own: ShellExecuteW returns once it has
// handed it over, so there is no child to watch afterwards.
std::optional<std::string> FolderOpener::open(const std::filesystem::path& folder, double) {
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        return folder.string() + " is not a folder on this computer";
    const auto result = reinterpret_cast<INT_PTR>(
        ShellExecuteW(nullptr, L"open", folder.c_str(), nullptr, nullptr, SW_SHOWNORMAL));
    if (result > 32) return std::nullopt;
    if (result == SE_ERR_NOASSOC) return "no program was found to show it";
    return "Windows could not show it (" + os::errorText(static_cast<unsigned long>(result)) + ")";
}

std::optional<std::string> FolderOpener::finished(bool) {
    return std::nullopt;
}

bool FolderOpener::watching(double) const {
    return false;
}

} // namespace kindling::platform
