#include "core/scoring.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <initializer_list>

using namespace kindling;

namespace {

Day on(const char* text) {
    return *parseDay(text);
}

// Offsets from a Monday, so weekday schedules are easy to read.
const Day monday = on("2026-03-02");
Day at(int offset) {
    return monday + days{offset};
}

SeriesInput booleanSeries(Frequency frequency, std::initializer_list<int> loggedOffsets,
                          std::initializer_list<int> skippedOffsets = {}) {
    SeriesInput input;
    input.frequency = frequency;
    for (const int offset : loggedOffsets)
        input.logged.emplace_back(at(offset), 1.0);
    for (const int offset : skippedOffsets)
        input.skipped.push_back(at(offset));
    return input;
}

SeriesInput measuredSeries(Frequency frequency, MeasureKind kind, double target,
                           std::initializer_list<std::pair<int, double>> loggedOffsets,
                           std::initializer_list<int> skippedOffsets = {}) {
    SeriesInput input;
    input.frequency = frequency;
    input.measure = Measure{kind, target};
    for (const auto& [offset, amount] : loggedOffsets)
        input.logged.emplace_back(at(offset), amount);
    for (const int offset : skippedOffsets)
        input.skipped.push_back(at(offset));
    return input;
}

SeriesInput dailyRun(int firstOffset, int lastOffset) {
    SeriesInput input;
    for (int offset = firstOffset; offset <= lastOffset; ++offset) {
        input.logged.emplace_back(at(offset), 1.0);
    }
    return input;
}

const double daily = strengthMultiplier(Frequency{1, 1});
const double weekly = strengthMultiplier(Frequency{1, 7});

Approx near(double value) {
    return Approx(value).margin(1e-6);
}

bool sameStreak(const Streak& streak, Day start, Day end, int length) {
    return streak.start == start && streak.end == end && streak.length == length;
}

} // namespace

TEST_CASE("multipliers match the worked numbers of docs/scoring.md §2") {
    CHECK(strengthMultiplier(Frequency{1, 1}) == near(0.948078));
    CHECK(strengthMultiplier(Frequency{3, 7}) == near(0.965697));
    CHECK(strengthMultiplier(Frequency{1, 7}) == near(0.980049));
    CHECK(strengthMultiplier(Frequency{1, 30}) == near(0.990313));
    // Half-life 13 days for a daily ritual.
    CHECK(std::pow(daily, 13.0) == near(0.5));
}

TEST_CASE("N per N is daily, and impossible frequencies are clamped") {
    CHECK(normalizedFrequency(Frequency{7, 7}).times == 1);
    CHECK(normalizedFrequency(Frequency{7, 7}).perDays == 1);
    CHECK(normalizedFrequency(Frequency{30, 30}).perDays == 1);
    CHECK(normalizedFrequency(Frequency{3, 7}).times == 3);
    CHECK(normalizedFrequency(Frequency{3, 7}).perDays == 7);
    CHECK(normalizedFrequency(Frequency{0, 0}).perDays == 1);
    CHECK(normalizedFrequency(Frequency{5, 3}).perDays == 1);
    CHECK(frequencyRatio(Frequency{3, 7}) == near(3.0 / 7.0));
    CHECK(strengthMultiplier(Frequency{7, 7}) == near(0.948078));

    // 7 per 7 gets single-day windows like a daily ritual: day 1 stays unkept.
    const SeriesResult result = computeSeries(booleanSeries(Frequency{7, 7}, {0, 2}), at(2));
    CHECK(result.stateOn(at(1)) == DayState::None);
    // s0 = 1-m; day 1 missed: (1-m)m; day 2: (1-m)m^2 + (1-m).
    CHECK(result.strength() == near((1 - daily) * daily * daily + (1 - daily)));
}

TEST_CASE("twenty daily logs give the worked strengths") {
    const SeriesInput input = dailyRun(0, 19);
    CHECK(computeSeries(input, at(19)).strength() == near(0.655747));
    CHECK(computeSeries(input, at(18)).strength() == near(0.636894));

    // Full days from zero follow the closed form 1 - m^n.
    const SeriesResult result = computeSeries(input, at(19));
    REQUIRE(result.strengths.size() == 20);
    for (int n = 1; n <= 20; ++n) {
        CHECK(result.strengthOn(at(n - 1)) == near(1.0 - std::pow(daily, n)));
    }
}

TEST_CASE("strength decays by the multiplier on each missed day") {
    const SeriesResult result = computeSeries(dailyRun(0, 9), at(14));
    REQUIRE(result.strengths.size() == 15);
    CHECK(result.strength() == near((1.0 - std::pow(daily, 10)) * std::pow(daily, 5)));
}

