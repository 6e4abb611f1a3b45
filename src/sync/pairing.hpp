#pragma once
// The couple's id, each computer's id, the pairing code and the couple key.
//
// What the pairing code is: 120 random bits made on the first computer (the
// pairing secret), written as 24 characters of Crockford's base32 plus one
// check character, in five groups of five: `K7QM9-XTR4B-2HC8D-WNE6F-PZ3GV`.
// Crockford's alphabet has no I, L, O or U, and reading accepts lower case and
// I/L for 1, O for 0, with or without the dashes, so what is read aloud or
// copied by hand comes out the same. The check character (Luhn mod 32) catches
// every single mistyped character and most swapped neighbours, so a typo is
// told apart from a code that belongs to another couple (CodeMistyped, not
// WrongCode).
//
// The couple key (32 bytes, what seals every file) is Argon2id(secret, salt =
// the couple id's 16 bytes). It is derived, never stored in the folder; the
// data file keeps the secret (to show the code again) and may keep the key.
//
// Why the code and the folder can sit side by side in a cloud account: the
// folder holds only the couple id (a random salt, not a secret) and sealed
// files; without the code nothing in it can be opened. Guessing the code means
// trying 2^120 secrets, each costing one Argon2id run of 64 MiB; the
// stretching is a second wall, the 120 random bits are the first (a KDF
// without stretching would already be out of reach). The salt makes one
// code's key useless for any other couple. The code must still never be
// written into the folder itself, or next to it in the same cloud account:
// it is the one thing that opens the journals.

#include "sync/problem.hpp"

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kindling::sync {

// Makes libsodium ready; every function below calls it. Returns false only
// when the system offers no randomness.
bool sodiumReady();

// 16 random bytes shown as a lowercase 8-4-4-4-12 version 4 UUID. A tag keeps
// a couple id from being passed where a device id belongs.
template <class Tag> class Id {
  public:
    static constexpr std::size_t size = 16;
    using Bytes = std::array<std::uint8_t, size>;

    Id() = default; // all zeros: no couple, no device
    explicit Id(const Bytes& bytes) : bytes_(bytes) {}

    static Id random();
    // Only the canonical lowercase form, so one id has one folder name.
    static std::optional<Id> parse(std::string_view text);

    std::string text() const;
    const Bytes& bytes() const noexcept { return bytes_; }
    bool isNil() const noexcept { return bytes_ == Bytes{}; }

    friend auto operator<=>(const Id&, const Id&) = default;

  private:
    Bytes bytes_{};
};

struct CoupleTag;
struct DeviceTag;
using CoupleId = Id<CoupleTag>;
using DeviceId = Id<DeviceTag>;

extern template class Id<CoupleTag>;
extern template class Id<DeviceTag>;

// The 120 bits behind a pairing code.
class PairingSecret {
  public:
    static constexpr std::size_t size = 15;
    using Bytes = std::array<std::uint8_t, size>;

    static PairingSecret random();
    static PairingSecret fromBytes(const Bytes& bytes) { return PairingSecret(bytes); }
    // Reads a typed code. On failure the problem is CodeMistyped, with a
    // detail saying what is off (length, a character, the check).
    static Result<PairingSecret> fromCode(std::string_view typed);

    // The code to show: five groups of five, upper case, dash-separated.
    std::string code() const;
    const Bytes& bytes() const noexcept { return bytes_; }

    PairingSecret(const PairingSecret&) = default;
    PairingSecret& operator=(const PairingSecret&) = default;
    ~PairingSecret();
    friend bool operator==(const PairingSecret&, const PairingSecret&) = default;

  private:
    explicit PairingSecret(const Bytes& bytes) : bytes_(bytes) {}
    Bytes bytes_{};
};

// The key that seals every file of one couple. Wiped from memory when
// destroyed.
class CoupleKey {
  public:
    static constexpr std::size_t size = 32;
    using Bytes = std::array<std::uint8_t, size>;

    // Argon2id with fixed costs (3 passes, 64 MiB; about 0.2 s here): part of
    // the format, since other costs give another key. SystemFailure when the
    // memory cannot be had.
    static Result<CoupleKey> derive(const PairingSecret& secret, const CoupleId& couple);
    // A key kept by the data file.
    static CoupleKey fromBytes(const Bytes& bytes) { return CoupleKey(bytes); }

    const Bytes& bytes() const noexcept { return bytes_; }

    CoupleKey(const CoupleKey&) = default;
    CoupleKey& operator=(const CoupleKey&) = default;
    ~CoupleKey();
    friend bool operator==(const CoupleKey&, const CoupleKey&) = default;

  private:
    explicit CoupleKey(const Bytes& bytes) : bytes_(bytes) {}
    Bytes bytes_{};
};

// The Argon2id costs above, exposed for docs/sync.md and the tests.
inline constexpr unsigned long long coupleKeyOpsLimit = 3;
inline constexpr std::size_t coupleKeyMemLimit = 64u * 1024u * 1024u;

} // namespace kindling::sync
