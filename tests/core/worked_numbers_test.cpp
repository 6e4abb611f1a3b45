// Every worked number and example in docs/scoring.md, one test case per
// section. When a rule changes, the number in the document and the number
// here change together.

#include "core/achievements.hpp"
#include "core/connection_streak.hpp"
#include "core/derived.hpp"
#include "core/goals.hpp"
#include "core/progress.hpp"
#include "core/scoring.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <initializer_list>

using namespace kindling;
using kindling::testing::at;
using kindling::testing::HistoryBuilder;

namespace {

Day on(const char* text) {
    return *parseDay(text);
}

Approx near(double value) {
    return Approx(value).margin(1e-6);
}

SeriesInput boolean(Frequency frequency, std::initializer_list<int> logged,
                    std::initializer_list<int> skipped = {}) {
    SeriesInput input;
    input.frequency = frequency;
    for (const int offset : logged)
        input.logged.emplace_back(at(offset), 1.0);
    for (const int offset : skipped)
        input.skipped.push_back(at(offset));
    return input;
}

SeriesInput measured(MeasureKind kind, double target,
                     std::initializer_list<std::pair<int, double>> logged,
                     std::initializer_list<int> skipped = {}) {
    SeriesInput input;
    input.measure = Measure{kind, target};
    for (const auto& [offset, amount] : logged)
        input.logged.emplace_back(at(offset), amount);
    for (const int offset : skipped)
        input.skipped.push_back(at(offset));
    return input;
}

bool isStreak(const Streak& streak, Day start, Day end, int length) {
    return streak.start == start && streak.end == end && streak.length == length;
}

std::vector<Day> dayRange(int first, int last) {
    std::vector<Day> list;
    for (int offset = first; offset <= last; ++offset)
        list.push_back(at(offset));
    return list;
}

} // namespace

TEST_CASE("docs/scoring.md §0: logical days and frequencies") {
    // A hug at 00:30 on 22 November, the day starting at 04:00.
    CHECK(logicalDay(2026, 11, 22, 0, 4) == on("2026-11-21"));
    CHECK(logicalDay(2026, 11, 22, 4, 4) == on("2026-11-22"));
    // 7 per 7 is daily; impossible values are clamped.
    CHECK(normalizedFrequency(Frequency{7, 7}).perDays == 1);
    CHECK(normalizedFrequency(Frequency{0, 0}).perDays == 1);
    CHECK(normalizedFrequency(Frequency{9, 4}).times == 1);
    CHECK(normalizedFrequency(Frequency{9, 4}).perDays == 1);
    CHECK(frequencyRatio(Frequency{3, 7}) == near(3.0 / 7.0));
}

TEST_CASE("docs/scoring.md §1: kept days") {
    // Day 0 of the fixtures is Monday 2 March 2026.
    REQUIRE(at(0) == on("2026-03-02"));

    // 3 per week, Monday, Wednesday and Friday: the whole week is kept.
    const SeriesResult week = computeSeries(boolean(Frequency{3, 7}, {0, 2, 4}), at(6));
    for (const int offset : {1, 3, 5, 6})
        CHECK(week.stateOn(at(offset)) == DayState::Auto);
    REQUIRE(week.streaks.size() == 1);
    CHECK(isStreak(week.streaks[0], at(0), at(6), 7));

    // Weekly, Monday 2 and Saturday 7 March: the older window slides to 28 February.
    const std::vector<KeptWindow> windows =
        keptWindows(Frequency{1, 7}, {on("2026-03-07"), on("2026-03-02")});
    REQUIRE(windows.size() == 2);
    CHECK(windows[0].begin == on("2026-03-07"));
    CHECK(windows[0].end == on("2026-03-13"));
    CHECK(windows[1].begin == on("2026-02-28"));
    CHECK(windows[1].end == on("2026-03-06"));
    const SeriesResult weekly = computeSeries(boolean(Frequency{1, 7}, {0, 5}), on("2026-03-13"));
    REQUIRE(weekly.streaks.size() == 1);
    CHECK(isStreak(weekly.streaks[0], on("2026-02-28"), on("2026-03-13"), 14));

    // Once a month: 10 February to 9 March; from 31 January, February's 28 days.
    const auto february = keptWindows(Frequency{1, 30}, {on("2026-02-10")});
    REQUIRE(february.size() == 1);
    CHECK(february[0].end == on("2026-03-09"));
    const auto january = keptWindows(Frequency{1, 30}, {on("2026-01-31")});
    REQUIRE(january.size() == 1);
    CHECK(january[0].end == on("2026-02-27"));
}

