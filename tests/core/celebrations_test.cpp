#include "core/celebrations.hpp"
#include "core/derived.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

using namespace kindling;
using namespace kindling::testing;

namespace {

AchievementDefinition firstLogBadge() {
    AchievementDefinition definition;
    definition.id = "first-spark";
    definition.name = "First Spark";
    definition.description = "Your very first ritual together.";
    definition.icon = "fire";
    definition.hint = "Log any ritual.";
    definition.rule = {AchievementKind::FirstLog, 1};
    return definition;
}

ProgressSnapshot snapshotOf(const History& history, int asOf,
                            const std::vector<AchievementDefinition>& badges = {firstLogBadge()}) {
    return computeProgress(history, deriveAll(history, at(asOf)), shippedLevels(), badges);
}

std::vector<std::string> keysOf(const std::vector<Milestone>& milestones) {
    std::vector<std::string> keys;
    for (const Milestone& milestone : milestones)
        keys.push_back(milestone.key);
    return keys;
}

// Partner 1 thanks on days 0..5 (60 XP), with a goal of 7 logs in days 0..10.
HistoryBuilder sixDaysOfThanks() {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).logDays("thanks", 0, 5);
    b.goal("seven", GoalPeriod::Custom, 7, 0, 10);
    return b;
}

} // namespace

TEST_CASE("celebrations: one log that crosses a level, a streak milestone and a goal") {
    HistoryBuilder b = sixDaysOfThanks();
    const ProgressSnapshot before = snapshotOf(b.history, 6);
    CHECK(before.xp.breakdown.total() == 60);
    CHECK(before.level.number == 1);

    b.log("thanks", 6); // 70 + 50 (7 days) + 100 (goal) = 220 XP: Ember
    const ProgressSnapshot after = snapshotOf(b.history, 6);
    CHECK(after.xp.breakdown.total() == 220);
    CHECK(after.level.number == 2);

    const std::vector<Milestone> fresh = newCelebrations(before, after, {});
    REQUIRE(fresh.size() == 3);
    // Same day: the goal, then the streak, then the new level last.
    CHECK(fresh[0].key == "goal:seven:2026-03-02");
    CHECK(fresh[0].kind == Milestone::Kind::GoalCompleted);
    CHECK(fresh[0].headline == "Goal reached: Goal seven");
    CHECK(fresh[1].key == "streak:7:2026-03-02");
    CHECK(fresh[1].kind == Milestone::Kind::StreakMilestone);
    CHECK(fresh[1].headline == "7 days of connection");
    CHECK(fresh[2].key == "level:2");
    CHECK(fresh[2].kind == Milestone::Kind::LevelUp);
    CHECK(fresh[2].headline == "You reached Ember");
    for (const Milestone& milestone : fresh) {
        INFO(milestone.key);
        CHECK(milestone.day == at(6));
        CHECK_FALSE(milestone.detail.empty());
    }

    SECTION("already shown keys are not repeated") {
        const std::vector<Milestone> rest = newCelebrations(before, after, {"level:2"});
        CHECK(keysOf(rest) ==
              std::vector<std::string>{"goal:seven:2026-03-02", "streak:7:2026-03-02"});
    }
    SECTION("undo, then the same log again, celebrates nothing twice") {
        std::set<std::string> shown;
        for (const Milestone& milestone : fresh)
            shown.insert(milestone.key);

        HistoryBuilder undone = sixDaysOfThanks();
        const ProgressSnapshot afterUndo = snapshotOf(undone.history, 6);
        CHECK(afterUndo.xp.breakdown.total() == 60);
        CHECK(newCelebrations(after, afterUndo, shown).empty());

        undone.log("thanks", 6);
        const ProgressSnapshot afterRedo = snapshotOf(undone.history, 6);
        CHECK(keysOf(milestonesOf(afterRedo)) == keysOf(milestonesOf(after)));
        CHECK(newCelebrations(afterUndo, afterRedo, shown).empty());
    }
}

TEST_CASE("celebrations: a log with nothing new celebrates nothing") {
    HistoryBuilder b = sixDaysOfThanks();
    b.log("thanks", 6);
    const ProgressSnapshot before = snapshotOf(b.history, 7);
    b.log("thanks", 7);
    CHECK(newCelebrations(before, snapshotOf(b.history, 7), {}).empty());
}