TEST_CASE("no entries: no strength, no streaks") {
    const SeriesResult empty = computeSeries(SeriesInput{}, at(0));
    CHECK_FALSE(empty.firstDay);
    CHECK(empty.strengths.empty());
    CHECK(empty.states.empty());
    CHECK(empty.streaks.empty());
    CHECK(empty.strength() == 0.0);
    CHECK_FALSE(currentStreak(empty));

    // Entries after asOf have not happened yet.
    const SeriesResult onlyFuture = computeSeries(booleanSeries(Frequency{1, 1}, {5}, {4}), at(3));
    CHECK_FALSE(onlyFuture.firstDay);
    CHECK(onlyFuture.strength() == 0.0);
}

TEST_CASE("strength is 0 before the first entry and the series starts there") {
    const SeriesResult result = computeSeries(booleanSeries(Frequency{1, 1}, {5, 6}), at(8));
    REQUIRE(result.firstDay);
    CHECK(*result.firstDay == at(5));
    CHECK(result.strengths.size() == 4);
    CHECK(result.strengthOn(at(4)) == 0.0);
    CHECK(result.strengthOn(at(-100)) == 0.0);
    CHECK(result.strengthOn(at(5)) == near(1 - daily));

    // A skip can be the first entry: the series starts there, at 0, unchanged.
    const SeriesResult skipFirst = computeSeries(booleanSeries(Frequency{1, 1}, {1}, {0}), at(1));
    REQUIRE(skipFirst.firstDay);
    CHECK(*skipFirst.firstDay == at(0));
    REQUIRE(skipFirst.strengths.size() == 2);
    CHECK(skipFirst.strengths[0] == 0.0);
    CHECK(skipFirst.strengths[1] == near(1 - daily));
}

TEST_CASE("strength on a day does not depend on asOf") {
    // Irregular 3-per-week history; later logs must not leak into earlier days.
    const SeriesInput input = booleanSeries(
        Frequency{3, 7}, {0, 1, 2, 4, 5, 8, 9, 10, 13, 15, 21, 22, 30, 31, 32, 39}, {11, 12, 25});
    const SeriesResult late = computeSeries(input, at(45));
    for (int x = 0; x <= 45; ++x) {
        const SeriesResult early = computeSeries(input, at(x));
        INFO("day " << x);
        CHECK(early.strength() == near(late.strengthOn(at(x))));
    }
    // A measured series too.
    const SeriesInput walk =
        measuredSeries(Frequency{1, 7}, MeasureKind::AtLeast, 60, {{0, 20}, {3, 30}, {9, 45}});
    const SeriesResult walkLate = computeSeries(walk, at(20));
    for (int x = 0; x <= 20; ++x) {
        CHECK(computeSeries(walk, at(x)).strength() == near(walkLate.strengthOn(at(x))));
    }
}

TEST_CASE("skipped days keep strength unchanged and count for streaks") {
    // Logged 0..4, skipped 5 and 6, logged 7.
    const SeriesResult result =
        computeSeries(booleanSeries(Frequency{1, 1}, {0, 1, 2, 3, 4, 7}, {5, 6}), at(7));
    CHECK(result.strengthOn(at(4)) == near(1 - std::pow(daily, 5)));
    CHECK(result.strengthOn(at(5)) == near(1 - std::pow(daily, 5)));
    CHECK(result.strengthOn(at(6)) == near(1 - std::pow(daily, 5)));
    // Day 7's window (W = 1) holds one log, p = 1: the sixth full day.
    CHECK(result.strengthOn(at(7)) == near(1 - std::pow(daily, 6)));

    CHECK(result.stateOn(at(5)) == DayState::Skipped);
    CHECK(result.stateOn(at(6)) == DayState::Skipped);
    CHECK(result.stateOn(at(7)) == DayState::Logged);
    REQUIRE(result.streaks.size() == 1);
    CHECK(sameStreak(result.streaks[0], at(0), at(7), 8));
}

TEST_CASE("a skipped day inside a kept window stays skipped and is not counted as logged") {
    // 3 per week, logs 0, 2, 4, skip 1: one window [0, 6]. Day 1 is skipped,
    // not auto, and adds nothing to R: with W = 14, K = 6 day 4 sees 3 logs.
    const SeriesResult result =
        computeSeries(booleanSeries(Frequency{3, 7}, {0, 2, 4}, {1}), at(6));
    CHECK(result.stateOn(at(1)) == DayState::Skipped);
    CHECK(result.stateOn(at(3)) == DayState::Auto);
    CHECK(result.stateOn(at(5)) == DayState::Auto);
    const double m = strengthMultiplier(Frequency{3, 7});
    // s0 = (1/6)(1-m); s1 = s0 (skip); s2 = s0 m + (2/6)(1-m); s3 = s2 m + (2/6)(1-m);
    // s4 = s3 m + (3/6)(1-m).
    const double s0 = (1.0 / 6.0) * (1 - m);
    const double s2 = s0 * m + (2.0 / 6.0) * (1 - m);
    const double s3 = s2 * m + (2.0 / 6.0) * (1 - m);
    const double s4 = s3 * m + (3.0 / 6.0) * (1 - m);
    CHECK(result.strengthOn(at(1)) == near(s0));
    CHECK(result.strengthOn(at(4)) == near(s4));
}

