#include "sync/sealed_file.hpp"
#include "sync_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kindling::sync;
using namespace kindling::sync::test;

namespace {

struct Sealing {
    CoupleKey key = randomKey();
    CoupleId couple = CoupleId::random();
    DeviceId device = DeviceId::random();

    SealedHeader header(FileKind kind = FileKind::Segment, std::uint64_t sequence = 7) const {
        return {sealedFormatVersion, kind, couple, device, sequence, 0};
    }
    ExpectedSeal expected(FileKind kind = FileKind::Segment, std::uint64_t sequence = 7) const {
        return {kind, couple, device, sequence};
    }
    Bytes sealed(std::string_view payload, FileKind kind = FileKind::Segment,
                 std::uint64_t sequence = 7) const {
        auto result = seal(key, header(kind, sequence), bytesOf(payload));
        REQUIRE(result.ok());
        return result.value();
    }
};

const std::string note = "what I appreciated today: the soup you made";

} // namespace

TEST_CASE("a sealed payload opens with the same key and place, and shows nothing in clear") {
    const Sealing s;
    const Bytes file = s.sealed(note);
    auto opened = unseal(s.key, file, s.expected(), "f");
    REQUIRE(opened.ok());
    CHECK(textOf(opened.value()) == note);

    const std::string raw = textOf(file);
    CHECK(raw.find("soup") == std::string::npos);
    CHECK(raw.substr(0, 8) == "KNDLSYNC");
    CHECK(file.size() == sealedHeaderSize + 256 + sealedTagSize);

    // An empty payload and one of exactly a block both work.
    for (std::size_t size : {0u, 255u, 256u, 1000u}) {
        const std::string payload(size, 'x');
        auto again = unseal(s.key, s.sealed(payload), s.expected(), "f");
        REQUIRE(again.ok());
        CHECK(again.value().size() == size);
    }
}

TEST_CASE("sealing twice gives different bytes (a fresh nonce), both open") {
    const Sealing s;
    const Bytes a = s.sealed(note);
    const Bytes b = s.sealed(note);
    CHECK(a != b);
    CHECK(unseal(s.key, a, s.expected(), "a").ok());
    CHECK(unseal(s.key, b, s.expected(), "b").ok());
}

TEST_CASE("the size of a file says little about the size of the note in it") {
    const Sealing s;
    CHECK(s.sealed("a").size() == s.sealed(std::string(200, 'a')).size());
    CHECK(s.sealed(std::string(255, 'a')).size() < s.sealed(std::string(256, 'a')).size());
}

TEST_CASE("one byte flipped anywhere is refused, and nothing of the payload comes out") {
    const Sealing s;
    const Bytes file = s.sealed(note);
    for (std::size_t at = 0; at < file.size(); ++at) {
        for (const int mask : {0x01, 0x80}) {
            Bytes damaged = file;
            damaged[at] = static_cast<std::uint8_t>(damaged[at] ^ mask);
            auto opened = unseal(s.key, damaged, s.expected(), "f");
            INFO("byte " << at << " mask " << int(mask));
            REQUIRE_FALSE(opened.ok());
            const ProblemKind kind = opened.problem().kind;
            // Where the flip lands decides the words: the magic (not ours),
            // the version (newer, or 0), the size (shorter or longer than the
            // file), anything else (the seal).
            if (at < 8)
                CHECK(kind == ProblemKind::Damaged);
            else if (at < 10)
                CHECK((kind == ProblemKind::NewerFormat || kind == ProblemKind::Damaged));
            else if (at == 10 || at == 11)
                CHECK((kind == ProblemKind::Damaged || kind == ProblemKind::Unauthenticated));
            else if (at >= 52 && at < 60)
                CHECK((kind == ProblemKind::Truncated || kind == ProblemKind::Damaged));
            else
                CHECK(kind == ProblemKind::Unauthenticated);
        }
    }
}

TEST_CASE("another key, another couple's key, is refused as unauthenticated") {
    const Sealing s;
    const Bytes file = s.sealed(note);
    auto opened = unseal(randomKey(), file, s.expected(), "f");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problem().kind == ProblemKind::Unauthenticated);
    CHECK(opened.problem().file == "f");
}

