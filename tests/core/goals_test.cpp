#include "core/goals.hpp"
#include "progress_fixtures.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kindling;
using namespace kindling::testing;

namespace {

Day on(const char* text) {
    return *parseDay(text);
}

Log logOn(const std::string& ritualId, const char* day, Who who = Who::Partner1) {
    Log log;
    log.id = std::string("log-") + day + "-" + ritualId;
    log.ritualId = ritualId;
    log.day = on(day);
    log.who = who;
    return log;
}

Goal goalOf(GoalPeriod period, int target, const char* start, const char* end = "2000-01-01") {
    Goal goal;
    goal.id = "g";
    goal.title = "Our goal";
    goal.period = period;
    goal.target = target;
    goal.start = on(start);
    goal.end = on(end);
    return goal;
}

History withRitual(RitualMode mode = RitualMode::Each) {
    HistoryBuilder b;
    b.ritual("r", mode);
    return b.history;
}

} // namespace

TEST_CASE("goals: a week goal follows the couple's week start") {
    History history = withRitual();
    // Sunday 1 March, Monday 2, Sunday 8 March 2026.
    history.logs = {logOn("r", "2026-03-01"), logOn("r", "2026-03-02"), logOn("r", "2026-03-08")};
    const Goal goal = goalOf(GoalPeriod::Week, 5, "2026-03-04"); // a Wednesday

    SECTION("weeks start on Monday") {
        history.settings.weekStart = 0;
        const auto instances = goalInstances(history, goal, on("2026-03-31"));
        REQUIRE(instances.size() == 1);
        CHECK(instances[0].start == on("2026-03-02"));
        CHECK(instances[0].end == on("2026-03-08"));
        CHECK(instances[0].progress == 2); // Monday 2 and Sunday 8
    }
    SECTION("weeks start on Sunday") {
        history.settings.weekStart = 6;
        const auto instances = goalInstances(history, goal, on("2026-03-31"));
        REQUIRE(instances.size() == 1);
        CHECK(instances[0].start == on("2026-03-01"));
        CHECK(instances[0].end == on("2026-03-07"));
        CHECK(instances[0].progress == 2); // Sunday 1 and Monday 2
    }
}

TEST_CASE("goals: a month goal is the calendar month containing its start") {
    History history = withRitual();
    history.logs = {logOn("r", "2026-01-31"), logOn("r", "2026-02-01"), logOn("r", "2026-02-28"),
                    logOn("r", "2026-03-01")};
    const auto instances =
        goalInstances(history, goalOf(GoalPeriod::Month, 2, "2026-02-14"), on("2026-03-10"));
    REQUIRE(instances.size() == 1);
    CHECK(instances[0].start == on("2026-02-01"));
    CHECK(instances[0].end == on("2026-02-28"));
    CHECK(instances[0].progress == 2);
    CHECK(instances[0].completed);
    CHECK(instances[0].completedOn == on("2026-02-28"));
}

TEST_CASE("goals: a custom range, both ends included") {
    History history = withRitual();
    history.logs = {logOn("r", "2026-03-04"), logOn("r", "2026-03-05"), logOn("r", "2026-03-10"),
                    logOn("r", "2026-03-11")};
    const auto instances = goalInstances(
        history, goalOf(GoalPeriod::Custom, 3, "2026-03-05", "2026-03-10"), on("2026-03-20"));
    REQUIRE(instances.size() == 1);
    CHECK(instances[0].start == on("2026-03-05"));
    CHECK(instances[0].end == on("2026-03-10"));
    CHECK(instances[0].progress == 2);
    CHECK(instances[0].target == 3);
    CHECK_FALSE(instances[0].completed);
    CHECK_FALSE(instances[0].completedOn);

    // An end before the start is no period at all.
    CHECK(goalInstances(history, goalOf(GoalPeriod::Custom, 1, "2026-03-10", "2026-03-05"),
                        on("2026-03-20"))
              .empty());
}

