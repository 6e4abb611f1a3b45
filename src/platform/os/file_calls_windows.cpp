#include "platform/os/file_calls.hpp"
#include "platform/os/windows_text.hpp"

#include <windows.h>

namespace kindling::os {

namespace {

FileFailure failureFor(DWORD code) {
    switch (code) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_DRIVE:
    case ERROR_NOT_READY: // a drive with no medium
    case ERROR_DEV_NOT_EXIST:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_NET_NAME:
    case ERROR_DIRECTORY:
        return FileFailure::NotFound;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS:
        return FileFailure::Exists;
    case ERROR_ACCESS_DENIED:
    case ERROR_WRITE_PROTECT:
        return FileFailure::ReadOnly;
    case ERROR_HANDLE_DISK_FULL:
    case ERROR_DISK_FULL:
    case 1295: // ERROR_DISK_QUOTA_EXCEEDED, which MinGW-w64 12 does not name
    case ERROR_FILE_TOO_LARGE:
        return FileFailure::NoSpace;
    default:
        return FileFailure::Other;
    }
}

FileError errorFor(DWORD code) {
    return {failureFor(code), errorText(code)};
}

FileError lastError() {
    return errorFor(GetLastError());
}

// Failed before the file was whole: it goes.
FileError abandon(HANDLE handle, const std::filesystem::path& file) {
    const FileError error = lastError();
    CloseHandle(handle);
    DeleteFileW(file.c_str());
    return error;
}

// One ReadFile or WriteFile moves at most this much; callers loop.
constexpr DWORD chunkSize = 1u << 30;

DWORD chunk(std::size_t left) {
    return left > chunkSize ? chunkSize : static_cast<DWORD>(left);
}

} // namespace

FileStatus writeNewFile(const std::filesystem::path& file, std::span<const std::uint8_t> bytes) {
    // CREATE_NEW fails on an existing name; no sharing while it is written.
    const HANDLE handle = CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                                      FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) return lastError();
    std::size_t written = 0;
    while (written < bytes.size()) {
        DWORD n = 0;
        if (!WriteFile(handle, bytes.data() + written, chunk(bytes.size() - written), &n, nullptr))
            return abandon(handle, file);
        if (n == 0) {
            SetLastError(ERROR_DISK_FULL);
            return abandon(handle, file);
        }
        written += n;
    }
    if (!FlushFileBuffers(handle)) return abandon(handle, file);
    if (!CloseHandle(handle)) {
        const FileError error = lastError();
        DeleteFileW(file.c_str());
        return error;
    }
    return std::nullopt;
}

FileStatus renameFile(const std::filesystem::path& from, const std::filesystem::path& to,
                      Replacing replacing) {
    // Without MOVEFILE_REPLACE_EXISTING an existing `to` fails the move
    // (ERROR_ALREADY_EXISTS); MOVEFILE_WRITE_THROUGH returns once it is on disk.
    DWORD flags = MOVEFILE_WRITE_THROUGH;
    if (replacing == Replacing::Allowed) flags |= MOVEFILE_REPLACE_EXISTING;
    if (!MoveFileExW(from.c_str(), to.c_str(), flags)) return lastError();
    return std::nullopt;
}

FileStatus removeFile(const std::filesystem::path& file) {
    if (!DeleteFileW(file.c_str())) return lastError();
    return std::nullopt;
}

FileStatus makeFolder(const std::filesystem::path& folder) {
    if (!CreateDirectoryW(folder.c_str(), nullptr)) return lastError();
    return std::nullopt;
}

FileStatus checkReadWrite(const std::filesystem::path& file) {
    // Opening it for both asks the file's ACL and its read-only attribute.
    HANDLE handle = CreateFileW(file.c_str(), GENERIC_READ | GENERIC_WRITE,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) return lastError();
    CloseHandle(handle);
    return std::nullopt;
}

std::variant<std::vector<std::uint8_t>, FileError> readWholeFile(const std::filesystem::path& file,
                                                                 std::uint64_t maxSize) {
    // FILE_FLAG_OPEN_REPARSE_POINT opens a link itself, never what it points
    // to; its attributes then say it is one.
    const HANDLE handle = CreateFileW(
        file.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
        OPEN_EXISTING,
        FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (handle == INVALID_HANDLE_VALUE) return lastError();
    BY_HANDLE_FILE_INFORMATION information{};
    if (!GetFileInformationByHandle(handle, &information)) {
        const FileError error = lastError();
        CloseHandle(handle);
        return error;
    }
    if ((information.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
        CloseHandle(handle);
        return FileError{FileFailure::IsLink, "a link, not a file"};
    }
    if ((information.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ||
        GetFileType(handle) != FILE_TYPE_DISK) {
        CloseHandle(handle);
        return FileError{FileFailure::NotRegular, "not a regular file"};
    }
    const std::uint64_t size =
        (static_cast<std::uint64_t>(information.nFileSizeHigh) << 32) | information.nFileSizeLow;
    if (size > maxSize) {
        CloseHandle(handle);
        return FileError{FileFailure::TooLarge,
                         "larger than " + std::to_string(maxSize) + " bytes"};
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        DWORD n = 0;
        if (!ReadFile(handle, bytes.data() + got, chunk(bytes.size() - got), &n, nullptr)) {
            const FileError error = lastError();
            CloseHandle(handle);
            return error;
        }
        if (n == 0) break; // shrank while read: what there is (a seal, say, decides)
        got += n;
    }
    bytes.resize(got);
    CloseHandle(handle);
    return bytes;
}

} // namespace kindling::os
