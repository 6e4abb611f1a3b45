#include "core/connection_streak.hpp"

#include <catch2/catch.hpp>
#include <initializer_list>

using namespace kindling;

namespace {

const Day base = *parseDay("2026-03-02");
Day at(int offset) {
    return base + days{offset};
}

std::vector<Day> loggedOn(std::initializer_list<int> offsets) {
    std::vector<Day> result;
    for (const int offset : offsets)
        result.push_back(at(offset));
    return result;
}

std::vector<Day> loggedRange(int first, int last) {
    std::vector<Day> result;
    for (int offset = first; offset <= last; ++offset)
        result.push_back(at(offset));
    return result;
}

std::vector<Day> concat(std::vector<Day> a, const std::vector<Day>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

PauseSpan pause(int first, int last) {
    return PauseSpan{at(first), at(last)};
}

bool sameRun(const std::optional<ConnectionRun>& run, int start, int end) {
    return run && run->start == at(start) && run->end == at(end) && run->length == end - start + 1;
}

// A couple past their first run, which alone starts with a freeze (the safety
// net, docs/scoring.md §4.3): one log on day -20, the starter covering day
// -19, day -18 ending it. What the test logs from day 0 is then counted as
// any later run; the first run and its frozen day are left out of the result.
ConnectionStreak later(std::vector<Day> logs, const std::vector<PauseSpan>& pauses, Day asOf) {
    logs.insert(logs.begin(), at(-20));
    ConnectionStreak result = computeConnectionStreak(logs, pauses, asOf);
    REQUIRE_FALSE(result.runs.empty());
    REQUIRE(sameRun(result.runs.front(), -20, -19));
    result.runs.erase(result.runs.begin());
    std::erase(result.frozenDays, at(-19));
    return result;
}

} // namespace

TEST_CASE("connection streak: nothing logged") {
    const ConnectionStreak result = computeConnectionStreak({}, {pause(0, 3)}, at(3));
    CHECK_FALSE(result.current);
    CHECK_FALSE(result.best);
    CHECK(result.freezesBanked == starterFreezes); // waiting for the first log
    CHECK(result.frozenDays.empty());
    // Logs after asOf have not happened yet.
    CHECK_FALSE(computeConnectionStreak(loggedOn({5}), {}, at(3)).current);
}

TEST_CASE("connection streak: consecutive logged days") {
    const ConnectionStreak result = computeConnectionStreak(loggedRange(0, 4), {}, at(4));
    CHECK(sameRun(result.current, 0, 4));
    CHECK(sameRun(result.best, 0, 4));
    CHECK(result.freezesBanked == starterFreezes); // the first run's starter, unused

    // Repeated days (several rituals on one day) count once.
    CHECK(sameRun(computeConnectionStreak(loggedOn({0, 0, 1, 1, 2}), {}, at(2)).current, 0, 2));
    // Later logs are ignored.
    CHECK(sameRun(computeConnectionStreak(loggedRange(0, 10), {}, at(3)).current, 0, 3));
}

TEST_CASE("connection streak: today is still open") {
    // 7 logged days bank a freeze; an empty asOf neither breaks nor uses it.
    const ConnectionStreak result = later(loggedRange(0, 6), {}, at(7));
    CHECK(sameRun(result.current, 0, 6));
    CHECK(result.freezesBanked == 1);
    CHECK(result.frozenDays.empty());

    // With nothing banked, an empty asOf still keeps yesterday's streak.
    CHECK(sameRun(later(loggedRange(0, 3), {}, at(4)).current, 0, 3));
}

TEST_CASE("connection streak: one freeze per 7 logged days, at most 2 banked") {
    CHECK(later(loggedRange(0, 5), {}, at(5)).freezesBanked == 0);
    CHECK(later(loggedRange(0, 6), {}, at(6)).freezesBanked == 1);
    CHECK(later(loggedRange(0, 12), {}, at(12)).freezesBanked == 1);
    CHECK(later(loggedRange(0, 13), {}, at(13)).freezesBanked == 2);
    CHECK(later(loggedRange(0, 20), {}, at(20)).freezesBanked == 2);
    CHECK(later(loggedRange(0, 100), {}, at(100)).freezesBanked == 2);
}

TEST_CASE("connection streak: a banked freeze covers a missed day") {
    // 0..6 logged (1 banked), 7 missed, 8 logged.
    const ConnectionStreak result = later(concat(loggedRange(0, 6), loggedOn({8})), {}, at(8));
    CHECK(sameRun(result.current, 0, 8));
    CHECK(result.freezesBanked == 0);
    REQUIRE(result.frozenDays.size() == 1);
    CHECK(result.frozenDays[0] == at(7));

    // The frozen day keeps the streak alive while asOf is still open.
    const ConnectionStreak open = later(loggedRange(0, 6), {}, at(8));
    CHECK(sameRun(open.current, 0, 7));
    CHECK(open.frozenDays == loggedOn({7}));
}

TEST_CASE("connection streak: two banked freezes cover two missed days") {
    // 0..13 logged (2 banked), 14 and 15 missed, 16 logged.
    const ConnectionStreak result = later(concat(loggedRange(0, 13), loggedOn({16})), {}, at(16));
    CHECK(sameRun(result.current, 0, 16));
    CHECK(result.frozenDays == loggedOn({14, 15}));
    CHECK(result.freezesBanked == 0);
}

TEST_CASE("connection streak: with no freeze a missed day breaks it") {
    const ConnectionStreak result = later(concat(loggedRange(0, 5), loggedOn({7})), {}, at(7));
    CHECK(sameRun(result.current, 7, 7));
    CHECK(sameRun(result.best, 0, 5));
    CHECK(result.frozenDays.empty());

    // One freeze, two missed days: day 7 is frozen, day 8 breaks the streak.
    const ConnectionStreak twoMissed = later(concat(loggedRange(0, 6), loggedOn({9})), {}, at(9));
    CHECK(sameRun(twoMissed.current, 9, 9));
    CHECK(sameRun(twoMissed.best, 0, 7));
    CHECK(twoMissed.frozenDays == loggedOn({7}));
    CHECK(twoMissed.freezesBanked == 0);
}

TEST_CASE("connection streak: a new streak earns from zero") {
    // 6 logged, a break, 6 logged: 12 logged days but no run of 7.
    const auto logs = concat(loggedRange(0, 5), loggedRange(7, 12));
    CHECK(later(logs, {}, at(12)).freezesBanked == 0);
    const ConnectionStreak result = later(concat(logs, loggedOn({13})), {}, at(13));
    CHECK(result.freezesBanked == 1);
    CHECK(sameRun(result.current, 7, 13));
}

TEST_CASE("connection streak: paused days keep it alive and count toward its length") {
    const ConnectionStreak result =
        later(concat(loggedRange(0, 2), loggedOn({6})), {pause(3, 5)}, at(6));
    CHECK(sameRun(result.current, 0, 6));
    CHECK(result.frozenDays.empty());

    // A pause reaching asOf keeps the streak current through asOf.
    CHECK(sameRun(later(loggedRange(0, 2), {pause(3, 10)}, at(5)).current, 0, 5));

    // Pauses may come unsorted and overlapping.
    CHECK(sameRun(
        later(loggedOn({0, 1, 7}), {pause(5, 6), pause(2, 4), pause(3, 5)}, at(7)).current, 0, 7));
}

TEST_CASE("connection streak: paused days earn no freezes and use none") {
    // Logged 0..3, paused 4..10, logged 11..12: 13 days long, 6 logged.
    const auto logs = concat(loggedRange(0, 3), loggedOn({11, 12}));
    const ConnectionStreak result = later(logs, {pause(4, 10)}, at(12));
    CHECK(sameRun(result.current, 0, 12));
    CHECK(result.freezesBanked == 0);
    // The seventh logged day earns it.
    CHECK(later(concat(logs, loggedOn({13})), {pause(4, 10)}, at(13)).freezesBanked == 1);

    // A pause after a freeze was banked leaves the freeze in the bank.
    const ConnectionStreak banked =
        later(concat(loggedRange(0, 6), loggedOn({9})), {pause(7, 8)}, at(9));
    CHECK(banked.freezesBanked == 1);
    CHECK(banked.frozenDays.empty());
    CHECK(sameRun(banked.current, 0, 9));
}

TEST_CASE("connection streak: pauses before the first log keep nothing alive") {
    const ConnectionStreak result = computeConnectionStreak(loggedOn({0}), {pause(-5, -1)}, at(0));
    CHECK(sameRun(result.current, 0, 0));

    // After a break, paused days count again like any counting day.
    const ConnectionStreak afterBreak = later(loggedOn({0, 4}), {pause(2, 3)}, at(4));
    CHECK(sameRun(afterBreak.current, 2, 4));
    CHECK(sameRun(afterBreak.best, 2, 4));
}

TEST_CASE("connection streak: best streak, ties go to the later one") {
    // Runs 0-2, 4-6 (both 3 days), 8-9.
    const ConnectionStreak result = later(loggedOn({0, 1, 2, 4, 5, 6, 8, 9}), {}, at(9));
    CHECK(sameRun(result.best, 4, 6));
    CHECK(sameRun(result.current, 8, 9));

    // An older longer run stays the best.
    const ConnectionStreak older = later(loggedOn({0, 1, 2, 3, 5, 6}), {}, at(6));
    CHECK(sameRun(older.best, 0, 3));
    CHECK(sameRun(older.current, 5, 6));
}

TEST_CASE("connection streak: every run, oldest first, clipped at asOf") {
    // Runs 0-2, 4-6 (a tie with the first), then 8-9 still current.
    const ConnectionStreak result = later(loggedOn({0, 1, 2, 4, 5, 6, 8, 9, 10, 11}), {}, at(9));
    REQUIRE(result.runs.size() == 3);
    CHECK(sameRun(result.runs[0], 0, 2));
    CHECK(sameRun(result.runs[1], 4, 6));
    CHECK(sameRun(result.runs[2], 8, 9)); // logs on 10 and 11 come after asOf
    CHECK(sameRun(result.current, 8, 9));

    // A frozen day and a pause join what would be three runs into one.
    const ConnectionStreak joined =
        later(concat(concat(loggedRange(0, 6), loggedRange(8, 9)), loggedOn({13})), {pause(10, 12)},
              at(13));
    REQUIRE(joined.runs.size() == 1);
    CHECK(sameRun(joined.runs[0], 0, 13));

    // A run that ended before asOf and no current one: the broken run is listed.
    const ConnectionStreak ended = later(loggedRange(0, 2), {}, at(10));
    REQUIRE(ended.runs.size() == 1);
    CHECK(sameRun(ended.runs[0], 0, 2));
    CHECK_FALSE(ended.current);

    CHECK(computeConnectionStreak({}, {}, at(3)).runs.empty());
}

// docs/scoring.md §4.3: a new couple's safety net.
TEST_CASE("connection streak: a new couple starts with one freeze banked") {
    // Before the first log, the starter freeze is already waiting.
    CHECK(computeConnectionStreak({}, {}, at(0)).freezesBanked == starterFreezes);
    CHECK(starterFreezes == 1);

    // A quiet day in the first week does not end the streak.
    const ConnectionStreak firstWeek = computeConnectionStreak(loggedOn({0, 1, 2, 4}), {}, at(4));
    CHECK(sameRun(firstWeek.current, 0, 4));
    CHECK(firstWeek.frozenDays == loggedOn({3}));
    CHECK(firstWeek.freezesBanked == 0);
    // Two quiet days in a row are more than one freeze covers.
    const ConnectionStreak twoQuiet = computeConnectionStreak(loggedOn({0, 1, 4}), {}, at(4));
    CHECK(sameRun(twoQuiet.current, 4, 4));
    CHECK(sameRun(twoQuiet.best, 0, 2));
}

TEST_CASE("connection streak: an unused starter freeze is the first week's own freeze") {
    // Unused by the 7th logged day, the starter is that day's freeze: the bank
    // after the first week holds what it would have held without it.
    CHECK(computeConnectionStreak(loggedRange(0, 5), {}, at(5)).freezesBanked == 1);
    CHECK(computeConnectionStreak(loggedRange(0, 6), {}, at(6)).freezesBanked == 1);
    CHECK(computeConnectionStreak(loggedRange(0, 13), {}, at(13)).freezesBanked == 2);
    // Used in the first week, the 7th logged day banks a fresh one.
    const auto logs = concat(loggedRange(0, 2), loggedRange(4, 7));
    CHECK(computeConnectionStreak(logs, {}, at(7)).freezesBanked == 1);
    CHECK(sameRun(computeConnectionStreak(logs, {}, at(7)).current, 0, 7));
}

TEST_CASE("connection streak: only the couple's first run starts with a freeze") {
    // The first run ends (two quiet days); the next earns from zero again.
    const auto logs = concat(loggedOn({0}), loggedOn({3, 4, 6}));
    const ConnectionStreak result = computeConnectionStreak(logs, {}, at(6));
    CHECK(sameRun(result.current, 6, 6));
    CHECK(result.freezesBanked == 0);
}