TEST_CASE("docs/scoring.md §2: strength") {
    CHECK(strengthMultiplier(Frequency{1, 1}) == near(0.948078));
    CHECK(strengthMultiplier(Frequency{3, 7}) == near(0.965697));
    CHECK(strengthMultiplier(Frequency{1, 7}) == near(0.980049));
    CHECK(strengthMultiplier(Frequency{1, 30}) == near(0.990313));

    SeriesInput twenty;
    for (int offset = 0; offset < 20; ++offset)
        twenty.logged.emplace_back(at(offset), 1.0);
    CHECK(computeSeries(twenty, at(19)).strength() == near(0.655747));
    CHECK(computeSeries(twenty, at(18)).strength() == near(0.636894));

    // Weekly, one log: p = 1/2 for 14 days (days 0-13), then 0.
    const SeriesResult weekly = computeSeries(boolean(Frequency{1, 7}, {0}), at(14));
    CHECK(weekly.strengthOn(at(13)) == near(0.122915));
    CHECK(weekly.strengthOn(at(14)) == near(0.120463));

    CHECK(computeSeries(measured(MeasureKind::AtLeast, 30, {{0, 15}}), at(0)).strength() ==
          near(0.025961));

    const SeriesResult limit =
        computeSeries(measured(MeasureKind::AtMost, 20, {{0, 10}, {1, 30}, {3, 50}}), at(3));
    CHECK(limit.strengthOn(at(0)) == near(1.0));
    CHECK(limit.strengthOn(at(1)) == near(0.974039));
    CHECK(limit.strengthOn(at(2)) == near(0.975387));
    CHECK(limit.strengthOn(at(3)) == near(0.924742));

    CHECK(computeSeries(measured(MeasureKind::AtLeast, 0, {{0, 0}}), at(4)).strength() ==
          near(0.234017));

    const SeriesResult skipped =
        computeSeries(boolean(Frequency{1, 1}, {0, 1, 2, 3, 4, 7}, {5, 6}), at(7));
    CHECK(skipped.strengthOn(at(4)) == near(0.234017));
    CHECK(skipped.strengthOn(at(5)) == skipped.strengthOn(at(4)));
    CHECK(skipped.strengthOn(at(6)) == skipped.strengthOn(at(4)));
    CHECK(skipped.strengthOn(at(7)) == near(0.273789));

    CHECK(computeSeries(measured(MeasureKind::AtMost, 20, {}), at(0)).strength() == 1.0);
}

TEST_CASE("docs/scoring.md §3: streaks") {
    const SeriesResult bridged =
        computeSeries(boolean(Frequency{1, 1}, {0, 1, 2, 3, 4, 7}, {5, 6}), at(7));
    REQUIRE(bridged.streaks.size() == 1);
    CHECK(bridged.streaks[0].length == 8);

    SeriesInput skips = measured(MeasureKind::AtLeast, 30, {});
    for (int offset = 0; offset < 500; ++offset)
        skips.skipped.push_back(at(offset));
    CHECK(computeSeries(skips, at(499)).streaks.empty());
    skips.logged.emplace_back(at(500), 30.0);
    const SeriesResult after = computeSeries(skips, at(500));
    REQUIRE(after.streaks.size() == 1);
    CHECK(after.streaks[0].length == 501);

    const SeriesResult walks = computeSeries(
        measured(MeasureKind::AtLeast, 30, {{0, 40}, {1, 30}, {2, 20}, {3, 35}}), at(3));
    REQUIRE(walks.streaks.size() == 2);
    CHECK(isStreak(walks.streaks[0], at(3), at(3), 1));
    CHECK(isStreak(walks.streaks[1], at(0), at(1), 2));

    const SeriesInput fiveDays = boolean(Frequency{1, 1}, {0, 1, 2, 3, 4});
    const auto open = currentStreak(computeSeries(fiveDays, at(5)));
    REQUIRE(open);
    CHECK(isStreak(*open, at(0), at(4), 5));
    CHECK_FALSE(currentStreak(computeSeries(fiveDays, at(6))));

    SeriesInput mondays = boolean(Frequency{1, 1}, {0});
    mondays.weekdays = Weekdays{true, false, false, false, false, false, false};
    const SeriesResult monday = computeSeries(mondays, at(27));
    REQUIRE(monday.streaks.size() == 1);
    CHECK(isStreak(monday.streaks[0], at(0), at(6), 7));
}

