#include "sync/pairing.hpp"
#include "sync_test_support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace kindling::sync;

namespace {

constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::string withoutDashes(const std::string& code) {
    std::string out;
    for (const char c : code)
        if (c != '-') out += c;
    return out;
}

} // namespace

TEST_CASE("ids are random version 4 UUIDs with one spelling") {
    const CoupleId a = CoupleId::random();
    const CoupleId b = CoupleId::random();
    CHECK(a != b);
    const std::string text = a.text();
    REQUIRE(text.size() == 36);
    CHECK(text[14] == '4');
    CHECK(std::string("89ab").find(text[19]) != std::string::npos);
    REQUIRE(CoupleId::parse(text).has_value());
    CHECK(*CoupleId::parse(text) == a);

    std::string upper = text;
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper != text) CHECK_FALSE(CoupleId::parse(upper).has_value());
    CHECK_FALSE(CoupleId::parse(text.substr(1)).has_value());
    CHECK_FALSE(CoupleId::parse(text + "0").has_value());
    CHECK_FALSE(CoupleId::parse("0123456789abcdef0123456789abcdef0123").has_value());
    CHECK_FALSE(DeviceId::parse("g0000000-0000-4000-8000-000000000000").has_value());
    CHECK(DeviceId().isNil());
    CHECK_FALSE(DeviceId::random().isNil());
}

TEST_CASE("a pairing code is 25 characters in five groups, and reads back to its secret") {
    for (int round = 0; round < 200; ++round) {
        const PairingSecret secret = PairingSecret::random();
        const std::string code = secret.code();
        REQUIRE(code.size() == 29);
        for (std::size_t i = 0; i < code.size(); ++i) {
            if (i % 6 == 5)
                CHECK(code[i] == '-');
            else
                CHECK(alphabet.find(code[i]) != std::string_view::npos);
        }
        auto read = PairingSecret::fromCode(code);
        REQUIRE(read.ok());
        CHECK(read.value() == secret);
    }
    CHECK(PairingSecret::random().code() != PairingSecret::random().code());
}

