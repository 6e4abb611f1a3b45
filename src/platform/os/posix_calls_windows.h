#pragma once
// Windows only, force-included into src/store (src/store/CMakeLists.txt): the
// few POSIX calls the store makes on paths (open, stat, access, chmod, rename,
// fsync, gmtime_r), taking std::filesystem::path's wide c_str() and doing what
// the POSIX call does, so those files build unchanged while their own code
// moves behind src/platform/os/. New code calls src/platform/os/ instead.
//
// - open() always adds O_BINARY: Windows' default text mode would turn "\n"
//   into "\r\n" on the way out and stop reading at a Ctrl-Z.
// - rename() replaces an existing target, as POSIX rename does, and writes
//   through to the disk.
// - fsync() is FlushFileBuffers on the descriptor's handle.

#ifndef _POSIX_THREAD_SAFE_FUNCTIONS
#define _POSIX_THREAD_SAFE_FUNCTIONS 200112L // MinGW's <time.h>: gmtime_r, localtime_r
#endif

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC _O_NOINHERIT
#endif
#ifndef EDQUOT
#define EDQUOT ENOSPC
#endif

#ifdef __cplusplus
extern "C" {
__declspec(dllimport) int __stdcall MoveFileExW(const wchar_t*, const wchar_t*, unsigned long);
__declspec(dllimport) int __stdcall FlushFileBuffers(void*);
__declspec(dllimport) unsigned long __stdcall GetLastError(void);
}

inline int kindlingErrnoFromWindows(unsigned long code) {
    switch (code) {
    case 2: // ERROR_FILE_NOT_FOUND
    case 3: // ERROR_PATH_NOT_FOUND
        return ENOENT;
    case 5:  // ERROR_ACCESS_DENIED
    case 32: // ERROR_SHARING_VIOLATION
        return EACCES;
    case 39:  // ERROR_HANDLE_DISK_FULL
    case 112: // ERROR_DISK_FULL
        return ENOSPC;
    case 80:  // ERROR_FILE_EXISTS
    case 183: // ERROR_ALREADY_EXISTS
        return EEXIST;
    default:
        return EIO;
    }
}

inline int open(const wchar_t* path, int flags, int mode = _S_IREAD | _S_IWRITE) {
    return ::_wopen(path, flags | _O_BINARY, mode);
}

// MinGW's read and write take an unsigned int count; these take size_t as
// POSIX does (one call moves at most 2 GB, and callers loop).
inline ssize_t read(int fd, void* buffer, size_t count) {
    return ::_read(fd, buffer, static_cast<unsigned>(count > 0x7FFFFFFF ? 0x7FFFFFFF : count));
}

inline ssize_t write(int fd, const void* buffer, size_t count) {
    return ::_write(fd, buffer, static_cast<unsigned>(count > 0x7FFFFFFF ? 0x7FFFFFFF : count));
}

inline int stat(const wchar_t* path, struct stat* info) {
    struct _stat64 wide {};
    if (::_wstat64(path, &wide) != 0) return -1;
    *info = {};
    info->st_mode = wide.st_mode;
    info->st_size = static_cast<decltype(info->st_size)>(wide.st_size);
    info->st_mtime = static_cast<decltype(info->st_mtime)>(wide.st_mtime);
    info->st_atime = static_cast<decltype(info->st_atime)>(wide.st_atime);
    info->st_ctime = static_cast<decltype(info->st_ctime)>(wide.st_ctime);
    info->st_nlink = static_cast<decltype(info->st_nlink)>(wide.st_nlink);
    return 0;
}

inline int access(const wchar_t* path, int mode) {
    return ::_waccess(path, mode & (R_OK | W_OK));
}

inline int chmod(const wchar_t* path, int mode) {
    return ::_wchmod(path, (mode & 0200) ? (_S_IREAD | _S_IWRITE) : _S_IREAD);
}

inline int rename(const wchar_t* from, const wchar_t* to) {
    if (MoveFileExW(from, to, 0x1 /* REPLACE_EXISTING */ | 0x8 /* WRITE_THROUGH */)) return 0;
    errno = kindlingErrnoFromWindows(GetLastError());
    return -1;
}

inline int fsync(int fd) {
    void* handle = reinterpret_cast<void*>(::_get_osfhandle(fd));
    if (handle == reinterpret_cast<void*>(-1)) {
        errno = EBADF;
        return -1;
    }
    if (FlushFileBuffers(handle)) return 0;
    errno = kindlingErrnoFromWindows(GetLastError());
    return -1;
}
#endif
