#include "store/paths.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <sys/stat.h>

namespace kindling {

namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

std::filesystem::path homeDirectory() {
    if (auto home = environment("HOME")) return *home;
    throw std::runtime_error("HOME is not set, so Kindling cannot find your data folder; "
                             "pass --data-dir DIR");
}

} // namespace

DataLocation resolveDataLocation(const std::optional<std::string>& dataDirFlag) {
    if (dataDirFlag && !dataDirFlag->empty()) return {std::filesystem::absolute(*dataDirFlag)};
    if (auto dir = environment("KINDLING_DATA_DIR")) return {std::filesystem::absolute(*dir)};
    if (auto xdg = environment("XDG_DATA_HOME")) return {std::filesystem::path(*xdg) / "kindling"};
    return {homeDirectory() / ".local" / "share" / "kindling"};
}

std::filesystem::path configDirectory() {
    if (auto xdg = environment("XDG_CONFIG_HOME")) return std::filesystem::path(*xdg) / "kindling";
    return homeDirectory() / ".config" / "kindling";
}

void ensurePrivateDirectory(const std::filesystem::path& directory) {
    std::error_code error;
    const bool existed = std::filesystem::exists(directory, error);
    if (!existed) {
        std::filesystem::create_directories(directory, error);
        if (error)
            throw std::runtime_error("cannot create the folder " + directory.string() + ": " +
                                     error.message());
    } else if (!std::filesystem::is_directory(directory)) {
        throw std::runtime_error(directory.string() + " exists but is not a folder");
    }
    // Only a folder we created is narrowed to 0700; an existing one chosen by
    // the user keeps its mode (the data file itself is always 0600).
    if (!existed && ::chmod(directory.c_str(), 0700) != 0)
        throw std::runtime_error("cannot make " + directory.string() +
                                 " private: " + std::strerror(errno));
}

} // namespace kindling
