#include "core/dashboard.hpp"
#include "core/derived.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace kindling;
using namespace kindling::testing;

namespace {

const std::vector<Level>& testLevels() {
    static const std::vector<Level> levels{
        {1, "Spark", 0, ""}, {2, "Ember", 100, ""}, {3, "Kindling", 300, ""}};
    return levels;
}

DashboardView dashboardOf(const History& history, int asOf, std::string_view ritual = {}) {
    const DerivedState derived = deriveAll(history, at(asOf));
    const ProgressSnapshot progress = computeProgress(history, derived, testLevels(), {});
    return buildDashboard(history, derived, progress, testLevels(), ritual);
}

const HeatmapCell& cellOn(const DashboardView& view, int day) {
    const long index = daysBetween(view.heatmap.firstDay, at(day));
    REQUIRE(index >= 0);
    REQUIRE(index < static_cast<long>(view.heatmap.cells.size()));
    const HeatmapCell& cell = view.heatmap.cells[static_cast<std::size_t>(index)];
    REQUIRE(cell.day == at(day));
    return cell;
}

Ritual& lastRitual(HistoryBuilder& b) {
    return b.history.rituals.back();
}

HistoryBuilder& logAmount(HistoryBuilder& b, const std::string& ritual, int day, double amount) {
    b.log(ritual, day, Who::Both);
    b.history.logs.back().amount = amount;
    return b;
}

// Monday 9 March 2026 (day 7) to Wednesday 11 March (day 9, asOf): a
// together ritual "a" and an `each` ritual "b".
HistoryBuilder coupleWeek() {
    HistoryBuilder b;
    b.ritual("a", RitualMode::Together, Area::Touch);
    b.ritual("b", RitualMode::Each, Area::Appreciation);
    lastRitual(b).position = 1;
    b.log("a", 6, Who::Both); // Sunday, the week before
    b.log("a", 7, Who::Both).log("b", 7, Who::Partner1).log("b", 7, Who::Partner2);
    b.log("a", 8, Who::Both);
    b.log("b", 9, Who::Partner2);
    return b;
}

} // namespace

TEST_CASE("dashboard: the calendar is 53 weeks of the couple's week ending in asOf's week") {
    HistoryBuilder b = coupleWeek();
    SECTION("weeks start on Monday") {
        const DashboardView view = dashboardOf(b.history, 9);
        CHECK(view.asOf == at(9));
        REQUIRE(view.heatmap.cells.size() == 53 * 7);
        CHECK(view.heatmap.firstDay == *parseDay("2025-03-10"));
        CHECK(view.heatmap.cells.back().day == *parseDay("2026-03-15"));
        CHECK_FALSE(cellOn(view, 9).future);
        CHECK(cellOn(view, 10).future);
        const auto future = std::count_if(view.heatmap.cells.begin(), view.heatmap.cells.end(),
                                          [](const HeatmapCell& c) { return c.future; });
        CHECK(future == 4);
        CHECK(cellOn(view, 10).value == 0.0);
    }
    SECTION("weeks start on Sunday") {
        b.history.settings.weekStart = 6;
        const DashboardView view = dashboardOf(b.history, 9);
        CHECK(view.heatmap.firstDay == *parseDay("2025-03-09"));
        CHECK(view.heatmap.cells.back().day == *parseDay("2026-03-14"));
        CHECK(view.week.days[0].day == *parseDay("2026-03-08"));
    }
}

TEST_CASE("dashboard: overall days are logs over the busiest day, with who and pauses") {
    HistoryBuilder b = coupleWeek();
    b.pause(3, 4);
    b.log("a", 10, Who::Both); // after asOf: does not exist yet
    const DashboardView view = dashboardOf(b.history, 9);
    CHECK(view.heatmap.ritualId.empty());
    CHECK(view.heatmap.maxLogs == 3);
    CHECK(view.heatmap.activeDays == 4);
    CHECK(view.heatmap.pausedDays == 2);

    const HeatmapCell& busy = cellOn(view, 7);
    CHECK(busy.logs == 3);
    CHECK(busy.rituals == 2);
    CHECK(busy.value == 1.0);
    CHECK(busy.partners == std::array<bool, 2>{true, true});
    CHECK(cellOn(view, 8).value == Approx(1.0 / 3.0));
    CHECK(cellOn(view, 9).partners == std::array<bool, 2>{false, true});
    CHECK(cellOn(view, 9).rituals == 1);
    CHECK(cellOn(view, 3).paused);
    CHECK(cellOn(view, 4).paused);
    CHECK_FALSE(cellOn(view, 5).paused);
    CHECK(cellOn(view, 5).value == 0.0);
    CHECK(cellOn(view, 10).logs == 0);
}

