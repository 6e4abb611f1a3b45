#include "sync/pairing.hpp"

#include <sodium.h>

namespace kindling::sync {

namespace {

constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t codeDataCharacters = 24; // 24 x 5 bits = the secret's 120 bits
constexpr std::size_t codeGroup = 5;

// The value of one typed character, or -1 when it is not in codes.
int crockfordValue(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    const auto at = crockford.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Luhn mod N (N = 32) over the values from the right, the check character
// excluded: the value that makes the full sum a multiple of 32.
int luhnCheck(const std::array<int, codeDataCharacters>& values) {
    constexpr int n = 32;
    int factor = 2;
    int sum = 0;
    for (std::size_t i = values.size(); i-- > 0;) {
        int addend = factor * values[i];
        factor = factor == 2 ? 1 : 2;
        addend = addend / n + addend % n;
        sum += addend;
    }
    return (n - sum % n) % n;
}

} // namespace

bool sodiumReady() {
    // Safe to call more than once, and from several threads.
    return sodium_init() >= 0;
}

template <class Tag> Id<Tag> Id<Tag>::random() {
    Bytes bytes{};
    // randombytes_buf works (and aborts rather than return weak bytes) even
    // if sodium_init failed.
    sodiumReady();
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0Fu) | 0x40u); // version 4
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3Fu) | 0x80u); // RFC 4122 variant
    return Id(bytes);
}

template <class Tag> std::optional<Id<Tag>> Id<Tag>::parse(std::string_view text) {
    if (text.size() != 36) return std::nullopt;
    Bytes bytes{};
    std::size_t at = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return std::nullopt;
            continue;
        }
        int nibble;
        if (c >= '0' && c <= '9')
            nibble = c - '0';
        else if (c >= 'a' && c <= 'f')
            nibble = c - 'a' + 10;
        else
            return std::nullopt;
        bytes[at / 2] =
            static_cast<std::uint8_t>(bytes[at / 2] | (at % 2 == 0 ? nibble << 4 : nibble));
        ++at;
    }
    return Id(bytes);
}

template <class Tag> std::string Id<Tag>::text() const {
    constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[bytes_[i] >> 4];
        out += hex[bytes_[i] & 0x0Fu];
    }
    return out;
}

template class Id<CoupleTag>;
template class Id<DeviceTag>;

PairingSecret PairingSecret::random() {
    Bytes bytes{};
    sodiumReady();
    randombytes_buf(bytes.data(), bytes.size());
    return PairingSecret(bytes);
}

PairingSecret::~PairingSecret() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

std::string PairingSecret::code() const {
    std::array<int, codeDataCharacters> values{};
    // Big-endian: the first character holds the first byte's top five bits.
    for (std::size_t i = 0; i < codeDataCharacters; ++i) {
        int value = 0;
        for (std::size_t bit = i * 5; bit < i * 5 + 5; ++bit)
            value = (value << 1) | ((bytes_[bit / 8] >> (7 - bit % 8)) & 1);
        values[i] = value;
    }
    std::string characters;
    for (const int value : values)
        characters += crockford[static_cast<std::size_t>(value)];
    characters += crockford[static_cast<std::size_t>(luhnCheck(values))];
    std::string code;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        if (i > 0 && i % codeGroup == 0) code += '-';
        code += characters[i];
    }
    return code;
}

Result<PairingSecret> PairingSecret::fromCode(std::string_view typed) {
    std::string characters;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = typed[i];
        if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (crockfordValue(c) < 0) {
            const bool printable = c > ' ' && c < 127;
            return Problem{ProblemKind::CodeMistyped,
                           {},
                           printable
                               ? std::string("'") + c + "' is not used in pairing codes"
                               : std::string("a character that is not used in pairing codes")};
        }
        characters += c;
    }
    constexpr std::size_t expected = codeDataCharacters + 1;
    if (characters.size() != expected)
        return Problem{ProblemKind::CodeMistyped,
                       {},
                       std::to_string(characters.size()) + " characters where a code has " +
                           std::to_string(expected)};
    std::array<int, codeDataCharacters> values{};
    for (std::size_t i = 0; i < codeDataCharacters; ++i)
        values[i] = crockfordValue(characters[i]);
    if (luhnCheck(values) != crockfordValue(characters.back()))
        return Problem{ProblemKind::CodeMistyped, {}, "the check character does not match"};
    Bytes bytes{};
    for (std::size_t i = 0; i < codeDataCharacters; ++i)
        for (std::size_t b = 0; b < 5; ++b) {
            const std::size_t bit = i * 5 + b;
            if ((values[i] >> (4 - b)) & 1)
                bytes[bit / 8] = static_cast<std::uint8_t>(bytes[bit / 8] | (1u << (7 - bit % 8)));
        }
    return PairingSecret(bytes);
}

Result<CoupleKey> CoupleKey::derive(const PairingSecret& secret, const CoupleId& couple) {
    static_assert(CoupleId::size == crypto_pwhash_SALTBYTES);
    static_assert(CoupleKey::size == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (!sodiumReady()) return Problem{ProblemKind::SystemFailure, {}, "libsodium could not start"};
    Bytes key{};
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(secret.bytes().data()),
                      secret.bytes().size(), couple.bytes().data(), coupleKeyOpsLimit,
                      coupleKeyMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Problem{ProblemKind::SystemFailure, {}, "not enough memory to derive the key"};
    CoupleKey result(key);
    sodium_memzero(key.data(), key.size());
    return result;
}

CoupleKey::~CoupleKey() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

} // namespace kindling::sync