TEST_CASE("a day both logged and skipped counts as logged") {
    const SeriesResult result = computeSeries(booleanSeries(Frequency{1, 1}, {0, 1}, {1}), at(1));
    CHECK(result.stateOn(at(1)) == DayState::Logged);
    CHECK(result.strength() == near(1 - daily * daily));
}

TEST_CASE("boolean rituals below daily are judged over a doubled window") {
    // Weekly: W = 14, K = 2. One log gives p = 1/2 for 14 days, then 0:
    // s(k) = (1 - m^(k+1)) / 2 for k < 14.
    const SeriesResult result = computeSeries(booleanSeries(Frequency{1, 7}, {0}), at(15));
    CHECK(result.strengthOn(at(0)) == near(0.5 * (1 - weekly)));
    CHECK(result.strengthOn(at(6)) == near(0.5 * (1 - std::pow(weekly, 7))));
    CHECK(result.strengthOn(at(13)) == near(0.5 * (1 - std::pow(weekly, 14))));
    CHECK(result.strengthOn(at(14)) == near(0.5 * (1 - std::pow(weekly, 14)) * weekly));
    CHECK(result.strengthOn(at(15)) == near(0.5 * (1 - std::pow(weekly, 14)) * weekly * weekly));

    // Two logs in 14 days reach p = 1.
    const SeriesResult twice = computeSeries(booleanSeries(Frequency{1, 7}, {0, 10}), at(10));
    // s9 = (1 - m^10) / 2; s10 = s9 m + (1 - m).
    CHECK(twice.strength() == near(0.5 * (1 - std::pow(weekly, 10)) * weekly + (1 - weekly)));
}

TEST_CASE("measured rituals never double the window") {
    // At least 10 per week: one log of 10 fills R for 7 days only (W = 7).
    const SeriesResult result =
        computeSeries(measuredSeries(Frequency{1, 7}, MeasureKind::AtLeast, 10, {{0, 10}}), at(8));
    CHECK(result.strengthOn(at(6)) == near(1 - std::pow(weekly, 7)));
    CHECK(result.strengthOn(at(7)) == near((1 - std::pow(weekly, 7)) * weekly));
    CHECK(result.strengthOn(at(8)) == near((1 - std::pow(weekly, 7)) * weekly * weekly));
}

TEST_CASE("measured at least: partial progress, target 0, amounts on one day add up") {
    // Daily, at least 30: 15 -> p = 1/2; 60 -> p = 1; nothing -> p = 0.
    const SeriesResult result = computeSeries(
        measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30, {{0, 15}, {1, 60}}), at(2));
    const double s0 = 0.5 * (1 - daily);
    const double s1 = s0 * daily + (1 - daily);
    CHECK(result.strengthOn(at(0)) == near(s0));
    CHECK(result.strengthOn(at(1)) == near(s1));
    CHECK(result.strengthOn(at(2)) == near(s1 * daily));

    // T == 0: p = 1 on every day, logged or not.
    const SeriesResult zero =
        computeSeries(measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 0, {{0, 0}}), at(4));
    CHECK(zero.strength() == near(1 - std::pow(daily, 5)));
    // docs/scoring.md §2 worked number: five days from the first log, 0.234017.
    CHECK(zero.strength() == near(0.234017));
    // Every logged day meets a target of 0, so it is kept for streaks.
    REQUIRE(zero.streaks.size() == 1);
    CHECK(zero.streaks[0].length == 1);

    // 20 + 15 on the same day is 35 >= 30: p = 1 and the day counts.
    const SeriesResult summed = computeSeries(
        measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30, {{0, 20}, {0, 15}}), at(0));
    CHECK(summed.strength() == near(1 - daily));
    REQUIRE(summed.streaks.size() == 1);
    CHECK(summed.streaks[0].length == 1);
}

TEST_CASE("measured at most starts at 1 and an empty day is a success") {
    // Daily, at most 20.
    // day 0: 10 -> p = clamp(1.5) = 1, s0 = 1 (starting at 1, not 0)
    // day 1: 30 -> p = 1 - 10/20 = 0.5, s1 = m + 0.5(1-m)
    // day 2: nothing = 0 -> p = 1, s2 = s1 m + (1-m)
    // day 3: 50 -> p = clamp(-0.5) = 0, s3 = s2 m
    const SeriesResult result = computeSeries(
        measuredSeries(Frequency{1, 1}, MeasureKind::AtMost, 20, {{0, 10}, {1, 30}, {3, 50}}),
        at(3));
    const double s1 = daily + 0.5 * (1 - daily);
    const double s2 = s1 * daily + (1 - daily);
    CHECK(result.strengthOn(at(0)) == near(1.0));
    CHECK(result.strengthOn(at(1)) == near(s1));
    CHECK(result.strengthOn(at(2)) == near(s2));
    CHECK(result.strengthOn(at(3)) == near(s2 * daily));
    // Before the first entry every day held nothing, a success: still 1.
    CHECK(result.strengthOn(at(-1)) == 1.0);
}