TEST_CASE("dashboard: a chosen each-ritual is full when both logged, half for one") {
    HistoryBuilder b = coupleWeek();
    b.history.skips.push_back(Skip{"s", "b", at(8)});
    const DashboardView view = dashboardOf(b.history, 9, "b");
    CHECK(view.heatmap.ritualId == "b");
    CHECK(cellOn(view, 7).logs == 2);
    CHECK(cellOn(view, 7).value == 1.0);
    CHECK(cellOn(view, 9).value == 0.5);
    CHECK(cellOn(view, 6).logs == 0); // ritual a only
    CHECK(cellOn(view, 8).skipped);
    CHECK(cellOn(view, 8).value == 0.0);
    CHECK(view.heatmap.activeDays == 2);

    SECTION("an unknown ritual shows every ritual") {
        const DashboardView all = dashboardOf(b.history, 9, "no-such-ritual");
        CHECK(all.heatmap.ritualId.empty());
        CHECK(cellOn(all, 7).logs == 3);
    }
}

TEST_CASE("dashboard: days kept by a 3-a-week schedule are drawn lighter") {
    HistoryBuilder b;
    b.ritual("w", RitualMode::Together);
    lastRitual(b).frequency = Frequency{3, 7};
    b.logDays("w", 0, 2, Who::Both);
    const DashboardView view = dashboardOf(b.history, 9, "w");
    CHECK(cellOn(view, 2).value == 1.0);
    for (int day = 3; day <= 6; ++day) {
        CHECK(cellOn(view, day).kept);
        CHECK(cellOn(view, day).value == 0.35);
    }
    CHECK_FALSE(cellOn(view, 7).kept);
    CHECK(cellOn(view, 7).value == 0.0);
}

TEST_CASE("dashboard: a weekday ritual's days off are marked") {
    HistoryBuilder b;
    b.ritual("m", RitualMode::Together);
    lastRitual(b).weekdays = Weekdays{true, false, true, false, false, false, false};
    b.log("m", 7, Who::Both);
    const DashboardView view = dashboardOf(b.history, 9, "m");
    CHECK_FALSE(cellOn(view, 7).dayOff);  // Monday
    CHECK(cellOn(view, 8).dayOff);        // Tuesday
    CHECK_FALSE(cellOn(view, 9).dayOff);  // Wednesday
    CHECK_FALSE(cellOn(view, 10).dayOff); // future days carry no marks
}

TEST_CASE("dashboard: measured days are filled by the amount against the target") {
    HistoryBuilder b;
    b.ritual("walk", RitualMode::Together);
    lastRitual(b).measure = Measure{MeasureKind::AtLeast, 30.0};
    b.ritual("phones", RitualMode::Together);
    lastRitual(b).measure = Measure{MeasureKind::AtMost, 20.0};
    logAmount(b, "walk", 1, 15).log("walk", 2, Who::Both);
    b.history.logs.back().amount = 45;
    logAmount(b, "phones", 1, 10);
    logAmount(b, "phones", 2, 25);

    const DashboardView walk = dashboardOf(b.history, 9, "walk");
    CHECK(cellOn(walk, 1).amount == 15.0);
    CHECK(cellOn(walk, 1).value == 0.5);
    CHECK(cellOn(walk, 2).value == 1.0);
    const DashboardView phones = dashboardOf(b.history, 9, "phones");
    CHECK(cellOn(phones, 1).value == 1.0);
    CHECK(cellOn(phones, 2).value == 0.5);
    CHECK(cellOn(phones, 3).value == 0.0);
}

