#pragma once
// Durable writes: a file's bytes, and a folder's entries (a rename), reach the
// disk before the call returns. fsync on Linux; F_FULLFSYNC on macOS, where
// fsync only reaches the drive's cache; FlushFileBuffers on Windows.
// Each returns the system's reason on failure.

#include <filesystem>
#include <optional>
#include <string>

namespace kindling::os {

std::optional<std::string> syncFile(const std::filesystem::path& file);
// On Windows a folder cannot be flushed: NTFS journals its entries itself,
// so this only checks that the folder exists.
std::optional<std::string> syncDirectory(const std::filesystem::path& directory);

} // namespace kindling::os