TEST_CASE("an at most ritual with nothing logged yet has full strength (docs/scoring.md §2)") {
    SeriesInput input;
    input.measure = Measure{MeasureKind::AtMost, 20};
    const SeriesResult empty = computeSeries(input, at(0));
    CHECK_FALSE(empty.firstDay);
    CHECK(empty.strength() == 1.0);
    CHECK(empty.strengthOn(at(-50)) == 1.0);
    CHECK(empty.streaks.empty()); // nothing logged never counts for streaks
    // An entry still to come changes nothing yet.
    input.logged.emplace_back(at(3), 50.0);
    CHECK(computeSeries(input, at(2)).strength() == 1.0);
    // Limit 0 and weekly too; an "at least" or boolean series starts at 0.
    input.logged.clear();
    input.measure = Measure{MeasureKind::AtMost, 0};
    input.frequency = Frequency{1, 7};
    CHECK(computeSeries(input, at(0)).strength() == 1.0);
    input.measure = Measure{MeasureKind::AtLeast, 20};
    CHECK(computeSeries(input, at(0)).strength() == 0.0);
    CHECK(computeSeries(SeriesInput{}, at(0)).strength() == 0.0);
    // Only skipped days so far (a pause, say): unchanged at 1.
    input.measure = Measure{MeasureKind::AtMost, 20};
    input.skipped = {at(0), at(1)};
    const SeriesResult skipped = computeSeries(input, at(1));
    REQUIRE(skipped.firstDay);
    CHECK(skipped.strength() == 1.0);
    // Days with nothing logged after a skip are successes: still 1.
    CHECK(computeSeries(input, at(30)).strength() == near(1.0));
}

TEST_CASE("measured at most with a limit of 0") {
    // day 0: 0 -> p = 1, s = 1; day 1: 5 -> p = 0, s = m; day 2: nothing -> p = 1.
    const SeriesResult result = computeSeries(
        measuredSeries(Frequency{1, 1}, MeasureKind::AtMost, 0, {{0, 0}, {1, 5}}), at(2));
    CHECK(result.strengthOn(at(0)) == near(1.0));
    CHECK(result.strengthOn(at(1)) == near(daily));
    CHECK(result.strengthOn(at(2)) == near(daily * daily + (1 - daily)));

    // Weekly, at most 0: 0.1 and 0.2 leave the window on days 7 and 8; R must
    // be exactly 0 again on day 8 (0.1 + 0.2 - 0.1 - 0.2 is not 0 in doubles).
    const SeriesResult rolling = computeSeries(
        measuredSeries(Frequency{1, 7}, MeasureKind::AtMost, 0, {{0, 0.1}, {1, 0.2}}), at(8));
    CHECK(rolling.strengthOn(at(7)) == near(std::pow(weekly, 8)));
    CHECK(rolling.strengthOn(at(8)) == near(std::pow(weekly, 9) + (1 - weekly)));
}

TEST_CASE("skips of a measured ritual keep strength unchanged") {
    const SeriesResult result = computeSeries(
        measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 10, {{0, 10}, {2, 10}}, {1}), at(2));
    CHECK(result.strengthOn(at(1)) == near(1 - daily));
    CHECK(result.strengthOn(at(2)) == near(1 - daily * daily));
    CHECK(result.stateOn(at(1)) == DayState::Skipped);
}

TEST_CASE("3 per week fills the week of a complete run with auto-kept days") {
    // Logs Mon, Wed, Fri: the run (4, 2, 0) spans 4 < 7 days -> window [0, 6].
    const SeriesInput input = booleanSeries(Frequency{3, 7}, {0, 2, 4});
    const SeriesResult result = computeSeries(input, at(8));
    CHECK(result.stateOn(at(0)) == DayState::Logged);
    CHECK(result.stateOn(at(1)) == DayState::Auto);
    CHECK(result.stateOn(at(3)) == DayState::Auto);
    CHECK(result.stateOn(at(5)) == DayState::Auto);
    CHECK(result.stateOn(at(6)) == DayState::Auto);
    CHECK(result.stateOn(at(7)) == DayState::None);
    REQUIRE(result.streaks.size() == 1);
    CHECK(sameStreak(result.streaks[0], at(0), at(6), 7));

    // Two logs are not a run of three; 0, 4, 7 span 7 days, not < 7.
    const SeriesResult two = computeSeries(booleanSeries(Frequency{3, 7}, {0, 2}), at(2));
    CHECK(two.stateOn(at(1)) == DayState::None);
    const SeriesResult spread = computeSeries(booleanSeries(Frequency{3, 7}, {0, 4, 7}), at(7));
    CHECK(spread.stateOn(at(1)) == DayState::None);
    CHECK(spread.stateOn(at(5)) == DayState::None);
}

