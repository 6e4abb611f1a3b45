#include "platform/os/user_folders.hpp"

#include <cstdlib>
#include <stdexcept>

namespace kindling::os {

std::optional<std::string> environmentVariable(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

std::filesystem::path defaultDataDirectory() {
    auto home = environmentVariable("HOME");
    if (!home)
        throw std::runtime_error("HOME is not set, so Kindling cannot find your data folder; "
                                 "pass --data-dir DIR");
    return std::filesystem::path(*home) / "Library" / "Application Support" / "Kindling";
}

std::filesystem::path defaultConfigDirectory() {
    return defaultDataDirectory();
}

std::filesystem::path pathFromUtf8(std::string_view utf8) {
    return std::filesystem::path(utf8);
}

std::string pathToUtf8(const std::filesystem::path& path) {
    return path.string();
}

} // namespace kindling::os