TEST_CASE("celebrations: the first log unlocks a badge") {
    HistoryBuilder b;
    b.ritual("walk", RitualMode::Together);
    const ProgressSnapshot before = snapshotOf(b.history, 0);
    b.log("walk", 0);
    const std::vector<Milestone> fresh = newCelebrations(before, snapshotOf(b.history, 0), {});
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].key == "achievement:first-spark");
    CHECK(fresh[0].kind == Milestone::Kind::Achievement);
    CHECK(fresh[0].headline == "New badge: First Spark");
    CHECK(fresh[0].detail == "Your very first ritual together.");
}

TEST_CASE("celebrations: a ritual's 30-day streak and a welcome back") {
    HistoryBuilder b;
    b.ritual("coffee", RitualMode::Together).logDays("coffee", 0, 29);
    const ProgressSnapshot thirty = snapshotOf(b.history, 29, {});
    const std::vector<Milestone> all = milestonesOf(thirty);
    std::set<std::string> keys;
    for (const Milestone& milestone : all)
        keys.insert(milestone.key);
    CHECK(keys.count("ritual-streak:coffee:30:2026-03-02") == 1);
    CHECK(keys.count("streak:30:2026-03-02") == 1);
    CHECK(keys.count("streak:7:2026-03-02") == 1);
    for (const Milestone& milestone : all) {
        if (milestone.kind != Milestone::Kind::RitualStreakMilestone) continue;
        CHECK(milestone.headline == "Ritual coffee: 30 days");
        CHECK(milestone.day == at(29));
    }

    // Back after 10 quiet days.
    const ProgressSnapshot before = snapshotOf(b.history, 40, {});
    b.log("coffee", 40);
    const std::vector<Milestone> fresh = newCelebrations(before, snapshotOf(b.history, 40, {}), {});
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].key == "welcome-back:2026-04-11");
    CHECK(fresh[0].headline == "Welcome back");
}

TEST_CASE("celebrations: keys are unique and the order is by day, biggest last") {
    HistoryBuilder b;
    b.ritual("coffee", RitualMode::Together).ritual("thanks", RitualMode::Each);
    b.logDays("coffee", 0, 120, Who::Both).logDays("thanks", 0, 120, Who::Both);
    b.logDays("coffee", 140, 200);
    b.goal("weekly", GoalPeriod::EveryWeek, 3, 0);
    const std::vector<AchievementDefinition> badges =
        parseAchievements(assetText("achievements.json"));
    const std::vector<Milestone> all = milestonesOf(snapshotOf(b.history, 200, badges));
    std::set<std::string> keys;
    for (const Milestone& milestone : all) {
        INFO(milestone.key);
        CHECK(keys.insert(milestone.key).second);
    }
    for (std::size_t i = 1; i < all.size(); ++i)
        CHECK(all[i - 1].day <= all[i].day);
    CHECK(keys.count("welcome-back:2026-07-20") == 1); // day 140 after 19 quiet days
    CHECK(keys.count("streak:100:2026-03-02") == 1);
    CHECK(keys.count("ritual-streak:thanks:100:2026-03-02") == 1);
    CHECK(keys.count("achievement:a-week-of-us") == 1);
}

TEST_CASE("celebrations: ten years of dense history give the expected goal instances") {
    // 12 rituals, about 90,000 logs: each ritual logged most days, several times.
    HistoryBuilder b;
    for (int r = 0; r < 12; ++r) {
        b.ritual("ritual-" + std::to_string(r),
                 r % 2 == 0 ? RitualMode::Together : RitualMode::Each,
                 allAreas[static_cast<std::size_t>(r % 6)]);
    }
    const int lastDay = 3652;
    b.history.logs.reserve(92000);
    for (int day = 0; day <= lastDay; ++day) {
        for (int r = 0; r < 12; ++r) {
            if ((day * 7 + r * 3) % 11 == 0) continue; // some days off
            const Who who = r % 3 == 0 ? Who::Both : (day % 2 == 0 ? Who::Partner1 : Who::Partner2);
            b.log("ritual-" + std::to_string(r), day, who);
            b.log("ritual-" + std::to_string(r), day, Who::Partner2);
            if ((day + r) % 2 == 0) b.log("ritual-" + std::to_string(r), day, Who::Partner1);
        }
    }
    b.goal("weekly", GoalPeriod::EveryWeek, 50, 0);
    b.goal("monthly", GoalPeriod::EveryMonth, 200, 0);
    b.goal("talk", GoalPeriod::EveryWeek, 10, 0, 0, GoalScope::Area);
    b.history.goals.back().area = Area::Talk;
    CHECK(b.history.logs.size() > 85000);

    const DerivedState derived = deriveAll(b.history, at(lastDay));
    const std::vector<AchievementDefinition> badges =
        parseAchievements(assetText("achievements.json"));
    // How fast this is lives in the benchmark, not here (README "Performance").
    const ProgressSnapshot snapshot = computeProgress(b.history, derived, shippedLevels(), badges);
    // Ten years of every ritual nearly every day climbs far up the ladder,
    // and the ladder still goes on (assets/levels.json).
    INFO(snapshot.level.xp << " XP");
    CHECK(snapshot.level.number >= 20);
    CHECK_FALSE(snapshot.level.topLevel);
    // Day 3652 is Sunday 1 March 2036: 522 weeks (Monday starts) and 121 months.
    CHECK(snapshot.goals.size() == 522 + 121 + 522);
}

