// The merge of two computers' versions of a row (core/row_version.hpp): its
// algebra, checked on random versions, and the rules docs/sync.md states.
#include "core/row_version.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace kindling;

namespace {

Hlc stamp(std::int64_t wall, std::uint32_t counter, const std::string& device) {
    return Hlc{wall, counter, device};
}

RowVersion<Log> randomVersion(std::mt19937& rng) {
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    RowVersion<Log> version;
    version.row.id = "0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b";
    version.row.ritualId = "1b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b";
    version.row.day = Day{std::chrono::days{20000 + pick(5)}};
    version.row.who = static_cast<Who>(pick(3));
    version.row.note = "note " + std::to_string(pick(4));
    if (pick(2)) version.row.amount = pick(10);
    version.row.loggedAt = pick(3);
    const std::string devices[] = {"aa", "bb", "cc"};
    for (std::size_t i = 0; i < entityOf<Log>().fields.size(); ++i)
        version.clocks.push_back(
            stamp(pick(4), static_cast<std::uint32_t>(pick(2)), devices[pick(3)]));
    version.removed = pick(3) == 0;
    version.removedClock = stamp(pick(5), 0, devices[pick(3)]);
    return version;
}

} // namespace

TEST_CASE("row versions: merging is idempotent, commutative and associative") {
    std::mt19937 rng(7);
    for (int round = 0; round < 5000; ++round) {
        const auto a = randomVersion(rng), b = randomVersion(rng), c = randomVersion(rng);
        CHECK(merged(a, a) == a);
        CHECK(merged(a, b) == merged(b, a));
        CHECK(merged(merged(a, b), c) == merged(a, merged(b, c)));
        CHECK(merged(merged(a, b), b) == merged(a, b));
    }
}

TEST_CASE("row versions: each field from the later stamp, removal by its own stamp") {
    RowVersion<Log> mine;
    mine.row.id = "0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b";
    mine.row.note = "mine";
    mine.row.day = Day{std::chrono::days{20000}};
    mine.clocks.assign(entityOf<Log>().fields.size(), stamp(10, 0, "aa"));
    RowVersion<Log> theirs = mine;
    theirs.row.note = "theirs";
    theirs.row.day = Day{std::chrono::days{20001}};
    // Their note is later, their day is earlier.
    const auto& fields = entityOf<Log>().fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == "note") theirs.clocks[i] = stamp(11, 0, "bb");
        if (fields[i].name == "day") theirs.clocks[i] = stamp(9, 0, "bb");
    }
    const auto result = merged(mine, theirs);
    CHECK(result.row.note == "theirs");
    CHECK(result.row.day == Day{std::chrono::days{20000}});
    CHECK(result.live());

    // Removed after every edit: removed. An edit after the removal: back.
    RowVersion<Log> removed = mine;
    removed.removed = true;
    removed.removedClock = stamp(12, 0, "aa");
    CHECK_FALSE(merged(result, removed).live());
    RowVersion<Log> later = theirs;
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == "note") later.clocks[i] = stamp(13, 0, "bb");
    CHECK(merged(merged(result, removed), later).live());
}

TEST_CASE("row versions: a change made here stamps only the fields it changes") {
    Log log;
    log.id = "0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b";
    log.note = "first";
    const Hlc one = stamp(1, 0, "aa"), two = stamp(2, 0, "aa");
    const auto added = stamped<Log>(std::nullopt, log, one);
    for (const Hlc& clock : added.clocks)
        CHECK(clock == one);
    Log edited = log;
    edited.note = "second";
    const auto changed = stamped<Log>(added, edited, two);
    const auto& fields = entityOf<Log>().fields;
    for (std::size_t i = 0; i < fields.size(); ++i)
        CHECK(changed.clocks[i] == (fields[i].name == "note" ? two : one));
    const auto gone = stamped<Log>(changed, std::nullopt, stamp(3, 0, "aa"));
    CHECK_FALSE(gone.live());
}

TEST_CASE("clocks: the stamp never runs backwards, whatever the wall clock says") {
    const Hlc seen = stamp(5'000, 3, "bb");
    const Hlc next = nextStamp(seen, 1'000, "aa"); // our wall clock is behind
    CHECK(next > seen);
    CHECK(next.device == "aa");
    const Hlc later = nextStamp(next, 9'000, "aa");
    CHECK(later.wallMs == 9'000);
    CHECK(later > next);
    CHECK(Hlc::parse(later.text()) == later);
    CHECK_FALSE(Hlc::parse("garbage"));
    const std::string text = encodeClocks({later, next}, true, seen);
    const auto decoded = decodeClocks(text, 2);
    REQUIRE(decoded);
    CHECK(decoded->clocks == std::vector<Hlc>{later, next});
    CHECK(decoded->removed);
    CHECK(decoded->removedClock == seen);
    CHECK_FALSE(decodeClocks(text, 1)); // more clocks than the row has fields
    // A field added after the clocks were written was never set: its clock is
    // zero, so the first value of it that arrives wins.
    const auto widened = decodeClocks(text, 3);
    REQUIRE(widened);
    CHECK(widened->clocks == std::vector<Hlc>{later, next, Hlc{}});
    CHECK_FALSE(decodeClocks("garbage|+", 2));
}
