#include "store/paths.hpp"

#include "platform/os/private_files.hpp"
#include "platform/os/user_folders.hpp"

#include <stdexcept>

namespace kindling {

DataLocation resolveDataLocation(const std::optional<std::string>& dataDirFlag) {
    if (dataDirFlag && !dataDirFlag->empty())
        return {std::filesystem::absolute(os::pathFromUtf8(*dataDirFlag))};
    if (auto dir = os::environmentVariable("KINDLING_DATA_DIR"))
        return {std::filesystem::absolute(os::pathFromUtf8(*dir))};
    return {os::defaultDataDirectory()};
}

std::filesystem::path configDirectory() {
    return os::defaultConfigDirectory();
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
    // Only a folder we created is narrowed to its owner; an existing one chosen
    // by the user keeps its mode (the data file itself is always private).
    if (!existed)
        if (auto problem = os::makePrivate(directory, true))
            throw std::runtime_error("cannot make " + directory.string() + " private: " + *problem);
}

} // namespace kindling