TEST_CASE("goals: a weekly goal repeats through the week containing asOf") {
    History history = withRitual();
    history.logs = {
        logOn("r", "2026-03-02"), logOn("r", "2026-03-05"),                           // week 1: 2
        logOn("r", "2026-03-12"),                                                     // week 2: 1
        logOn("r", "2026-03-16"), logOn("r", "2026-03-16"), logOn("r", "2026-03-20"), // week 3: 3
        logOn("r", "2026-03-24"), logOn("r", "2026-03-26"), // week 4: 1 so far, 26th is after asOf
    };
    const auto instances =
        goalInstances(history, goalOf(GoalPeriod::EveryWeek, 2, "2026-03-04"), on("2026-03-25"));
    REQUIRE(instances.size() == 4);
    const char* starts[] = {"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"};
    const int progress[] = {2, 1, 3, 1};
    for (std::size_t i = 0; i < 4; ++i) {
        INFO("week " << i + 1);
        CHECK(instances[i].start == on(starts[i]));
        CHECK(instances[i].end == on(starts[i]) + days{6});
        CHECK(instances[i].progress == progress[i]);
        CHECK(instances[i].goalId == "g");
        CHECK(instances[i].title == "Our goal");
    }
    CHECK(instances[0].completedOn == on("2026-03-05"));
    CHECK_FALSE(instances[1].completed);
    CHECK(instances[2].completedOn == on("2026-03-16")); // two logs that day reach 2
    CHECK_FALSE(instances[3].completed);

    const GoalProgress* current = currentGoalInstance(instances, "g", on("2026-03-25"));
    REQUIRE(current != nullptr);
    CHECK(current->start == on("2026-03-23"));
    CHECK(currentGoalInstance(instances, "other", on("2026-03-25")) == nullptr);

    // Nothing yet while the goal starts after asOf.
    CHECK(goalInstances(history, goalOf(GoalPeriod::EveryWeek, 2, "2026-04-01"), on("2026-03-25"))
              .empty());
}

TEST_CASE("goals: a monthly goal repeats month by month") {
    History history = withRitual();
    history.logs = {logOn("r", "2026-01-31"), logOn("r", "2026-02-28"), logOn("r", "2026-03-01"),
                    logOn("r", "2026-03-02")};
    const auto instances =
        goalInstances(history, goalOf(GoalPeriod::EveryMonth, 2, "2026-01-15"), on("2026-03-03"));
    REQUIRE(instances.size() == 3);
    CHECK(instances[0].start == on("2026-01-01"));
    CHECK(instances[0].end == on("2026-01-31"));
    CHECK(instances[1].start == on("2026-02-01"));
    CHECK(instances[1].end == on("2026-02-28"));
    CHECK(instances[2].start == on("2026-03-01"));
    CHECK(instances[2].end == on("2026-03-31"));
    CHECK(instances[0].progress == 1);
    CHECK(instances[1].progress == 1);
    CHECK(instances[2].progress == 2);
    CHECK(instances[2].completedOn == on("2026-03-02"));
}

TEST_CASE("goals: an archived goal stops on the day it was archived") {
    History history = withRitual();
    history.logs = {
        logOn("r", "2026-03-02"), logOn("r", "2026-03-05"), // week 1: 2, done on the 5th
        logOn("r", "2026-03-09"),                           // week 2: archived on the 10th
        logOn("r", "2026-03-11"), logOn("r", "2026-03-12"), // after it was archived
        logOn("r", "2026-03-17"), logOn("r", "2026-03-18"), // a later week: no instance
    };
    Goal weekly = goalOf(GoalPeriod::EveryWeek, 2, "2026-03-04");
    weekly.archivedOn = on("2026-03-10");

    SECTION("a repeating goal makes no new periods, and later logs do not count") {
        const auto instances = goalInstances(history, weekly, on("2026-03-25"));
        REQUIRE(instances.size() == 2);
        CHECK(instances[0].completedOn == on("2026-03-05")); // what was reached stays
        CHECK(instances[1].start == on("2026-03-09"));
        CHECK(instances[1].progress == 1);
        CHECK_FALSE(instances[1].completed);
    }
    SECTION("a one-off goal keeps its period but stops counting") {
        Goal month = goalOf(GoalPeriod::Month, 4, "2026-03-01");
        month.archivedOn = on("2026-03-10");
        const auto instances = goalInstances(history, month, on("2026-03-31"));
        REQUIRE(instances.size() == 1);
        CHECK(instances[0].end == on("2026-03-31"));
        CHECK(instances[0].progress == 3);
        CHECK_FALSE(instances[0].completed);
    }
    SECTION("archived before it began: a repeating goal has no period at all") {
        Goal later = goalOf(GoalPeriod::EveryMonth, 1, "2026-04-01");
        later.archivedOn = on("2026-03-20");
        CHECK(goalInstances(history, later, on("2026-05-25")).empty());
    }
    SECTION("before the day it is archived, it counts as usual") {
        const auto instances = goalInstances(history, weekly, on("2026-03-09"));
        REQUIRE(instances.size() == 2);
        CHECK(instances[1].progress == 1);
    }
    SECTION("restored (archivedOn cleared), it counts as if never archived") {
        weekly.archivedOn.reset();
        const auto instances = goalInstances(history, weekly, on("2026-03-25"));
        REQUIRE(instances.size() == 4);
        CHECK(instances[1].progress == 3);
        CHECK(instances[1].completedOn == on("2026-03-11"));
        CHECK(instances[2].completedOn == on("2026-03-18"));
    }
}

