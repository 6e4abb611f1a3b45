#pragma once
// One sealed file of the sync folder: a small cleartext header, then the
// payload encrypted and authenticated with XChaCha20-Poly1305 (IETF) under the
// couple key and a random 24-byte nonce. The whole header is the associated
// data, so changing any of its bytes, or any byte of the ciphertext, makes
// the file fail authentication. docs/sync.md draws the layout.
//
// After authentication the header is compared with the place the file was
// found (its couple, device, kind and number), so a file moved to another
// device's folder, or renamed to another number, is refused as Misplaced; a
// file of another couple fails authentication (another key).
//
// The payload is padded to a multiple of 256 bytes before sealing, so a file's
// size says little about how long a note in it is.

#include "sync/pairing.hpp"
#include "sync/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

namespace kindling::sync {

using Bytes = std::vector<std::uint8_t>;

enum class FileKind : std::uint8_t {
    Segment = 1,      // one batch of changes, immutable
    Snapshot = 2,     // everything of one device through a segment number
    DeviceRecord = 3, // the device's own small record (its name)
    CoupleCheck = 4,  // opens only with the right key: tells a wrong code from a right one
};

// The format this build writes; files with a larger number are NewerFormat.
inline constexpr std::uint16_t sealedFormatVersion = 1;
inline constexpr std::size_t sealedHeaderSize = 84;
inline constexpr std::size_t sealedTagSize = 16;
inline constexpr std::size_t sealedPaddingBlock = 256;
// Larger files are refused as Damaged before they are read into memory.
inline constexpr std::uint64_t sealedMaxFileSize = 1ull << 30;

struct SealedHeader {
    std::uint16_t formatVersion = sealedFormatVersion;
    FileKind kind = FileKind::Segment;
    CoupleId couple;
    DeviceId device;
    std::uint64_t sequence = 0;   // segment number; a snapshot's last segment; 0 otherwise
    std::uint64_t sealedSize = 0; // bytes after the header: ciphertext and tag
};

// What the file's place in the folder says it must be.
struct ExpectedSeal {
    FileKind kind = FileKind::Segment;
    CoupleId couple;
    std::optional<DeviceId> device; // nullopt: any device (the couple check file)
    std::uint64_t sequence = 0;
};

// The sealed bytes of a file. SystemFailure only if libsodium cannot start.
Result<Bytes> seal(const CoupleKey& key, const SealedHeader& header,
                   std::span<const std::uint8_t> payload);

// The payload, or why not. `file` only names the file in the problem.
Result<Bytes> unseal(const CoupleKey& key, std::span<const std::uint8_t> sealed,
                     const ExpectedSeal& expected, const std::filesystem::path& file);

// The header as written, without any check of the seal: for status listings
// ("from a newer Kindling") and tests. Fails on a truncated or foreign file.
Result<SealedHeader> peekHeader(std::span<const std::uint8_t> sealed,
                                const std::filesystem::path& file);

} // namespace kindling::sync
