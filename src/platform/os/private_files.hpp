#pragma once
// Files and folders only their owner can read. POSIX: mode 0600 and 0700,
// set explicitly whatever the umask. Windows: a file gets the ACL of the folder
// it is in; under the user's profile (%APPDATA%) that is the user, the system
// and administrators only (see README "Your data").

#include <filesystem>
#include <optional>
#include <string>

namespace kindling::os {

// Creates an empty file readable by its owner only; fails when it exists.
// Returns the system's reason on failure.
std::optional<std::string> createPrivateFile(const std::filesystem::path& file);
// Narrows an existing file or folder to its owner (0600 / 0700 on POSIX).
std::optional<std::string> makePrivate(const std::filesystem::path& path, bool directory);

} // namespace kindling::os
