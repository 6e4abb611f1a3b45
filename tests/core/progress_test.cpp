#include "core/derived.hpp"
#include "core/progress.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace kindling;
using namespace kindling::testing;

namespace {

// XP as the app computes it: runs from the derived state, goals as of the same day.
XpLedger xpOf(const History& history, Day asOf) {
    const DerivedState derived = deriveAll(history, asOf);
    return computeXp(history, derived.connection.runs, computeGoalProgress(history, asOf), asOf);
}

} // namespace

TEST_CASE("xp: each log earns 10") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).log("thanks", 0).log("thanks", 2, Who::Partner2);
    const XpLedger xp = xpOf(b.history, at(2));
    CHECK(xp.breakdown.logs == 20);
    CHECK(xp.breakdown.together == 0);
    CHECK(xp.breakdown.bothSameDay == 0); // partner 1 and partner 2, but on different days
    CHECK(xp.breakdown.streakMilestones == 0);
    CHECK(xp.breakdown.goals == 0);
    CHECK(xp.breakdown.total() == 20);
}

TEST_CASE("xp: a together ritual earns 5 more per log") {
    HistoryBuilder b;
    b.ritual("walk", RitualMode::Together).log("walk", 0).log("walk", 2);
    const XpLedger xp = xpOf(b.history, at(2));
    CHECK(xp.breakdown.logs == 20);
    CHECK(xp.breakdown.together == 10);
    CHECK(xp.breakdown.total() == 30);
}

TEST_CASE("xp: 10 per day on which both partners logged") {
    SECTION("partner 1 and partner 2 on the same day, once per day") {
        HistoryBuilder b;
        b.ritual("thanks", RitualMode::Each).ritual("hug", RitualMode::Each);
        b.log("thanks", 0, Who::Partner1).log("thanks", 0, Who::Partner2);
        b.log("hug", 0, Who::Partner2);
        const XpLedger xp = xpOf(b.history, at(0));
        CHECK(xp.breakdown.logs == 30);
        CHECK(xp.breakdown.bothSameDay == 10);
        CHECK(xp.breakdown.total() == 40);
        CHECK(xp.bothLoggedDays == std::vector<Day>{at(0)});
    }
    SECTION("a Both log") {
        HistoryBuilder b;
        b.ritual("walk", RitualMode::Together).log("walk", 3, Who::Both);
        const XpLedger xp = xpOf(b.history, at(3));
        CHECK(xp.breakdown.total() == 10 + 5 + 10);
        CHECK(xp.bothLoggedDays == std::vector<Day>{at(3)});
    }
    SECTION("one partner only") {
        HistoryBuilder b;
        b.ritual("thanks", RitualMode::Each).log("thanks", 0).log("thanks", 0);
        CHECK(xpOf(b.history, at(0)).breakdown.bothSameDay == 0);
    }
}

TEST_CASE("xp: connection streak milestones, once per run") {
    SECTION("six days earn nothing extra, seven earn 50") {
        HistoryBuilder b;
        b.ritual("thanks", RitualMode::Each).logDays("thanks", 0, 5);
        CHECK(xpOf(b.history, at(5)).breakdown.total() == 60);
        b.log("thanks", 6);
        const XpLedger xp = xpOf(b.history, at(6));
        CHECK(xp.breakdown.streakMilestones == 50);
        CHECK(xp.breakdown.total() == 120);
        REQUIRE(xp.byDay.size() == 7);
        CHECK(xp.byDay.back().day == at(6));
        CHECK(xp.byDay.back().xp == 60); // the log and the milestone
    }
    SECTION("a 30-day run earns the 7- and the 30-day bonus") {
        HistoryBuilder b;
        b.ritual("thanks", RitualMode::Each).logDays("thanks", 0, 29);
        const XpLedger xp = xpOf(b.history, at(29));
        CHECK(xp.breakdown.streakMilestones == 200);
        CHECK(xp.breakdown.total() == 300 + 200);
        // Later days of the same run earn nothing more.
        b.logDays("thanks", 30, 35);
        CHECK(xpOf(b.history, at(35)).breakdown.streakMilestones == 200);
    }
    SECTION("a second run earns it again") {
        // 0..6 banks a freeze that covers day 7; day 8 breaks the run. 10..16 is a new run.
        HistoryBuilder b;
        b.ritual("thanks", RitualMode::Each).logDays("thanks", 0, 6).logDays("thanks", 10, 16);
        const XpLedger xp = xpOf(b.history, at(16));
        CHECK(xp.breakdown.streakMilestones == 100);
        CHECK(xp.breakdown.total() == 140 + 100);
    }
    SECTION("the 100 and 365 bonuses") {
        HistoryBuilder b;
        b.ritual("thanks", RitualMode::Each).logDays("thanks", 0, 364);
        CHECK(xpOf(b.history, at(98)).breakdown.streakMilestones == 200);
        CHECK(xpOf(b.history, at(99)).breakdown.streakMilestones == 600);
        CHECK(xpOf(b.history, at(364)).breakdown.streakMilestones == 1600);
        CHECK(xpOf(b.history, at(364)).breakdown.total() == 3650 + 1600);
    }
}

