#include "platform/os/user_folders.hpp"

#include <cstdlib>
#include <stdexcept>

namespace kindling::os {

namespace {

std::filesystem::path homeDirectory() {
    if (auto home = environmentVariable("HOME")) return *home;
    throw std::runtime_error("HOME is not set, so Kindling cannot find your data folder; "
                             "pass --data-dir DIR");
}

} // namespace

std::optional<std::string> environmentVariable(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

std::filesystem::path defaultDataDirectory() {
    if (auto xdg = environmentVariable("XDG_DATA_HOME"))
        return std::filesystem::path(*xdg) / "kindling";
    return homeDirectory() / ".local" / "share" / "kindling";
}

std::filesystem::path defaultConfigDirectory() {
    if (auto xdg = environmentVariable("XDG_CONFIG_HOME"))
        return std::filesystem::path(*xdg) / "kindling";
    return homeDirectory() / ".config" / "kindling";
}

std::filesystem::path pathFromUtf8(std::string_view utf8) {
    return std::filesystem::path(utf8);
}

std::string pathToUtf8(const std::filesystem::path& path) {
    return path.string();
}

} // namespace kindling::os
