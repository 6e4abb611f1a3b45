#pragma once
// Where things live on this operating system, and the environment read as
// UTF-8 (on Windows through the wide API, so any name survives).
//   data:   Linux $XDG_DATA_HOME/kindling, else ~/.local/share/kindling;
//           macOS ~/Library/Application Support/Kindling; Windows %APPDATA%\Kindling
//   config: Linux $XDG_CONFIG_HOME/kindling, else ~/.config/kindling;
//           macOS and Windows: the data folder
// Each throws std::runtime_error saying what is missing when the home folder
// cannot be found.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kindling::os {

// The variable's value in UTF-8; nullopt when unset or empty.
std::optional<std::string> environmentVariable(const char* name);
std::filesystem::path defaultDataDirectory();
std::filesystem::path defaultConfigDirectory();

// A path from UTF-8 text and back, the same on every system (a plain
// std::filesystem::path(std::string) reads the text in the ANSI code page on
// Windows).
std::filesystem::path pathFromUtf8(std::string_view utf8);
std::string pathToUtf8(const std::filesystem::path& path);

} // namespace kindling::os
