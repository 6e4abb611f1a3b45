#pragma once
// The plain file calls of a folder that other programs copy between computers
// (the sync folder, src/sync/atomic_file.cpp): a new file written whole and
// flushed to the disk, a rename that never replaces, a private folder, a file
// removed, a whole file read without following a link.
//
// Paths are std::filesystem::path: wide on Windows (the W calls), so every
// UTF-8 name made with os::pathFromUtf8 arrives intact.
//   durable:   fsync (Linux), F_FULLFSYNC (macOS), FlushFileBuffers (Windows)
//   no replace: renameat2 RENAME_NOREPLACE, else a hard link (Linux);
//              renamex_np RENAME_EXCL (macOS); MoveFileExW without
//              MOVEFILE_REPLACE_EXISTING (Windows)
//   private:   mode 0600 and 0700 (POSIX); on Windows the folder's inherited
//              ACL (os/private_files.hpp)

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace kindling::os {

// What kind of failure, so the caller can choose its words.
enum class FileFailure : std::uint8_t {
    NotFound,   // the file, or a folder on its way, is not there (or its device went away)
    Exists,     // the name is taken
    ReadOnly,   // refused: a read-only file system or folder, no permission
    NoSpace,    // the disk, a quota or the file size limit is full
    IsLink,     // a symbolic link (or reparse point) where a file was expected
    NotRegular, // a folder or a device where a file was expected
    TooLarge,   // larger than the caller accepts
    Other,      // any other refusal (an I/O error)
};

struct FileError {
    FileFailure failure = FileFailure::Other;
    std::string text; // the system's reason, English on POSIX, the system's language on Windows
};

using FileStatus = std::optional<FileError>; // nullopt: it worked

// Creates `file`, failing with Exists when the name is taken, readable by its
// owner only; writes every byte, flushes them to the disk and closes it. On
// failure nothing is left under that name.
FileStatus writeNewFile(const std::filesystem::path& file, std::span<const std::uint8_t> bytes);

enum class Replacing : std::uint8_t { Never, Allowed };
// Renames `from` to `to` (same folder). Never: fails with Exists when `to`
// is there, leaving both. The folder's entry is made durable by the caller
// (os::syncDirectory).
FileStatus renameFile(const std::filesystem::path& from, const std::filesystem::path& to,
                      Replacing replacing);

// Removes a file; NotFound when it was not there.
FileStatus removeFile(const std::filesystem::path& file);

// Creates one folder (0700 on POSIX) inside an existing parent: NotFound when
// the parent is missing, Exists when the name is taken (by anything).
FileStatus makeFolder(const std::filesystem::path& folder);

// Whether this user may both read and write `file` (access R_OK|W_OK; on
// Windows, opening it for both, which asks its ACL and read-only attribute).
FileStatus checkReadWrite(const std::filesystem::path& file);

// The whole of a regular file, refusing more than `maxSize` bytes (TooLarge),
// a link (IsLink) or anything but a regular file (NotRegular).
std::variant<std::vector<std::uint8_t>, FileError> readWholeFile(const std::filesystem::path& file,
                                                                 std::uint64_t maxSize);

} // namespace kindling::os