TEST_CASE("streaks are clipped at asOf when a window reaches into the future") {
    // Window [0, 6] but asOf is day 4: the streak is [0, 4], 5 days.
    const SeriesResult result = computeSeries(booleanSeries(Frequency{3, 7}, {0, 2, 4}), at(4));
    REQUIRE(result.streaks.size() == 1);
    CHECK(sameStreak(result.streaks[0], at(0), at(4), 5));
    CHECK(result.states.size() == 5);
    CHECK(result.stateOn(at(5)) == DayState::None);

    // Weekly log today: window [today, today + 6] -> a 1-day streak.
    const SeriesResult weeklyToday = computeSeries(booleanSeries(Frequency{1, 7}, {0}), at(0));
    REQUIRE(weeklyToday.streaks.size() == 1);
    CHECK(sameStreak(weeklyToday.streaks[0], at(0), at(0), 1));
}

TEST_CASE("weekly windows keep the week after each log") {
    // Logs 0 and 10: windows [10, 16] and [0, 6]; overlap 6 - 10 < 0 leaves a gap.
    const SeriesResult result = computeSeries(booleanSeries(Frequency{1, 7}, {0, 10}), at(12));
    CHECK(result.stateOn(at(6)) == DayState::Auto);
    CHECK(result.stateOn(at(7)) == DayState::None);
    CHECK(result.stateOn(at(9)) == DayState::None);
    CHECK(result.stateOn(at(11)) == DayState::Auto);
    REQUIRE(result.streaks.size() == 2);
    CHECK(sameStreak(result.streaks[0], at(10), at(12), 3));
    CHECK(sameStreak(result.streaks[1], at(0), at(6), 7));
}

TEST_CASE("closing gaps slides older windows back") {
    SECTION("shift limited by overlap + 1") {
        // Weekly, logs 0 and 5: windows [5, 11] and [0, 6]. overlap = 6 - 5 = 1,
        // shift = min(6 - 0, 1 + 1) = 2 -> [-2, 4], reaching before the first log.
        const std::vector<KeptWindow> windows = keptWindows(Frequency{1, 7}, {at(5), at(0)});
        REQUIRE(windows.size() == 2);
        CHECK(windows[0].begin == at(5));
        CHECK(windows[0].end == at(11));
        CHECK(windows[1].begin == at(-2));
        CHECK(windows[1].newest == at(0));
        CHECK(windows[1].end == at(4));

        const SeriesResult result = computeSeries(booleanSeries(Frequency{1, 7}, {0, 5}), at(11));
        CHECK(result.statesFrom == at(-2));
        CHECK(result.stateOn(at(-2)) == DayState::Auto);
        CHECK(result.stateOn(at(-3)) == DayState::None);
        REQUIRE(result.firstDay);
        CHECK(*result.firstDay == at(0));
        REQUIRE(result.streaks.size() == 1);
        CHECK(sameStreak(result.streaks[0], at(-2), at(11), 14));
    }
    SECTION("shift limited by the window's newest log") {
        // 2 per week, logs 9, 8, 3, 0 (newest first). Runs:
        //   (9, 8) -> [8, 14] newest 9; (8, 3) -> [3, 9] newest 8; (3, 0) -> [0, 6] newest 3.
        // [3, 9] vs [8, 14]: overlap 1, shift = min(9 - 8, 2) = 1 -> [2, 8].
        // [0, 6] vs [2, 8]:  overlap 4, shift = min(6 - 3, 5) = 3 -> [-3, 3].
        const std::vector<KeptWindow> windows =
            keptWindows(Frequency{2, 7}, {at(9), at(8), at(3), at(0)});
        REQUIRE(windows.size() == 3);
        CHECK(windows[0].begin == at(8));
        CHECK(windows[0].end == at(14));
        CHECK(windows[1].begin == at(2));
        CHECK(windows[1].end == at(8));
        CHECK(windows[2].begin == at(-3));
        CHECK(windows[2].end == at(3));
        CHECK(windows[2].newest == at(3));
    }
    SECTION("daily windows are single days and never move") {
        const std::vector<KeptWindow> windows = keptWindows(Frequency{1, 1}, {at(3), at(2), at(0)});
        REQUIRE(windows.size() == 3);
        CHECK(windows[1].begin == at(2));
        CHECK(windows[1].end == at(2));
        CHECK(windows[2].begin == at(0));
        CHECK(windows[2].end == at(0));
    }
}