TEST_CASE("an authentic file in the wrong place is refused as misplaced") {
    const Sealing s;
    const Bytes file = s.sealed(note);
    {
        ExpectedSeal elsewhere = s.expected();
        elsewhere.device = DeviceId::random();
        auto opened = unseal(s.key, file, elsewhere, "f");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == ProblemKind::Misplaced);
        CHECK(opened.problem().detail == "sealed by device " + s.device.text());
    }
    {
        auto opened = unseal(s.key, file, s.expected(FileKind::Segment, 8), "f");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == ProblemKind::Misplaced);
        CHECK(opened.problem().detail == "sealed as number 7");
    }
    {
        auto opened = unseal(s.key, file, s.expected(FileKind::Snapshot, 7), "f");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == ProblemKind::Misplaced);
        CHECK(opened.problem().detail == "sealed as a segment");
    }
    {
        ExpectedSeal otherCouple = s.expected();
        otherCouple.couple = CoupleId::random();
        auto opened = unseal(s.key, file, otherCouple, "f");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == ProblemKind::Misplaced);
    }
    ExpectedSeal anyDevice = s.expected();
    anyDevice.device = std::nullopt;
    CHECK(unseal(s.key, file, anyDevice, "f").ok());
}

TEST_CASE("a file cut short anywhere is truncated, a longer one damaged") {
    const Sealing s;
    const Bytes file = s.sealed(note);
    for (std::size_t length = 0; length < file.size(); ++length) {
        const Bytes cut(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(length));
        auto opened = unseal(s.key, cut, s.expected(), "f");
        INFO("length " << length);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == ProblemKind::Truncated);
    }
    Bytes longer = file;
    longer.push_back(0);
    auto opened = unseal(s.key, longer, s.expected(), "f");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problem().kind == ProblemKind::Damaged);
    CHECK(opened.problem().detail == "1 bytes more than its header says");
}

TEST_CASE("a file of a newer format is from a newer Kindling, whatever follows its version") {
    const Sealing s;
    SealedHeader newer = s.header();
    newer.formatVersion = sealedFormatVersion + 1;
    auto sealed = seal(s.key, newer, bytesOf(note));
    REQUIRE(sealed.ok());
    auto opened = unseal(s.key, sealed.value(), s.expected(), "f");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.problem().kind == ProblemKind::NewerFormat);
    CHECK(opened.problem().detail == "format 2; this Kindling reads format 1");

    // A newer format may change everything after the version, even its length.
    Bytes future = bytesOf("KNDLSYNC");
    future.push_back(9);
    future.push_back(0);
    for (const char c : std::string("a header we know nothing about"))
        future.push_back(static_cast<std::uint8_t>(c));
    auto fromFuture = unseal(s.key, future, s.expected(), "f");
    REQUIRE_FALSE(fromFuture.ok());
    CHECK(fromFuture.problem().kind == ProblemKind::NewerFormat);
    auto peeked = peekHeader(future, "f");
    REQUIRE_FALSE(peeked.ok());
    CHECK(peeked.problem().kind == ProblemKind::NewerFormat);
}

TEST_CASE("a file that is not ours is damaged, not a newer Kindling") {
    const Sealing s;
    for (const std::string& text : {std::string("{\"rituals\": []}"), std::string(400, '\0'),
                                    std::string("KNDLSYN!") + std::string(300, 'x')}) {
        auto opened = unseal(s.key, bytesOf(text), s.expected(), "f");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.problem().kind == ProblemKind::Damaged);
        CHECK(opened.problem().detail == "not a sealed Kindling file");
    }
}

TEST_CASE("the header can be read without the key") {
    const Sealing s;
    const Bytes file = s.sealed(note, FileKind::Snapshot, 42);
    auto header = peekHeader(file, "f");
    REQUIRE(header.ok());
    CHECK(header.value().kind == FileKind::Snapshot);
    CHECK(header.value().sequence == 42);
    CHECK(header.value().couple == s.couple);
    CHECK(header.value().device == s.device);
    CHECK(header.value().sealedSize == file.size() - sealedHeaderSize);
}

TEST_CASE("every problem has a default sentence and a stable name") {
    for (int k = 0; k <= static_cast<int>(ProblemKind::SystemFailure); ++k) {
        const auto kind = static_cast<ProblemKind>(k);
        const Problem problem{kind, "/folder/file", "a detail"};
        const std::string message = problem.message();
        INFO(message);
        CHECK(message.find("a detail") != std::string::npos);
        CHECK(message.back() == '.');
        CHECK(problemKindName(kind) != "unknown");
        CHECK(problemKindName(kind).find(' ') == std::string_view::npos);
    }
    CHECK(mayResolveByItself(ProblemKind::Truncated));
    CHECK_FALSE(mayResolveByItself(ProblemKind::Unauthenticated));
}