TEST_CASE("a code reads the same typed in lower case, without dashes, or with I, L and O") {
    // All zeros: the data characters are all '0', so O/o stand in for them.
    const PairingSecret zeros = PairingSecret::fromBytes({});
    const std::string code = zeros.code();
    REQUIRE(code.substr(0, 5) == "00000");
    std::string typed = withoutDashes(code);
    for (std::size_t i = 0; i < 24; i += 2)
        typed[i] = 'o';
    auto read = PairingSecret::fromCode(" " + typed + "\n");
    REQUIRE(read.ok());
    CHECK(read.value() == zeros);

    PairingSecret::Bytes ones{};
    ones[0] = 0x08; // the first character's value is 1
    const std::string oneCode = PairingSecret::fromBytes(ones).code();
    REQUIRE(oneCode[0] == '1');
    for (const char stand : {'I', 'i', 'L', 'l'}) {
        std::string variant = oneCode;
        variant[0] = stand;
        auto again = PairingSecret::fromCode(variant);
        REQUIRE(again.ok());
        CHECK(again.value() == PairingSecret::fromBytes(ones));
    }
    std::string lower = PairingSecret::random().code();
    const auto original = PairingSecret::fromCode(lower);
    for (auto& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto fromLower = PairingSecret::fromCode(lower);
    REQUIRE(fromLower.ok());
    CHECK(fromLower.value() == original.value());
}

TEST_CASE("every single mistyped character is told as a typo") {
    for (int round = 0; round < 20; ++round) {
        const std::string code = withoutDashes(PairingSecret::random().code());
        for (std::size_t at = 0; at < code.size(); ++at)
            for (const char other : alphabet) {
                if (other == code[at]) continue;
                std::string typo = code;
                typo[at] = other;
                auto read = PairingSecret::fromCode(typo);
                INFO(code << " -> " << typo);
                REQUIRE_FALSE(read.ok());
                CHECK(read.problem().kind == ProblemKind::CodeMistyped);
                CHECK(read.problem().detail == "the check character does not match");
            }
    }
}

TEST_CASE("swapped neighbours are nearly always told as a typo") {
    int swaps = 0;
    int caught = 0;
    for (int round = 0; round < 200; ++round) {
        const std::string code = withoutDashes(PairingSecret::random().code());
        for (std::size_t at = 0; at + 1 < code.size(); ++at) {
            if (code[at] == code[at + 1]) continue;
            std::string swapped = code;
            std::swap(swapped[at], swapped[at + 1]);
            ++swaps;
            if (!PairingSecret::fromCode(swapped).ok()) ++caught;
        }
    }
    // Luhn mod 32 misses only the swaps of a few value pairs (such as 0 and 31).
    CHECK(caught > swaps * 97 / 100);
}

TEST_CASE("a code too short, too long or with a letter codes never use says what is off") {
    const std::string code = PairingSecret::random().code();
    auto shorter = PairingSecret::fromCode(code.substr(0, code.size() - 1));
    REQUIRE_FALSE(shorter.ok());
    CHECK(shorter.problem().kind == ProblemKind::CodeMistyped);
    CHECK(shorter.problem().detail == "24 characters where a code has 25");

    auto longer = PairingSecret::fromCode(code + "7");
    REQUIRE_FALSE(longer.ok());
    CHECK(longer.problem().detail == "26 characters where a code has 25");

    std::string withU = code;
    withU[2] = 'U';
    auto badLetter = PairingSecret::fromCode(withU);
    REQUIRE_FALSE(badLetter.ok());
    CHECK(badLetter.problem().kind == ProblemKind::CodeMistyped);
    CHECK(badLetter.problem().detail == "'U' is not used in pairing codes");

    auto empty = PairingSecret::fromCode("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.problem().kind == ProblemKind::CodeMistyped);
    CHECK_FALSE(empty.problem().message().empty());
}

TEST_CASE("the couple key comes from the code and the couple id, and from nothing else") {
    const PairingSecret secret = PairingSecret::random();
    const CoupleId couple = CoupleId::random();
    auto key = CoupleKey::derive(secret, couple);
    REQUIRE(key.ok());
    // The second computer has only the typed code.
    auto again = CoupleKey::derive(PairingSecret::fromCode(secret.code()).value(), couple);
    REQUIRE(again.ok());
    CHECK(again.value() == key.value());

    auto otherCouple = CoupleKey::derive(secret, CoupleId::random());
    REQUIRE(otherCouple.ok());
    CHECK_FALSE(otherCouple.value() == key.value());

    auto otherSecret = CoupleKey::derive(PairingSecret::random(), couple);
    REQUIRE(otherSecret.ok());
    CHECK_FALSE(otherSecret.value() == key.value());
}

TEST_CASE("the couple key is Argon2id with the costs the format fixes") {
    // A known answer: the same secret and couple must give these bytes on
    // every machine and every later Kindling, or old folders stop opening.
    PairingSecret::Bytes secretBytes{};
    for (std::size_t i = 0; i < secretBytes.size(); ++i)
        secretBytes[i] = static_cast<std::uint8_t>(i + 1);
    const CoupleId couple = *CoupleId::parse("00112233-4455-4677-8899-aabbccddeeff");
    auto key = CoupleKey::derive(PairingSecret::fromBytes(secretBytes), couple);
    REQUIRE(key.ok());

    // Computed once with libsodium's crypto_pwhash(ARGON2ID13, 3 passes, 64 MiB).
    const std::string expected = "cb7ae0c85dc12ac6f989c203796e10dffe09602fa8631e814798f5cdcbe36911";
    char hex[2 * CoupleKey::size + 1] = {};
    sodium_bin2hex(hex, sizeof hex, key.value().bytes().data(), key.value().bytes().size());
    CHECK(std::string(hex) == expected);
    CHECK(coupleKeyOpsLimit == 3);
    CHECK(coupleKeyMemLimit == 64u * 1024u * 1024u);
}
