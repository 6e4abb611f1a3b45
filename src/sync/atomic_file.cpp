#include "sync/atomic_file.hpp"

#include "platform/os/durable.hpp"
#include "sync/file_names.hpp"
#include "sync/pairing.hpp"

#include <array>
#include <sodium.h>

namespace kindling::sync {

namespace {

namespace fs = std::filesystem;

std::string temporaryName() {
    sodiumReady();
    std::array<std::uint8_t, 8> random{};
    randombytes_buf(random.data(), random.size());
    char hex[2 * random.size() + 1] = {};
    sodium_bin2hex(hex, sizeof hex, random.data(), random.size());
    return std::string(ourTemporaryPrefix) + hex + std::string(ourTemporarySuffix);
}

// The folder's entry for a renamed file must reach the disk too. A file
// system that cannot sync folders (EINVAL on some FUSE and network mounts;
// Windows, where NTFS journals its entries itself) gives no more safety than
// it has; the file itself is already on disk.
void syncDirectory(const fs::path& directory) {
    (void)os::syncDirectory(directory);
}

} // namespace

Problem writeProblem(const os::FileError& error, const fs::path& file) {
    switch (error.failure) {
    case os::FileFailure::ReadOnly:
        return Problem{ProblemKind::ReadOnly, file, error.text};
    case os::FileFailure::NoSpace:
        return Problem{ProblemKind::NoSpace, file, error.text};
    case os::FileFailure::NotFound:
        return Problem{ProblemKind::FolderMissing, file, error.text};
    case os::FileFailure::Exists:
        return Problem{ProblemKind::AlreadyWritten, file, error.text};
    case os::FileFailure::IsLink:
    case os::FileFailure::NotRegular:
    case os::FileFailure::TooLarge:
    case os::FileFailure::Other:
        break;
    }
    return Problem{ProblemKind::WriteFailed, file, error.text};
}

Status writeFileAtomically(const fs::path& directory, const std::string& name,
                           std::span<const std::uint8_t> bytes, Replace replace) {
    const fs::path file = directory / name;
    const fs::path temporary = directory / temporaryName();
    if (auto failed = os::writeNewFile(temporary, bytes)) return writeProblem(*failed, file);
    const auto replacing =
        replace == Replace::Never ? os::Replacing::Never : os::Replacing::Allowed;
    if (auto failed = os::renameFile(temporary, file, replacing)) {
        (void)os::removeFile(temporary);
        return writeProblem(*failed, file);
    }
    syncDirectory(directory);
    return std::nullopt;
}

Status makeDirectory(const fs::path& directory) {
    const os::FileStatus made = os::makeFolder(directory);
    if (!made) {
        syncDirectory(directory.parent_path());
        return std::nullopt;
    }
    if (made->failure == os::FileFailure::Exists) {
        std::error_code error;
        if (fs::is_directory(directory, error)) return std::nullopt;
        return Problem{ProblemKind::WriteFailed, directory, "a file has the folder's name"};
    }
    if (made->failure == os::FileFailure::NotFound)
        return Problem{ProblemKind::FolderMissing, directory.parent_path(), ""};
    return writeProblem(*made, directory);
}

void removeOurTemporaries(const fs::path& directory) {
    std::error_code error;
    for (fs::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
        if (parseName(it->path().filename().string()).role == NameRole::OurTemporary)
            (void)os::removeFile(it->path());
    }
}

Result<std::vector<std::uint8_t>> readWholeFile(const fs::path& file, std::uint64_t maxSize) {
    auto read = os::readWholeFile(file, maxSize);
    if (auto* bytes = std::get_if<std::vector<std::uint8_t>>(&read)) return std::move(*bytes);
    const os::FileError& error = std::get<os::FileError>(read);
    switch (error.failure) {
    case os::FileFailure::NotFound:
        return Problem{ProblemKind::FileGone, file, ""};
    case os::FileFailure::IsLink:
        return Problem{ProblemKind::Damaged, file, "a link, not a file"};
    case os::FileFailure::NotRegular:
        return Problem{ProblemKind::Damaged, file, "not a regular file"};
    case os::FileFailure::TooLarge:
        return Problem{ProblemKind::Damaged, file, "larger than any journal file"};
    case os::FileFailure::Exists:
    case os::FileFailure::ReadOnly:
    case os::FileFailure::NoSpace:
    case os::FileFailure::Other:
        break;
    }
    return Problem{ProblemKind::Unreadable, file, error.text};
}

} // namespace kindling::sync