TEST_CASE("per-month frequencies use the calendar month's length") {
    SECTION("the month of the oldest log") {
        // February 2026 has 28 days: [02-10, 03-09].
        const auto windows = keptWindows(Frequency{1, 30}, {on("2026-02-10")});
        REQUIRE(windows.size() == 1);
        CHECK(windows[0].end == on("2026-03-09"));
        // D = 31 behaves the same; January has 31 days: [01-15, 02-14].
        const auto january = keptWindows(Frequency{1, 31}, {on("2026-01-15")});
        REQUIRE(january.size() == 1);
        CHECK(january[0].end == on("2026-02-14"));
    }
    SECTION("the last day of a month takes the next month's length") {
        // 01-31 is the last day of January: L = 28 (February), not 31.
        const auto january = keptWindows(Frequency{1, 30}, {on("2026-01-31")});
        REQUIRE(january.size() == 1);
        CHECK(january[0].end == on("2026-02-27"));
        // 04-30: L = 31 (May), not 30.
        const auto april = keptWindows(Frequency{1, 30}, {on("2026-04-30")});
        REQUIRE(april.size() == 1);
        CHECK(april[0].end == on("2026-05-30"));
    }
    SECTION("the run must fit in that length") {
        // Twice a month. 02-01 .. 02-28: 27 < 28 -> a window.
        CHECK(keptWindows(Frequency{2, 30}, {on("2026-02-28"), on("2026-02-01")}).size() == 1);
        // 02-01 .. 03-01: 28 days apart, not < 28 (it would fit in a flat 30).
        CHECK(keptWindows(Frequency{2, 30}, {on("2026-03-01"), on("2026-02-01")}).empty());
        // 01-31 .. 02-28: 28 apart; L is February's 28 (not January's 31).
        CHECK(keptWindows(Frequency{2, 30}, {on("2026-02-28"), on("2026-01-31")}).empty());
    }
}

TEST_CASE("measured rituals have no auto-kept days") {
    const SeriesResult result = computeSeries(
        measuredSeries(Frequency{3, 7}, MeasureKind::AtLeast, 1, {{0, 1}, {2, 1}, {4, 1}}), at(6));
    CHECK(result.stateOn(at(0)) == DayState::Logged);
    CHECK(result.stateOn(at(1)) == DayState::None);
    CHECK(result.stateOn(at(5)) == DayState::None);
    CHECK(result.streaks.size() == 3);
}

TEST_CASE("measured streaks count days that meet the target") {
    SECTION("at least") {
        // 40, 30 meet 30; 20 does not; 35 does.
        const SeriesResult result =
            computeSeries(measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30,
                                         {{0, 40}, {1, 30}, {2, 20}, {3, 35}}),
                          at(3));
        REQUIRE(result.streaks.size() == 2);
        CHECK(sameStreak(result.streaks[0], at(3), at(3), 1));
        CHECK(sameStreak(result.streaks[1], at(0), at(1), 2));
    }
    SECTION("at most: an empty day never counts") {
        // 10 and 20 are within 20; day 1 has nothing; 25 is over.
        const SeriesResult result = computeSeries(
            measuredSeries(Frequency{1, 1}, MeasureKind::AtMost, 20, {{0, 10}, {2, 20}, {3, 25}}),
            at(3));
        REQUIRE(result.streaks.size() == 2);
        CHECK(sameStreak(result.streaks[0], at(2), at(2), 1));
        CHECK(sameStreak(result.streaks[1], at(0), at(0), 1));
    }
    SECTION("a skip does not break it (docs/scoring.md §3)") {
        const SeriesResult result = computeSeries(
            measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30, {{0, 40}, {2, 30}}, {1}),
            at(2));
        REQUIRE(result.streaks.size() == 1);
        CHECK(sameStreak(result.streaks[0], at(0), at(2), 3));
    }
}

TEST_CASE("a run made only of skipped days is no streak (docs/scoring.md §3)") {
    SECTION("500 skipped days of a measured ritual") {
        SeriesInput input = measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30, {});
        for (int offset = 0; offset < 500; ++offset)
            input.skipped.push_back(at(offset));
        const SeriesResult result = computeSeries(input, at(499));
        CHECK(result.streaks.empty());
        CHECK_FALSE(currentStreak(result));
        // One kept day turns the whole run, skipped days included, into a streak.
        input.logged.emplace_back(at(500), 30.0);
        const SeriesResult kept = computeSeries(input, at(500));
        REQUIRE(kept.streaks.size() == 1);
        CHECK(sameStreak(kept.streaks[0], at(0), at(500), 501));
    }
    SECTION("boolean, and an \"at most\" ritual") {
        CHECK(computeSeries(booleanSeries(Frequency{1, 1}, {}, {0, 1, 2}), at(2)).streaks.empty());
        CHECK(computeSeries(booleanSeries(Frequency{3, 7}, {}, {0, 1, 2}), at(9)).streaks.empty());
        CHECK(computeSeries(measuredSeries(Frequency{1, 1}, MeasureKind::AtMost, 20, {}, {0, 1}),
                            at(1))
                  .streaks.empty());
    }
    SECTION("skipped days on either side of a kept day belong to its streak") {
        // skip 0, 1; log 2; skip 3, 4; nothing 5; skip 6, 7.
        const SeriesResult result =
            computeSeries(booleanSeries(Frequency{1, 1}, {2}, {0, 1, 3, 4, 6, 7}), at(7));
        REQUIRE(result.streaks.size() == 1);
        CHECK(sameStreak(result.streaks[0], at(0), at(4), 5));
        // As of day 7 the run 6-7 is only skipped: no current streak.
        CHECK_FALSE(currentStreak(result));
        // As of day 4 (a skip) the streak 0-4 is current.
        const auto current =
            currentStreak(computeSeries(booleanSeries(Frequency{1, 1}, {2}, {0, 1, 3, 4}), at(4)));
        REQUIRE(current);
        CHECK(current->length == 5);
    }
    SECTION("a measured day that misses its target breaks the run") {
        // skip 0; 10 (below 30) on day 1; skip 2: two runs of skips, no streak.
        CHECK(
            computeSeries(
                measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30, {{1, 10}}, {0, 2}), at(2))
                .streaks.empty());
    }
    SECTION("a weekday ritual's days off alone are no streak") {
        // Mondays only; logged on the first Monday, then two Mondays missed.
        SeriesInput input = booleanSeries(Frequency{1, 1}, {0});
        input.weekdays = Weekdays{true, false, false, false, false, false, false};
        const SeriesResult result = computeSeries(input, at(20));
        // Days 0-6 (the log and its days off); 8-13 and 15-20 are days off only.
        REQUIRE(result.streaks.size() == 1);
        CHECK(sameStreak(result.streaks[0], at(0), at(6), 7));
    }
}

