#include "ui/font_files.hpp"

#include "platform/os/process.hpp"
#include "platform/os/user_folders.hpp"

#include <filesystem>
#include <optional>

namespace kindling::ui {

std::string bundledFontFile(const std::string& fileName) {
    static const std::optional<std::filesystem::path> folder =
        []() -> std::optional<std::filesystem::path> {
        const auto executable = os::executableDirectory();
        std::error_code error;
        if (!executable || !std::filesystem::is_directory(*executable / "fonts", error))
            return std::nullopt;
        return *executable / "fonts";
    }();
    if (!folder) return {};
    const std::filesystem::path file = *folder / os::pathFromUtf8(fileName);
    std::error_code error;
    return std::filesystem::is_regular_file(file, error) ? os::pathToUtf8(file) : std::string();
}

} // namespace kindling::ui