TEST_CASE("celebrations: logging an earlier day does not celebrate the same streak twice") {
    HistoryBuilder b;
    b.ritual("hug", RitualMode::Together, Area::Touch);
    for (int day = 10; day <= 16; ++day)
        b.log("hug", day, Who::Both);
    const auto before = snapshotOf(b.history, 16);
    std::set<std::string> shown;
    for (const Milestone& m : milestonesOf(before))
        shown.insert(m.key);
    REQUIRE(shown.count("streak:7:" + formatDay(at(10))) == 1);

    // The couple remembers a hug the day before the run began.
    b.log("hug", 9, Who::Both);
    const auto after = snapshotOf(b.history, 16);
    for (const Milestone& m : newCelebrations(before, after, shown))
        CHECK(m.kind != Milestone::Kind::StreakMilestone);

    // A separate run later still earns its own week.
    for (int day = 20; day <= 26; ++day)
        b.log("hug", day, Who::Both);
    const auto later = snapshotOf(b.history, 26);
    const auto fresh = newCelebrations(after, later, shown);
    CHECK(std::any_of(fresh.begin(), fresh.end(),
                      [](const Milestone& m) { return m.key == "streak:7:" + formatDay(at(20)); }));
}

TEST_CASE("celebrations: a ritual's streak headline reads naturally with any name") {
    HistoryBuilder b;
    b.ritual("hug", RitualMode::Together).logDays("hug", 0, 364);
    b.history.rituals.back().name = "A hug before leaving";
    std::set<std::string> headlines;
    for (const Milestone& milestone : milestonesOf(snapshotOf(b.history, 364, {})))
        if (milestone.kind == Milestone::Kind::RitualStreakMilestone)
            headlines.insert(milestone.headline);
    for (const Milestone& milestone : milestonesOf(snapshotOf(b.history, 364, {})))
        if (milestone.kind == Milestone::Kind::RitualStreakMilestone)
            CHECK(milestone.detail == "Kept up since Monday, 2 March 2026. Little by little, it "
                                      "has become part of your days together.");
    CHECK(headlines == std::set<std::string>{"A hug before leaving: 30 days",
                                             "A hug before leaving: 100 days",
                                             "A hug before leaving: a whole year"});
}

TEST_CASE("celebrations: a milestone from the other computer names who logged it") {
    Couple couple;
    couple.partners[0].name = "Zoë";
    couple.partners[1].name = "Sam";
    Milestone milestone;
    milestone.day = *parseDay("2026-11-20");
    const auto logBy = [](Who who, const char* day) {
        Log log;
        log.who = who;
        log.day = *parseDay(day);
        return log;
    };
    CHECK(arrivedWith(milestone, {}, couple).empty());
    CHECK(arrivedWith(milestone, {logBy(Who::Partner2, "2026-11-20")}, couple) ==
          "Sam logged this on the other computer.");
    // The day's logs name it; an older log that came along does not.
    CHECK(arrivedWith(milestone,
                      {logBy(Who::Partner2, "2026-11-12"), logBy(Who::Partner1, "2026-11-20")},
                      couple) == "Zoë logged this on the other computer.");
    CHECK(arrivedWith(milestone,
                      {logBy(Who::Partner1, "2026-11-20"), logBy(Who::Partner2, "2026-11-20")},
                      couple) == "Zoë and Sam logged this on the other computer.");
    CHECK(arrivedWith(milestone, {logBy(Who::Both, "2026-11-20")}, couple) ==
          "Zoë and Sam logged this together on the other computer.");
    // No log of that day (a goal reached over the week): every log that came.
    CHECK(arrivedWith(milestone, {logBy(Who::Partner2, "2026-11-18")}, couple) ==
          "Sam logged this on the other computer.");
}