TEST_CASE("goals: a Both log of an each ritual counts two") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).ritual("walk", RitualMode::Together);
    b.log("thanks", 0, Who::Both);     // 2
    b.log("walk", 0, Who::Both);       // 1: one walk, together
    b.log("thanks", 1, Who::Partner2); // 1
    b.goal("any", GoalPeriod::Week, 10, 0);
    b.goal("thanks", GoalPeriod::Week, 3, 0, 0, GoalScope::Ritual, "thanks");
    const auto all = computeGoalProgress(b.history, at(6));
    REQUIRE(all.size() == 2);
    CHECK(all[0].goalId == "any");
    CHECK(all[0].progress == 4);
    CHECK(all[1].goalId == "thanks");
    CHECK(all[1].progress == 3);
    CHECK(all[1].completedOn == at(1));
}

TEST_CASE("goals: area scope counts the rituals of that area") {
    HistoryBuilder b;
    b.ritual("question", RitualMode::Together, Area::Talk)
        .ritual("checkin", RitualMode::Together, Area::Talk)
        .ritual("dance", RitualMode::Together, Area::Fun);
    b.log("question", 0).log("checkin", 1).log("dance", 1).log("missing-ritual", 1);
    b.goal("talk", GoalPeriod::Week, 2, 0, 0, GoalScope::Area);
    b.history.goals.back().area = Area::Talk;
    const auto instances = computeGoalProgress(b.history, at(6));
    REQUIRE(instances.size() == 1);
    CHECK(instances[0].progress == 2);
    CHECK(instances[0].completedOn == at(1));
}

TEST_CASE("goals: completedOn is the day the target was reached, later logs don't exist yet") {
    HistoryBuilder b;
    b.ritual("r", RitualMode::Together);
    b.log("r", 0).log("r", 2).log("r", 4).log("r", 5);
    b.goal("g", GoalPeriod::Custom, 3, 0, 20);

    const auto asOfFour = computeGoalProgress(b.history, at(4));
    CHECK(asOfFour[0].progress == 3);
    CHECK(asOfFour[0].completedOn == at(4));

    const auto asOfThree = computeGoalProgress(b.history, at(3));
    CHECK(asOfThree[0].progress == 2);
    CHECK_FALSE(asOfThree[0].completed);

    const auto later = computeGoalProgress(b.history, at(10));
    CHECK(later[0].progress == 4);
    CHECK(later[0].completedOn == at(4));

    // The log order in the history does not matter.
    std::reverse(b.history.logs.begin(), b.history.logs.end());
    CHECK(computeGoalProgress(b.history, at(10))[0].completedOn == at(4));
}

TEST_CASE("goals: the current instance") {
    HistoryBuilder b;
    b.ritual("r", RitualMode::Together);
    b.goal("week", GoalPeriod::Week, 1, 0);
    b.goal("later", GoalPeriod::Custom, 1, 20, 25);
    const auto all = computeGoalProgress(b.history, at(10));
    // The week is over: it is still the one to show.
    const GoalProgress* week = currentGoalInstance(all, "week", at(10));
    REQUIRE(week != nullptr);
    CHECK(week->start == at(0));
    // A goal set for later shows its coming period, at 0.
    const GoalProgress* later = currentGoalInstance(all, "later", at(10));
    REQUIRE(later != nullptr);
    CHECK(later->start == at(20));
    CHECK(later->progress == 0);
}
