#pragma once
// Real folders for the sync tests: a fresh temporary root per test, couples
// with a random key (Argon2id only where a test is about the code), and
// helpers to read, flip and list bytes on disk.

#include "sync/folder.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sodium.h>
#include <string>
#include <vector>
#ifdef __linux__
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>
#endif

namespace kindling::sync::test {

namespace fs = std::filesystem;

class TempDir {
  public:
    TempDir()
        : path_(fs::temp_directory_path() / ("kindling-sync-test-" + DeviceId::random().text())) {
        fs::create_directories(path_);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

inline Bytes bytesOf(std::string_view text) {
    return Bytes(text.begin(), text.end());
}

inline std::string textOf(const Bytes& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

inline Bytes readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const fs::path& file, const Bytes& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

inline CoupleKey randomKey() {
    CoupleKey::Bytes bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return CoupleKey::fromBytes(bytes);
}

// Every file under `root`, relative (with "/" on every system), sorted.
inline std::vector<std::string> allFiles(const fs::path& root) {
    std::vector<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            files.push_back(fs::relative(entry.path(), root).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

// One couple in one folder root, as two (or more) devices see it.
struct Couple {
    CoupleId id = CoupleId::random();
    CoupleKey key = randomKey();
    fs::path root;

    SyncFolder device(const DeviceId& device) const { return SyncFolder(root, id, device, key); }
};

inline Couple makeCouple(const fs::path& root, const DeviceId& first = DeviceId::random()) {
    Couple couple;
    couple.root = root;
    const Status created = couple.device(first).createCouple();
    REQUIRE_FALSE(created);
    return couple;
}

inline const DeviceFiles* peerIn(const FolderListing& listing, const DeviceId& device) {
    for (const auto& peer : listing.peers)
        if (peer.device == device) return &peer;
    return nullptr;
}

// The payloads of every file filesToApply gives for a peer, in order; a
// problem fails the test.
inline std::vector<std::string> payloadsFrom(const SyncFolder& reader, const DeviceFiles& peer,
                                             std::uint64_t appliedThrough = 0) {
    std::vector<std::string> payloads;
    for (const auto& file : filesToApply(peer, appliedThrough)) {
        auto opened = reader.read(file);
        INFO(file.path.string());
        REQUIRE(opened.ok());
        payloads.push_back(textOf(opened.value()));
    }
    return payloads;
}

#ifdef __linux__
// Linux only (folder_failures_test.cpp, which other systems leave out):
// this test process gets its own mount namespace (as root, or through a user
// namespace), so it can mount small or read-only file systems that vanish
// with it. A test that needs this and cannot have it fails.
inline void enterPrivateMounts() {
    static bool entered = false;
    if (entered) return;
    if (::unshare(CLONE_NEWNS) != 0) {
        const std::string rootError = std::strerror(errno);
        // Not root: a user namespace maps us to root inside it.
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            FAIL("cannot make a private mount namespace (" << rootError << ", then "
                                                           << std::strerror(errno)
                                                           << "): run as root or allow user "
                                                              "namespaces");
        std::ofstream("/proc/self/setgroups") << "deny";
        std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
        std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
    }
    REQUIRE(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
    entered = true;
}

// A tmpfs of `bytes` mounted at `where` (an existing empty folder).
inline void mountSmallDisk(const fs::path& where, std::size_t bytes) {
    enterPrivateMounts();
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    const int mounted = ::mount("kindling-test", where.c_str(), "tmpfs", 0, options.c_str());
    INFO("mount tmpfs: " << (mounted == 0 ? "" : std::strerror(errno)));
    REQUIRE(mounted == 0);
}

inline void remountReadOnly(const fs::path& where) {
    const int mounted = ::mount(nullptr, where.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr);
    INFO("remount read-only: " << (mounted == 0 ? "" : std::strerror(errno)));
    REQUIRE(mounted == 0);
}

inline void unmount(const fs::path& where) {
    ::umount2(where.c_str(), MNT_DETACH);
}
#endif

} // namespace kindling::sync::test