TEST_CASE("best streaks: longest first, later end wins ties, shown newest first") {
    const std::vector<Streak> streaks = {
        // newest first, as computeSeries returns them
        {at(48), at(50), 3}, {at(36), at(40), 5}, {at(28), at(30), 3},
        {at(16), at(20), 5}, {at(8), at(10), 3},
    };
    const std::vector<Streak> top3 = bestStreaks(streaks, 3);
    REQUIRE(top3.size() == 3);
    // Both 5s, then the 3 ending latest (day 50) beats those ending 30 and 10.
    CHECK(top3[0].end == at(50));
    CHECK(top3[1].end == at(40));
    CHECK(top3[2].end == at(20));

    const std::vector<Streak> top1 = bestStreaks(streaks, 1);
    REQUIRE(top1.size() == 1);
    CHECK(top1[0].end == at(40));

    CHECK(bestStreaks(streaks, 10).size() == 5);
    CHECK(bestStreaks({}, 3).empty());

    // From a series: runs 0-2 and 5-7 tie at 3, 10-11 has 2.
    const SeriesResult result =
        computeSeries(booleanSeries(Frequency{1, 1}, {0, 1, 2, 5, 6, 7, 10, 11}), at(11));
    const std::vector<Streak> best = bestStreaks(result.streaks, 1);
    REQUIRE(best.size() == 1);
    CHECK(sameStreak(best[0], at(5), at(7), 3));
    const std::vector<Streak> best2 = bestStreaks(result.streaks, 2);
    REQUIRE(best2.size() == 2);
    CHECK(best2[0].end == at(7));
    CHECK(best2[1].end == at(2));
}

TEST_CASE("current streak") {
    SECTION("asOf logged: the streak containing it") {
        const auto current = currentStreak(computeSeries(dailyRun(0, 5), at(5)));
        REQUIRE(current);
        CHECK(sameStreak(*current, at(0), at(5), 6));
    }
    SECTION("asOf empty: yesterday's streak is still current") {
        const SeriesResult result = computeSeries(dailyRun(0, 4), at(5));
        CHECK_FALSE(result.asOfHasEntry);
        const auto current = currentStreak(result);
        REQUIRE(current);
        CHECK(sameStreak(*current, at(0), at(4), 5));
    }
    SECTION("yesterday empty too: no current streak") {
        CHECK_FALSE(currentStreak(computeSeries(dailyRun(0, 4), at(6))));
    }
    SECTION("asOf skipped: counts") {
        const auto current =
            currentStreak(computeSeries(booleanSeries(Frequency{1, 1}, {0, 1}, {2}), at(2)));
        REQUIRE(current);
        CHECK(sameStreak(*current, at(0), at(2), 3));
    }
    SECTION("asOf auto-kept: counts") {
        const auto current =
            currentStreak(computeSeries(booleanSeries(Frequency{3, 7}, {0, 2, 4}), at(5)));
        REQUIRE(current);
        CHECK(sameStreak(*current, at(0), at(5), 6));
    }
    SECTION("asOf has an entry that does not count: no current streak") {
        const SeriesResult result = computeSeries(
            measuredSeries(Frequency{1, 1}, MeasureKind::AtLeast, 30, {{0, 40}, {1, 40}, {2, 10}}),
            at(2));
        CHECK(result.asOfHasEntry);
        CHECK_FALSE(currentStreak(result));
    }
    SECTION("free function") {
        const std::vector<Streak> streaks = {{at(3), at(4), 2}, {at(0), at(1), 2}};
        CHECK(currentStreak(streaks, at(4), true)->start == at(3));
        CHECK(currentStreak(streaks, at(5), false)->start == at(3));
        CHECK_FALSE(currentStreak(streaks, at(5), true));
        CHECK_FALSE(currentStreak(streaks, at(2), true));
        CHECK(currentStreak(streaks, at(2), false)->start == at(0));
    }
}