TEST_CASE("dashboard: a streak freeze shows on its day and the run stays whole") {
    HistoryBuilder b;
    b.ritual("a", RitualMode::Together);
    b.logDays("a", 0, 6, Who::Both).log("a", 8, Who::Both);
    const DashboardView view = dashboardOf(b.history, 9);
    CHECK(cellOn(view, 7).frozen);
    CHECK_FALSE(cellOn(view, 8).frozen);
    CHECK(view.heatmap.frozenDays == 1);
    REQUIRE(view.connectionCurrent);
    CHECK(view.connectionCurrent->length == 9);
    CHECK(view.connectionCurrent->start == at(0));
    REQUIRE(view.connectionBest);
    CHECK(view.connectionBest->length == 9);
    CHECK(view.freezesBanked == 0);
}

TEST_CASE("dashboard: ritual rows in order with streaks and strength") {
    HistoryBuilder b;
    b.ritual("second", RitualMode::Together);
    lastRitual(b).position = 2;
    b.ritual("first", RitualMode::Together);
    lastRitual(b).position = 1;
    b.ritual("old", RitualMode::Together, Area::Fun);
    lastRitual(b).archived = true;
    b.logDays("first", 0, 19, Who::Both);
    b.logDays("second", 10, 14, Who::Both).logDays("second", 17, 19, Who::Both);
    b.log("old", 19, Who::Both);

    const DashboardView view = dashboardOf(b.history, 19);
    REQUIRE(view.rituals.size() == 2);
    const RitualRow& first = view.rituals[0];
    CHECK(first.id == "first");
    CHECK(first.strength == Approx(0.655747).margin(1e-6));
    CHECK_FALSE(first.neverDue);
    REQUIRE(first.lastLogged);
    CHECK(*first.lastLogged == at(19));
    CHECK(first.currentStreak == 20);
    CHECK(first.bestStreak == 20);
    CHECK(first.totalLogs == 20);
    const RitualRow& second = view.rituals[1];
    CHECK(second.id == "second");
    CHECK(second.currentStreak == 3);
    CHECK(second.bestStreak == 5);
    REQUIRE(second.best);
    CHECK(second.best->start == at(10));
    CHECK(view.coupleStrength == Approx((first.strength + second.strength) / 2));
    CHECK(view.balance[static_cast<std::size_t>(Area::Fun)].logs == 1);
    CHECK(view.balance[static_cast<std::size_t>(Area::Fun)].activeRituals == 0);
    CHECK(view.balance[static_cast<std::size_t>(Area::Connection)].activeRituals == 2);
}

TEST_CASE("dashboard: trend lines start with the first log") {
    HistoryBuilder b;
    b.ritual("a", RitualMode::Together);
    b.ritual("b", RitualMode::Together);

    SECTION("a short history is sampled daily") {
        b.logDays("a", 0, 19, Who::Both);
        const DashboardView view = dashboardOf(b.history, 19);
        REQUIRE(view.trendDays.size() == 20);
        CHECK(view.trendDays.front() == at(0));
        CHECK(view.trendDays.back() == at(19));
        REQUIRE(view.rituals[0].trend.size() == 20);
        CHECK(view.rituals[0].trend.back() == Approx(0.655747).margin(1e-6));
        CHECK(view.rituals[0].trend[18] == Approx(0.636894).margin(1e-6));
        CHECK(view.rituals[1].trend.back() == 0.0);
        CHECK(view.coupleTrend.back() == Approx(view.coupleStrength));
        CHECK(view.coupleTrend.back() == Approx(0.655747 / 2).margin(1e-6));
    }
    SECTION("a hundred days are sampled weekly back from asOf") {
        b.logDays("a", 0, 99, Who::Both);
        const DashboardView view = dashboardOf(b.history, 99);
        REQUIRE(view.trendDays.size() == 15);
        CHECK(view.trendDays.front() == at(1));
        CHECK(view.trendDays[1] == at(8));
        CHECK(view.trendDays.back() == at(99));
    }
    SECTION("two years show the last 52 weeks") {
        b.logDays("a", 0, 729, Who::Both);
        const DashboardView view = dashboardOf(b.history, 729);
        REQUIRE(view.trendDays.size() == 53);
        CHECK(view.trendDays.front() == at(729 - 364));
    }
}

