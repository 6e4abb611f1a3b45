#include "sync/sealed_file.hpp"

#include <algorithm>
#include <cstring>
#include <sodium.h>
#include <string>

namespace kindling::sync {

namespace {

// Layout of format 1 (little-endian numbers); docs/sync.md has the table.
// Only the magic and the version are fixed for every future format: a newer
// Kindling may change everything after them.
constexpr std::array<std::uint8_t, 8> magic = {'K', 'N', 'D', 'L', 'S', 'Y', 'N', 'C'};
constexpr std::size_t versionAt = 8;
constexpr std::size_t kindAt = 10;
constexpr std::size_t reservedAt = 11;
constexpr std::size_t coupleAt = 12;
constexpr std::size_t deviceAt = 28;
constexpr std::size_t sequenceAt = 44;
constexpr std::size_t sizeAt = 52;
constexpr std::size_t nonceAt = 60;
constexpr std::size_t nonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
static_assert(nonceAt + nonceSize == sealedHeaderSize);
static_assert(sealedTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

void putLittleEndian(std::uint8_t* at, std::uint64_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i)
        at[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint64_t getLittleEndian(const std::uint8_t* at, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = bytes; i-- > 0;)
        value = (value << 8) | at[i];
    return value;
}

bool knownKind(std::uint8_t kind) {
    return kind >= static_cast<std::uint8_t>(FileKind::Segment) &&
           kind <= static_cast<std::uint8_t>(FileKind::CoupleCheck);
}

std::string kindWords(FileKind kind) {
    switch (kind) {
    case FileKind::Segment:
        return "a segment";
    case FileKind::Snapshot:
        return "a snapshot";
    case FileKind::DeviceRecord:
        return "a device record";
    case FileKind::CoupleCheck:
        return "a couple check";
    }
    return "an unknown kind";
}

Problem problemFor(ProblemKind kind, const std::filesystem::path& file, std::string detail) {
    return Problem{kind, file, std::move(detail)};
}

} // namespace

Result<Bytes> seal(const CoupleKey& key, const SealedHeader& header,
                   std::span<const std::uint8_t> payload) {
    if (!sodiumReady()) return Problem{ProblemKind::SystemFailure, {}, "libsodium could not start"};
    const std::size_t padded =
        (payload.size() / sealedPaddingBlock + 1) * sealedPaddingBlock; // ISO/IEC 7816-4 adds >= 1
    if (padded + sealedTagSize + sealedHeaderSize > sealedMaxFileSize)
        return Problem{ProblemKind::WriteFailed, {}, "the payload is larger than a file may be"};

    Bytes plain(padded);
    std::copy(payload.begin(), payload.end(), plain.begin());
    std::size_t paddedLength = 0;
    if (sodium_pad(&paddedLength, plain.data(), payload.size(), sealedPaddingBlock, plain.size()) !=
            0 ||
        paddedLength != padded)
        return Problem{ProblemKind::SystemFailure, {}, "padding failed"};

    Bytes out(sealedHeaderSize + padded + sealedTagSize);
    std::copy(magic.begin(), magic.end(), out.begin());
    putLittleEndian(out.data() + versionAt, header.formatVersion, 2);
    out[kindAt] = static_cast<std::uint8_t>(header.kind);
    out[reservedAt] = 0;
    std::copy(header.couple.bytes().begin(), header.couple.bytes().end(), out.begin() + coupleAt);
    std::copy(header.device.bytes().begin(), header.device.bytes().end(), out.begin() + deviceAt);
    putLittleEndian(out.data() + sequenceAt, header.sequence, 8);
    putLittleEndian(out.data() + sizeAt, padded + sealedTagSize, 8);
    randombytes_buf(out.data() + nonceAt, nonceSize);

    unsigned long long cipherLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out.data() + sealedHeaderSize, &cipherLength, plain.data(), plain.size(), out.data(),
        sealedHeaderSize, nullptr, out.data() + nonceAt, key.bytes().data());
    sodium_memzero(plain.data(), plain.size());
    return out;
}

Result<SealedHeader> peekHeader(std::span<const std::uint8_t> sealed,
                                const std::filesystem::path& file) {
    const std::size_t size = sealed.size();
    const std::size_t magicSeen = std::min(size, magic.size());
    if (!std::equal(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(magicSeen),
                    magic.begin()))
        return problemFor(ProblemKind::Damaged, file, "not a sealed Kindling file");
    if (size < versionAt + 2)
        return problemFor(ProblemKind::Truncated, file,
                          std::to_string(size) + " bytes, shorter than any header");
    SealedHeader header;
    header.formatVersion =
        static_cast<std::uint16_t>(getLittleEndian(sealed.data() + versionAt, 2));
    if (header.formatVersion == 0)
        return problemFor(ProblemKind::Damaged, file, "format version 0");
    if (header.formatVersion > sealedFormatVersion)
        return problemFor(ProblemKind::NewerFormat, file,
                          "format " + std::to_string(header.formatVersion) +
                              "; this Kindling reads format " +
                              std::to_string(sealedFormatVersion));
    if (size < sealedHeaderSize)
        return problemFor(ProblemKind::Truncated, file,
                          std::to_string(size) + " bytes, shorter than its header");
    if (!knownKind(sealed[kindAt]) || sealed[reservedAt] != 0)
        return problemFor(ProblemKind::Damaged, file, "an unknown kind of file");
    header.kind = static_cast<FileKind>(sealed[kindAt]);
    CoupleId::Bytes couple{};
    DeviceId::Bytes device{};
    std::copy_n(sealed.begin() + coupleAt, couple.size(), couple.begin());
    std::copy_n(sealed.begin() + deviceAt, device.size(), device.begin());
    header.couple = CoupleId(couple);
    header.device = DeviceId(device);
    header.sequence = getLittleEndian(sealed.data() + sequenceAt, 8);
    header.sealedSize = getLittleEndian(sealed.data() + sizeAt, 8);

    const std::uint64_t minimum = sealedPaddingBlock + sealedTagSize;
    if (header.sealedSize < minimum ||
        (header.sealedSize - sealedTagSize) % sealedPaddingBlock != 0 ||
        header.sealedSize > sealedMaxFileSize - sealedHeaderSize)
        return problemFor(ProblemKind::Damaged, file, "its header gives an impossible size");
    const std::uint64_t body = size - sealedHeaderSize;
    if (body < header.sealedSize)
        return problemFor(ProblemKind::Truncated, file,
                          std::to_string(size) + " of " +
                              std::to_string(header.sealedSize + sealedHeaderSize) + " bytes");
    if (body > header.sealedSize)
        return problemFor(ProblemKind::Damaged, file,
                          std::to_string(body - header.sealedSize) +
                              " bytes more than its header says");
    return header;
}

Result<Bytes> unseal(const CoupleKey& key, std::span<const std::uint8_t> sealed,
                     const ExpectedSeal& expected, const std::filesystem::path& file) {
    if (!sodiumReady())
        return Problem{ProblemKind::SystemFailure, file, "libsodium could not start"};
    auto peeked = peekHeader(sealed, file);
    if (!peeked) return peeked.problem();
    const SealedHeader& header = peeked.value();

    Bytes plain(header.sealedSize - sealedTagSize);
    unsigned long long plainLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &plainLength, nullptr, sealed.data() + sealedHeaderSize,
            header.sealedSize, sealed.data(), sealedHeaderSize, sealed.data() + nonceAt,
            key.bytes().data()) != 0)
        return problemFor(ProblemKind::Unauthenticated, file, "");
    std::size_t payloadLength = 0;
    if (sodium_unpad(&payloadLength, plain.data(), plain.size(), sealedPaddingBlock) != 0) {
        sodium_memzero(plain.data(), plain.size());
        return problemFor(ProblemKind::Damaged, file, "its padding is wrong");
    }
    plain.resize(payloadLength);

    // Authentic: now it must also be where it belongs.
    std::string misplaced;
    if (header.couple != expected.couple)
        misplaced = "sealed for couple " + header.couple.text();
    else if (expected.device && header.device != *expected.device)
        misplaced = "sealed by device " + header.device.text();
    else if (header.kind != expected.kind)
        misplaced = "sealed as " + kindWords(header.kind);
    else if (header.sequence != expected.sequence)
        misplaced = "sealed as number " + std::to_string(header.sequence);
    if (!misplaced.empty()) {
        sodium_memzero(plain.data(), plain.size());
        return problemFor(ProblemKind::Misplaced, file, misplaced);
    }
    return plain;
}

} // namespace kindling::sync