TEST_CASE("weekday schedules score as daily with off days skipped") {
    // Monday, Wednesday, Friday. The 3/7 frequency is ignored.
    SeriesInput input = booleanSeries(Frequency{3, 7}, {0, 2, 4, 7});
    input.weekdays = Weekdays{true, false, true, false, true, false, false};

    SECTION("off days neither decay nor break the streak") {
        const SeriesResult result = computeSeries(input, at(7));
        CHECK(result.stateOn(at(1)) == DayState::Skipped);
        CHECK(result.stateOn(at(5)) == DayState::Skipped);
        CHECK(result.stateOn(at(6)) == DayState::Skipped);
        // Four logged days, daily multiplier, no decay in between.
        CHECK(result.strengthOn(at(6)) == near(1 - std::pow(daily, 3)));
        CHECK(result.strength() == near(1 - std::pow(daily, 4)));
        REQUIRE(result.streaks.size() == 1);
        CHECK(sameStreak(result.streaks[0], at(0), at(7), 8));
    }
    SECTION("a missed scheduled day decays and breaks the streak") {
        input.logged = {{at(0), 1.0}, {at(4), 1.0}};
        const SeriesResult result = computeSeries(input, at(4));
        CHECK(result.stateOn(at(2)) == DayState::None);
        // s0 = 1-m; Tue kept; Wed missed: (1-m)m; Thu kept; Fri: (1-m)m^2 + (1-m).
        CHECK(result.strength() == near((1 - daily) * daily * daily + (1 - daily)));
        REQUIRE(result.streaks.size() == 2);
        CHECK(sameStreak(result.streaks[0], at(3), at(4), 2));
        CHECK(sameStreak(result.streaks[1], at(0), at(1), 2));
    }
    SECTION("a log on an off day counts as logged") {
        input.logged = {{at(0), 1.0}, {at(1), 1.0}};
        const SeriesResult result = computeSeries(input, at(1));
        CHECK(result.stateOn(at(1)) == DayState::Logged);
        CHECK(result.strength() == near(1 - daily * daily));
    }
    SECTION("off days before the first entry are not filled in") {
        input.logged = {{at(2), 1.0}};
        const SeriesResult result = computeSeries(input, at(3));
        REQUIRE(result.firstDay);
        CHECK(*result.firstDay == at(2));
        CHECK(result.stateOn(at(1)) == DayState::None);
        CHECK(result.stateOn(at(3)) == DayState::Skipped);
    }
    SECTION("the expansion itself") {
        input.logged = {{at(0), 1.0}};
        input.skipped = {at(1), at(2)}; // an explicit skip on an off day and on a scheduled one
        const SeriesInput expanded = expandWeekdaySchedule(input, at(6));
        CHECK_FALSE(expanded.weekdays);
        CHECK(expanded.frequency.times == 1);
        CHECK(expanded.frequency.perDays == 1);
        const std::vector<Day> expected = {at(1), at(2), at(3), at(5), at(6)};
        CHECK(expanded.skipped == expected);
    }
}

TEST_CASE("ten years of a monthly ritual logged daily stays one streak") {
    SeriesInput input;
    input.frequency = Frequency{1, 30};
    for (int offset = 0; offset < 3650; ++offset)
        input.logged.emplace_back(at(offset), 1.0);
    const SeriesResult result = computeSeries(input, at(3649));
    CHECK(result.strengths.size() == 3650);
    // docs/scoring.md §1.3: window k = [k, k + L - 1] meets its newer neighbour, which starts at
    // or before k + 1, so overlap + 1 >= L - 1 and it slides back by
    // end - newest = L - 1 to [k - L + 1, k]. The oldest (day 0, in March: L = 31)
    // becomes [-30, 0]: one streak from day -30 through asOf, 3680 days.
    REQUIRE(result.streaks.size() == 1);
    CHECK(result.statesFrom == at(-30));
    CHECK(sameStreak(result.streaks[0], at(-30), at(3649), 3680));
    // W = 60, K = 2: p = 1/2 on day 0, then 1. 1 - s0 = (1 + m) / 2, and each
    // full day multiplies 1 - s by m: s(n) = 1 - (1 + m) m^n / 2.
    const double m = strengthMultiplier(Frequency{1, 30});
    CHECK(result.strengthOn(at(0)) == near(0.5 * (1 - m)));
    CHECK(result.strengthOn(at(9)) == near(1.0 - 0.5 * (1 + m) * std::pow(m, 9)));
    CHECK(result.strengthOn(at(99)) == near(1.0 - 0.5 * (1 + m) * std::pow(m, 99)));
}