TEST_CASE("dashboard: this week is the couple's, with who did what only per day") {
    const HistoryBuilder b = coupleWeek();
    const DashboardView view = dashboardOf(b.history, 9);
    CHECK(view.week.days[0].day == at(7));
    // The two of you: every log once, never one partner's total beside the other's.
    CHECK(view.week.logs == 5);
    CHECK(view.week.activeDays == 3);
    const auto& monday = view.week.days[0].rituals;
    REQUIRE(monday.size() == 2);
    CHECK(monday[0].name == "Ritual a");
    CHECK(monday[0].together);
    CHECK(monday[0].by == std::array<bool, 2>{false, false});
    CHECK(monday[1].name == "Ritual b");
    CHECK_FALSE(monday[1].together);
    CHECK(monday[1].by == std::array<bool, 2>{true, true});
    CHECK(view.week.days[0].logs == 3);
    REQUIRE(view.week.days[2].rituals.size() == 1);
    CHECK(view.week.days[2].rituals[0].by == std::array<bool, 2>{false, true});
    CHECK(view.week.days[3].rituals.empty());
    CHECK_FALSE(view.week.days[2].future);
    CHECK(view.week.days[3].future);
}

TEST_CASE("dashboard: balance counts the last 30 days by area") {
    HistoryBuilder b = coupleWeek();
    b.log("a", 9 - 30, Who::Both); // one day too early
    b.log("a", 9 - 29, Who::Both);
    const DashboardView view = dashboardOf(b.history, 9);
    CHECK(view.balance[static_cast<std::size_t>(Area::Touch)].area == Area::Touch);
    CHECK(view.balance[static_cast<std::size_t>(Area::Touch)].logs == 4);
    CHECK(view.balance[static_cast<std::size_t>(Area::Appreciation)].logs == 3);
    CHECK(view.balance[static_cast<std::size_t>(Area::Talk)].logs == 0);
    CHECK(view.balance[static_cast<std::size_t>(Area::Touch)].activeRituals == 1);
}

TEST_CASE("dashboard: rings of the goals still running") {
    HistoryBuilder b = coupleWeek();
    b.goal("week", GoalPeriod::Week, 6, 7);
    b.goal("done", GoalPeriod::Week, 2, 7);
    b.history.goals.back().reward = "Pancakes";
    b.goal("over", GoalPeriod::Custom, 5, 0, 6);
    b.goal("put-away", GoalPeriod::Week, 5, 7);
    b.history.goals.back().archivedOn = b.history.goals.back().start;
    b.goal("weekly", GoalPeriod::EveryWeek, 1, 0);

    const DashboardView view = dashboardOf(b.history, 9);
    REQUIRE(view.goals.size() == 3);
    CHECK(view.goals[0].goalId == "week");
    CHECK(view.goals[0].progress == 5); // every log from Monday to asOf
    CHECK(view.goals[0].target == 6);
    CHECK_FALSE(view.goals[0].completed);
    CHECK(view.goals[0].end == at(13));
    CHECK(view.goals[1].goalId == "done");
    CHECK(view.goals[1].completed);
    CHECK(view.goals[1].completedOn == at(7));
    CHECK(view.goals[1].reward == "Pancakes");
    CHECK(view.goals[2].goalId == "weekly");
    CHECK(view.goals[2].repeating);
    CHECK(view.goals[2].start == at(7));
}

TEST_CASE("dashboard: level, XP and the next level's name") {
    HistoryBuilder b;
    b.ritual("a", RitualMode::Together);
    b.logDays("a", 0, 2, Who::Both); // 3 x (10 + 5 together + 10 both that day)
    const DashboardView view = dashboardOf(b.history, 2);
    CHECK(view.level.number == 1);
    CHECK(view.level.xp == 75);
    CHECK(view.level.xpIntoLevel == 75);
    CHECK(view.level.xpForNextLevel == 100);
    CHECK(view.nextLevelName == "Ember");
}

TEST_CASE("dashboard: an empty history is empty, not zeros") {
    const DashboardView view = dashboardOf(History{}, 9);
    CHECK_FALSE(view.hasRituals);
    CHECK_FALSE(view.hasLogs);
    CHECK(view.rituals.empty());
    CHECK(view.trendDays.empty());
    CHECK(view.coupleTrend.empty());
    CHECK(view.goals.empty());
    CHECK(view.heatmap.maxLogs == 0);
    CHECK(view.heatmap.cells.size() == 53 * 7);
    CHECK_FALSE(view.connectionCurrent);
    CHECK(view.partners[0].name == "Partner 1");
}