TEST_CASE("docs/scoring.md §4: the connection streak and freezes") {
    std::vector<Day> logged = dayRange(0, 6);
    logged.push_back(at(8));
    const ConnectionStreak frozen = computeConnectionStreak(logged, {}, at(8));
    REQUIRE(frozen.current);
    CHECK(frozen.current->start == at(0));
    CHECK(frozen.current->length == 9);
    CHECK(frozen.frozenDays == std::vector<Day>{at(7)});
    CHECK(frozen.freezesBanked == 0);

    logged.push_back(at(10));
    const ConnectionStreak broken = computeConnectionStreak(logged, {}, at(10));
    REQUIRE(broken.current);
    CHECK(broken.current->start == at(10));
    CHECK(broken.current->length == 1);
    REQUIRE(broken.best);
    CHECK(broken.best->start == at(0));
    CHECK(broken.best->length == 9);

    const ConnectionStreak two = computeConnectionStreak(dayRange(0, 13), {}, at(13));
    CHECK(two.freezesBanked == 2);
    std::vector<Day> withGap = dayRange(0, 13);
    withGap.push_back(at(16));
    const ConnectionStreak bridged = computeConnectionStreak(withGap, {}, at(16));
    REQUIRE(bridged.current);
    CHECK(bridged.current->length == 17);
    CHECK(bridged.frozenDays == std::vector<Day>{at(14), at(15)});
    CHECK(bridged.freezesBanked == 0);

    const ConnectionStreak paused =
        computeConnectionStreak({at(0)}, {PauseSpan{at(1), at(10)}}, at(10));
    REQUIRE(paused.current);
    CHECK(paused.current->length == 11);
    CHECK(paused.freezesBanked == 1); // the starter, still banked

    const ConnectionStreak today = computeConnectionStreak(dayRange(0, 4), {}, at(5));
    REQUIRE(today.current);
    CHECK(today.current->length == 5);
    CHECK(today.frozenDays.empty());
    CHECK(today.freezesBanked == 1);

    // A quiet day 3 in the first week: the starter covers it.
    const ConnectionStreak firstWeek =
        computeConnectionStreak({at(0), at(1), at(2), at(4)}, {}, at(4));
    REQUIRE(firstWeek.current);
    CHECK(firstWeek.current->start == at(0));
    CHECK(firstWeek.current->length == 5);
    CHECK(firstWeek.frozenDays == std::vector<Day>{at(3)});
    CHECK(firstWeek.freezesBanked == 0);

    const ConnectionStreak none = computeConnectionStreak({}, {}, at(5));
    CHECK_FALSE(none.current);
    CHECK(none.freezesBanked == 1);
}

TEST_CASE("docs/scoring.md §3.7: a ritual never due") {
    SeriesInput input;
    input.neverDue = true;
    for (int day : {0, 1, 2, 3, 10})
        input.logged.emplace_back(at(day), 1.0);
    const SeriesResult result = computeSeries(input, at(30));
    CHECK(result.streaks.empty());
    CHECK(result.strengthOn(at(3)) == Approx(0.192067).margin(1e-6));
    CHECK(result.strengthOn(at(9)) == Approx(0.192067).margin(1e-6));
    CHECK(result.strengthOn(at(10)) == Approx(0.234017).margin(1e-6));
    CHECK(result.strengthOn(at(30)) == Approx(0.234017).margin(1e-6));
}

TEST_CASE("docs/scoring.md §5: the couple's strength") {
    HistoryBuilder b;
    b.ritual("walk", RitualMode::Together).ritual("phones", RitualMode::Together);
    b.history.rituals[0].measure = Measure{MeasureKind::AtLeast, 0};
    b.history.rituals[1].measure = Measure{MeasureKind::AtMost, 20};
    b.log("walk", 0, Who::Both);
    b.history.logs.back().amount = 0.0;
    const DerivedState derived = deriveAll(b.history, at(1));
    CHECK(derived.rituals.at("walk").couple.strength() == near(0.101149));
    CHECK(derived.rituals.at("phones").couple.strength() == 1.0);
    CHECK(derived.coupleStrength == near(0.550575));
}

TEST_CASE("docs/scoring.md §6: XP and levels") {
    std::ifstream in(KINDLING_SOURCE_DIR "/assets/levels.json", std::ios::binary);
    REQUIRE(in.is_open());
    const std::vector<Level> levels = parseLevels(in);

    HistoryBuilder b;
    b.ritual("coffee", RitualMode::Together).logDays("coffee", 0, 6, Who::Both);
    const DerivedState derived = deriveAll(b.history, at(6));
    const XpLedger xp = computeXp(b.history, derived.connection.runs, {}, at(6));
    CHECK(xp.breakdown.total() == 225);
    const LevelStatus level = levelFor(xp.breakdown.total(), levels);
    CHECK(level.number == 2);
    CHECK(level.name == "Ember");
    CHECK(level.xpIntoLevel == 125);
    CHECK(level.xpForNextLevel == 250);

    HistoryBuilder each;
    each.ritual("thanks", RitualMode::Each)
        .log("thanks", 0, Who::Partner1)
        .log("thanks", 0, Who::Partner2);
    const DerivedState eachDerived = deriveAll(each.history, at(0));
    CHECK(computeXp(each.history, eachDerived.connection.runs, {}, at(0)).breakdown.total() == 30);
}

TEST_CASE("docs/scoring.md §7: shared goals") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).logDays("thanks", 0, 6, Who::Both);
    b.goal("week", GoalPeriod::Week, 14, 2, 0, GoalScope::Ritual, "thanks");
    const std::vector<GoalProgress> progress = computeGoalProgress(b.history, at(6));
    REQUIRE(progress.size() == 1);
    CHECK(progress[0].start == at(0));
    CHECK(progress[0].progress == 14);
    CHECK(progress[0].completed);
    REQUIRE(progress[0].completedOn);
    CHECK(*progress[0].completedOn == at(6)); // Sunday
}

TEST_CASE("docs/scoring.md §8: a break and a welcome back") {
    HistoryBuilder b;
    b.ritual("coffee", RitualMode::Together).log("coffee", 0).log("coffee", 10);
    CHECK(welcomeBackDays(b.history, at(10)) == std::vector<Day>{at(10)});
    b.pause(3, 8);
    CHECK(welcomeBackDays(b.history, at(10)).empty());
}