TEST_CASE("xp: 100 per completed goal instance") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).goal("g", GoalPeriod::EveryWeek, 2, 0);
    b.log("thanks", 0).log("thanks", 2);   // week 1: done on day 2
    b.log("thanks", 8);                    // week 2: 1 of 2
    b.log("thanks", 15).log("thanks", 16); // week 3: done on day 16
    const XpLedger xp = xpOf(b.history, at(17));
    CHECK(xp.breakdown.goals == 200);
    CHECK(xp.breakdown.total() == 50 + 200);
}

TEST_CASE("xp: an archived repeating goal earns nothing after it was archived") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).goal("g", GoalPeriod::EveryWeek, 2, 0);
    b.log("thanks", 0).log("thanks", 2);   // week 1: done on day 2
    b.log("thanks", 15).log("thanks", 16); // week 3: done on day 16, after it was archived
    b.history.goals.back().archivedOn = at(9);
    CHECK(xpOf(b.history, at(17)).breakdown.goals == 100);
    b.history.goals.back().archivedOn.reset();
    CHECK(xpOf(b.history, at(17)).breakdown.goals == 200);
}

TEST_CASE("xp: every rule together, by hand") {
    HistoryBuilder b;
    b.ritual("walk", RitualMode::Together).ritual("thanks", RitualMode::Each);
    b.log("walk", 0, Who::Both);                                       // 10 + 5
    b.log("thanks", 0, Who::Partner1).log("thanks", 0, Who::Partner2); // 20; day 0 both: 10
    b.log("thanks", 1, Who::Partner1);                                 // 10
    // Thanks in days 0..1: 1 + 1 + 1 = 3 reaches the target on day 1.
    b.goal("g", GoalPeriod::Custom, 3, 0, 1, GoalScope::Ritual, "thanks"); // 100
    b.log("walk", 5, Who::Both);                                           // after asOf: nothing
    const XpLedger xp = xpOf(b.history, at(1));
    CHECK(xp.breakdown.logs == 40);
    CHECK(xp.breakdown.together == 5);
    CHECK(xp.breakdown.bothSameDay == 10);
    CHECK(xp.breakdown.streakMilestones == 0);
    CHECK(xp.breakdown.goals == 100);
    CHECK(xp.breakdown.total() == 155);
    REQUIRE(xp.byDay.size() == 2);
    CHECK(xp.byDay[0].day == at(0));
    CHECK(xp.byDay[0].xp == 45);
    CHECK(xp.byDay[1].day == at(1));
    CHECK(xp.byDay[1].xp == 110);
    CHECK(dayXpReached(xp, 45) == at(0));
    CHECK(dayXpReached(xp, 46) == at(1));
    CHECK_FALSE(dayXpReached(xp, 156));
}

