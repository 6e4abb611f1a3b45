#include "platform/os/user_folders.hpp"
#include "platform/os/windows_text.hpp"

#include <cstdlib>
#include <stdexcept>
// <windows.h> must come before the other Windows headers.
// clang-format off
#include <windows.h>
#include <shlobj.h>
// clang-format on

namespace kindling::os {

std::optional<std::string> environmentVariable(const char* name) {
    const wchar_t* value = _wgetenv(widen(name).c_str());
    if (value == nullptr || *value == L'\0') return std::nullopt;
    return narrow(value);
}

std::filesystem::path defaultDataDirectory() {
    wchar_t* folder = nullptr;
    if (SHGetKnownFolderPath(FOLDERID_RoamingAppData, 0, nullptr, &folder) == S_OK) {
        std::filesystem::path roaming(folder);
        CoTaskMemFree(folder);
        return roaming / "Kindling";
    }
    CoTaskMemFree(folder);
    if (const wchar_t* appData = _wgetenv(L"APPDATA"); appData != nullptr && *appData != L'\0')
        return std::filesystem::path(appData) / "Kindling";
    throw std::runtime_error("Windows did not say where your AppData folder is, so Kindling "
                             "cannot find your data folder; pass --data-dir DIR");
}

std::filesystem::path defaultConfigDirectory() {
    return defaultDataDirectory();
}

std::filesystem::path pathFromUtf8(std::string_view utf8) {
    return std::filesystem::path(widen(utf8));
}

std::string pathToUtf8(const std::filesystem::path& path) {
    return narrow(path.native());
}

} // namespace kindling::os
