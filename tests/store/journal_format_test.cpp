// What a sync payload holds (store/journal_format.hpp, docs/sync.md): read
// back as written, and a payload of format 1, from a Kindling before the
// programme's steps and kept XP, still read.
#include "store/journal_format.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <regex>

using namespace kindling;
using namespace kindling::test;

namespace {

const std::string device = "0b6f3a5e-2c1d-4e8f-9a7b-3c2d1e0f4a5b";

Hlc at(std::int64_t ms) {
    return Hlc{ms, 0, device};
}

std::string replacedAll(const std::string& text, const std::string& pattern,
                        const std::string& with) {
    const std::string out = std::regex_replace(text, std::regex(pattern), with);
    REQUIRE(out != text);
    return out;
}

} // namespace

TEST_CASE("journal: rows, clocks and the gentle rows read back as written") {
    SyncedRows rows;
    Ritual talk = sampleRitual("Talking it through");
    talk.whenItHelps = true;
    const std::size_t fields = entityOf<Ritual>().fields.size();
    std::vector<Hlc> clocks(fields, at(1'000));
    clocks.back() = at(2'000);
    rows.of<Ritual>().push_back({talk, clocks, false, {}});
    rows.of<ProgrammeStep>().push_back(
        {{newUuid(), 1, ProgrammeStepKind::Join, Who::Partner2, true, 1, day(2026, 3, 2)},
         std::vector<Hlc>(entityOf<ProgrammeStep>().fields.size(), at(3'000)),
         false,
         {}});
    rows.of<KeptXp>().push_back({{newUuid(), day(2026, 3, 3), 25},
                                 std::vector<Hlc>(entityOf<KeptXp>().fields.size(), at(4'000)),
                                 false,
                                 {}});
    const SyncedRows back = decodeJournal(encodeJournal(rows, device));
    CHECK(back.of<Ritual>() == rows.of<Ritual>());
    CHECK(back.of<ProgrammeStep>() == rows.of<ProgrammeStep>());
    CHECK(back.of<KeptXp>() == rows.of<KeptXp>());
}

TEST_CASE("journal: a format 1 payload reads with no steps, nothing kept, rituals on schedule") {
    SyncedRows rows;
    const Ritual walk = sampleRitual("A walk");
    const std::size_t fields = entityOf<Ritual>().fields.size();
    std::vector<Hlc> clocks(fields, at(1'000));
    clocks.back() = at(2'000); // when_it_helps, the field format 1 lacks
    rows.of<Ritual>().push_back({walk, clocks, false, {}});
    std::string old = encodeJournal(rows, device);
    old = replacedAll(old, "\"format_version\":\\s*2", "\"format_version\": 1");
    old = replacedAll(old, ",\\s*\"when_it_helps\":\\s*false", "");
    old = replacedAll(old, ",\\s*\"programme_steps\":\\s*\\[\\s*\\]", "");
    old = replacedAll(old, ",\\s*\"kept_xp\":\\s*\\[\\s*\\]", "");
    old = replacedAll(old, "," + at(2'000).text(), ""); // one clock per field it had

    const SyncedRows back = decodeJournal(old);
    REQUIRE(back.of<Ritual>().size() == 1);
    const RowVersion<Ritual>& version = back.of<Ritual>().front();
    CHECK(version.row == walk);
    CHECK_FALSE(version.row.whenItHelps);
    REQUIRE(version.clocks.size() == fields);
    CHECK(version.clocks.front() == at(1'000));
    CHECK(version.clocks.back().isZero()); // never set: the first value that arrives wins
    CHECK(back.of<ProgrammeStep>().empty());
    CHECK(back.of<KeptXp>().empty());

    // A payload of format 2 must hold its lists: one without is damaged.
    const std::string cut =
        replacedAll(encodeJournal(rows, device), ",\\s*\"kept_xp\":\\s*\\[\\s*\\]", "");
    try {
        (void)decodeJournal(cut);
        FAIL("a format 2 payload without kept_xp was read");
    } catch (const JournalError& error) {
        CHECK_FALSE(error.newer());
        CHECK_THAT(error.what(), Catch::Contains("kept_xp"));
    }
}