TEST_CASE("xp: never negative, and empty without logs") {
    const XpLedger xp = xpOf(History{}, at(0));
    CHECK(xp.breakdown.total() == 0);
    CHECK(xp.byDay.empty());
    // Removing a log takes away only what that log earned.
    HistoryBuilder b;
    b.ritual("walk", RitualMode::Together).log("walk", 0).log("walk", 1);
    CHECK(xpOf(b.history, at(1)).breakdown.total() == 30);
    b.history.logs.pop_back();
    CHECK(xpOf(b.history, at(1)).breakdown.total() == 15);
}

TEST_CASE("levels: boundaries of the shipped ladder") {
    const std::vector<Level> levels = shippedLevels();

    const LevelStatus start = levelFor(0, levels);
    CHECK(start.number == 1);
    CHECK(start.name == "Spark");
    CHECK(start.xp == 0);
    CHECK(start.xpIntoLevel == 0);
    CHECK(start.xpForNextLevel == 100);
    CHECK_FALSE(start.topLevel);

    const LevelStatus almost = levelFor(99, levels);
    CHECK(almost.number == 1);
    CHECK(almost.xpIntoLevel == 99);
    CHECK(almost.xpForNextLevel == 100);

    const LevelStatus ember = levelFor(100, levels);
    CHECK(ember.number == 2);
    CHECK(ember.name == "Ember");
    CHECK(ember.xpIntoLevel == 0);
    CHECK(ember.xpForNextLevel == 250); // 350 - 100

    const LevelStatus flame = levelFor(1000, levels);
    CHECK(flame.number == 4);
    CHECK(flame.name == "Flame");
    CHECK(flame.xpIntoLevel == 100);
    CHECK(flame.xpForNextLevel == 1100);

    // The top of the ladder, wherever it is.
    const Level& last = levels.back();
    const LevelStatus beforeTop = levelFor(last.xpRequired - 1, levels);
    CHECK(beforeTop.number == last.number - 1);
    CHECK_FALSE(beforeTop.topLevel);

    const LevelStatus top = levelFor(last.xpRequired, levels);
    CHECK(top.number == last.number);
    CHECK(top.name == last.name);
    CHECK(top.topLevel);
    CHECK(top.xpIntoLevel == 0);
    CHECK(top.xpForNextLevel == 0);
    const LevelStatus beyond = levelFor(last.xpRequired + 5000, levels);
    CHECK(beyond.number == last.number);
    CHECK(beyond.xpIntoLevel == 5000);
    CHECK(beyond.xpForNextLevel == 0);
}

TEST_CASE("levels: the day each level was reached") {
    // Daily partner-1 logs every other day: 10 XP per log day, no streaks.
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each);
    for (int day = 0; day <= 70; day += 2)
        b.log("thanks", day);
    const std::vector<Level> levels = shippedLevels();
    const std::vector<LevelReached> reached = levelsReached(xpOf(b.history, at(70)), levels);
    // 36 logs = 360 XP: Ember at the 10th log (day 18), Kindling at the 35th (day 68).
    REQUIRE(reached.size() == 2);
    CHECK(reached[0].number == 2);
    CHECK(reached[0].name == "Ember");
    CHECK(reached[0].day == at(18));
    CHECK(reached[1].number == 3);
    CHECK(reached[1].day == at(68));
}

// docs/scoring.md §6.3: what an edit of the past would take away is kept.
TEST_CASE("kept XP joins the ledger on its day, and the level is read with it") {
    XpLedger ledger;
    ledger.breakdown.logs = 90;
    ledger.byDay = {{*parseDay("2026-03-02"), 90}};
    addKeptXp(ledger, {{*parseDay("2026-03-04"), 20}, {*parseDay("2026-03-09"), 5}},
              *parseDay("2026-03-05"));
    CHECK(ledger.breakdown.kept == 20); // the later one is not yet, as of the 5th
    CHECK(ledger.breakdown.total() == 110);
    REQUIRE(ledger.byDay.size() == 2);
    CHECK(dayXpReached(ledger, 100) == *parseDay("2026-03-04"));
    CHECK(xpLost(XpBreakdown{30, 5, 10, 100, 0, 0}, XpBreakdown{40, 5, 0, 50, 0, 999}) == 60);
}
