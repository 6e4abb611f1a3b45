#pragma once
// Writing a file so that it appears whole or not at all: a temporary name
// that readers ignore (~kindling-<random>.tmp, created 0600), every byte
// written and flushed to the disk, a rename onto the final name, the folder synced
// (src/platform/os: file_calls.hpp, durable.hpp). A
// write that fails (a full disk, a read-only folder, a vanished stick)
// removes its temporary file and leaves nothing visible. A process killed
// half-way leaves only the temporary name, which readers skip and the next
// write in that folder removes.

#include "platform/os/file_calls.hpp"
#include "sync/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace kindling::sync {

enum class Replace : std::uint8_t {
    Never,  // fail with AlreadyWritten when the name exists (segments, snapshots)
    Allowed // rename over it (the device record, the couple check file)
};

Status writeFileAtomically(const std::filesystem::path& directory, const std::string& name,
                           std::span<const std::uint8_t> bytes, Replace replace);

// Creates `directory` (0700) inside an existing parent and fsyncs the parent.
// Never creates the parent: an unplugged stick's empty mount point must not
// receive a journal.
Status makeDirectory(const std::filesystem::path& directory);

// Removes ~kindling-*.tmp files left by an interrupted write in `directory`
// (only the folder's one writer may call this).
void removeOurTemporaries(const std::filesystem::path& directory);

// The whole file, refusing more than `maxSize` bytes. FileGone, Unreadable or
// Damaged (too large, not a regular file).
Result<std::vector<std::uint8_t>> readWholeFile(const std::filesystem::path& file,
                                                std::uint64_t maxSize);

// The Problem for a failed write of `file` (os/file_calls.hpp says why it failed).
Problem writeProblem(const os::FileError& error, const std::filesystem::path& file);

} // namespace kindling::sync
