#include "core/achievements.hpp"
#include "core/celebrations.hpp"
#include "core/derived.hpp"
#include "core/icons.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

using namespace kindling;
using namespace kindling::testing;

namespace {

AchievementDefinition rule(AchievementKind kind, int n = 1) {
    AchievementDefinition definition;
    definition.id = "test";
    definition.name = "Test";
    definition.description = "A test badge.";
    definition.icon = "star";
    definition.hint = "Do the thing.";
    definition.rule = {kind, n};
    return definition;
}

AchievementStatus statusAt(const History& history, const AchievementDefinition& definition,
                           int asOf) {
    const DerivedState derived = deriveAll(history, at(asOf));
    const ProgressSnapshot snapshot =
        computeProgress(history, derived, shippedLevels(), {definition});
    REQUIRE(snapshot.achievements.size() == 1);
    return snapshot.achievements[0];
}

// Locked as of the day before `day`, unlocked on `day`, and still dated `day` later.
void checkUnlocksOn(const History& history, const AchievementDefinition& definition, int day) {
    const AchievementStatus before = statusAt(history, definition, day - 1);
    CHECK_FALSE(before.unlocked);
    CHECK_FALSE(before.unlockedOn);
    const AchievementStatus on = statusAt(history, definition, day);
    CHECK(on.unlocked);
    CHECK(on.unlockedOn == at(day));
    CHECK(on.progress == on.target);
    CHECK(statusAt(history, definition, day + 30).unlockedOn == at(day));
}

const std::string validAchievements = R"({"version": 1, "achievements": [
    {"id": "first", "name": "First", "description": "The first one.", "icon": "fire",
     "hint": "Log anything.", "rule": {"kind": "first_log"}},
    {"id": "week", "name": "Week", "description": "Seven days.", "icon": "calendar",
     "hint": "Seven days in a row.", "rule": {"kind": "connection_streak", "n": 7}}
]})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t where = text.find(from);
    REQUIRE(where != std::string::npos);
    return text.replace(where, from.size(), to);
}

std::string errorFor(const std::string& from, const std::string& to) {
    const std::string json = replaced(validAchievements, from, to);
    return assetErrorOf([&] { parseAchievements(json); });
}

} // namespace

TEST_CASE("achievements: the shipped file parses and covers the product's badges") {
    const std::vector<AchievementDefinition> definitions =
        parseAchievements(assetText("achievements.json"));
    const std::vector<Level> levels = shippedLevels();
    std::set<std::pair<AchievementKind, int>> rules;
    for (const AchievementDefinition& definition : definitions) {
        INFO(definition.id);
        CHECK(iconCodepoint(definition.icon) != 0);
        CHECK_FALSE(definition.hint.empty());
        CHECK(definition.hint.find("haven't") == std::string::npos);
        CHECK(definition.hint.find("n't") == std::string::npos);
        if (definition.rule.kind == AchievementKind::Level)
            CHECK(definition.rule.n <= static_cast<int>(levels.size()));
        rules.emplace(definition.rule.kind, definition.rule.n);
    }
    const std::pair<AchievementKind, int> expected[] = {{AchievementKind::FirstLog, 1},
                                                        {AchievementKind::ConnectionStreak, 7},
                                                        {AchievementKind::ConnectionStreak, 30},
                                                        {AchievementKind::ConnectionStreak, 100},
                                                        {AchievementKind::ConnectionStreak, 365},
                                                        {AchievementKind::RitualLogs, 100},
                                                        {AchievementKind::AllAreas, 1},
                                                        {AchievementKind::BothSameDay, 10},
                                                        {AchievementKind::GoalsCompleted, 1},
                                                        {AchievementKind::GoalsCompleted, 5},
                                                        {AchievementKind::WelcomeBack, 1},
                                                        {AchievementKind::QuestionsAnswered, 10},
                                                        {AchievementKind::QuestionsAnswered, 50},
                                                        {AchievementKind::TotalLogs, 500},
                                                        {AchievementKind::Level, 5}};
    for (const auto& wanted : expected) {
        INFO(std::string(achievementKindName(wanted.first)) << " " << wanted.second);
        CHECK(rules.count(wanted) == 1);
    }
}

TEST_CASE("achievements: malformed files name what is wrong") {
    REQUIRE(parseAchievements(validAchievements).size() == 2);
    CHECK(parseAchievements(validAchievements)[1].rule.n == 7);
    CHECK(parseAchievements(validAchievements)[1].rule.kind == AchievementKind::ConnectionStreak);

    CHECK_THAT(
        errorFor(R"("kind": "first_log")", R"("kind": "first_hug")"),
        Catch::Contains("achievements[0] (id \"first\"): unknown \"rule.kind\" \"first_hug\""));
    CHECK_THAT(errorFor(R"(, "n": 7})", "}"),
               Catch::Contains("achievements[1] (id \"week\"): \"rule.n\" is missing"));
    CHECK_THAT(errorFor(R"("n": 7)", R"("n": 0)"),
               Catch::Contains("\"rule.n\" must be at least 1"));
    CHECK_THAT(errorFor(R"("n": 7)", R"("n": "seven")"),
               Catch::Contains("\"rule.n\" should be a whole number"));
    CHECK_THAT(errorFor(R"(, "rule": {"kind": "first_log"})", ""),
               Catch::Contains("achievements[0] (id \"first\"): \"rule\" is missing"));
    CHECK_THAT(errorFor(R"({"kind": "first_log"})", R"("first_log")"),
               Catch::Contains("\"rule\" should be an object"));
    CHECK_THAT(errorFor(R"({"kind": "first_log"})", R"({"n": 1})"),
               Catch::Contains("\"rule.kind\" is missing"));
    CHECK_THAT(errorFor(R"("icon": "fire")", R"("icon": "flame")"),
               Catch::Contains("achievements[0] (id \"first\"): unknown \"icon\" \"flame\""));
    CHECK_THAT(errorFor(R"("id": "week")", R"("id": "first")"),
               Catch::Contains("achievements[1] (id \"first\"): duplicate id"));
    CHECK_THAT(errorFor(R"("id": "week")", R"("id": "Week!")"),
               Catch::Contains("\"id\" may only use"));
    CHECK_THAT(errorFor(R"("hint": "Log anything.")", R"("hint": " ")"),
               Catch::Contains("achievements[0] (id \"first\"): \"hint\" is empty"));
    CHECK_THAT(errorFor(R"("description": "Seven days.", )", ""),
               Catch::Contains("achievements[1] (id \"week\"): \"description\" is missing"));
    CHECK_THAT(errorFor(R"("name": "First", )", ""), Catch::Contains("\"name\" is missing"));
    CHECK_THAT(errorFor(R"("version": 1)", R"("version": 2)"),
               Catch::Contains("achievements.json: \"version\" is 2"));
    CHECK_THAT(errorFor(R"("hint": "Log anything.",)", R"("hint": "Log anything.",,)"),
               Catch::Contains("achievements.json is not valid JSON at line 3"));
    CHECK_THAT(assetErrorOf([] { parseAchievements(R"({"version": 1, "achievements": []})"); }),
               Catch::Contains("\"achievements\" is empty"));
}

TEST_CASE("achievements: first_log") {
    HistoryBuilder b;
    b.ritual("r", RitualMode::Together).log("r", 5).log("r", 9);
    checkUnlocksOn(b.history, rule(AchievementKind::FirstLog), 5);
}

TEST_CASE("achievements: connection_streak") {
    HistoryBuilder b;
    b.ritual("r", RitualMode::Together).log("r", 0).logDays("r", 3, 5);
    checkUnlocksOn(b.history, rule(AchievementKind::ConnectionStreak, 3), 5);
    const AchievementStatus partway =
        statusAt(b.history, rule(AchievementKind::ConnectionStreak, 3), 4);
    CHECK(partway.progress == 2);
    CHECK(partway.target == 3);
}

TEST_CASE("achievements: ritual_logs counts one ritual") {
    HistoryBuilder b;
    b.ritual("a", RitualMode::Together).ritual("b", RitualMode::Together);
    b.log("a", 0).log("a", 1).log("a", 4);
    b.log("b", 0).log("b", 0).log("b", 1).log("a", 2);
    // "b" has its 3rd log on day 1, before "a" (day 2); 5 logs by day 1 do not count.
    checkUnlocksOn(b.history, rule(AchievementKind::RitualLogs, 3), 1);
    // "a" has its 4th on day 4; "b" never has 4.
    checkUnlocksOn(b.history, rule(AchievementKind::RitualLogs, 4), 4);
}

TEST_CASE("achievements: total_logs") {
    HistoryBuilder b;
    b.ritual("a", RitualMode::Together).ritual("b", RitualMode::Each);
    b.log("a", 0).log("b", 0).log("b", 3).log("a", 5).log("a", 6);
    checkUnlocksOn(b.history, rule(AchievementKind::TotalLogs, 4), 5);
}

TEST_CASE("achievements: all_areas") {
    HistoryBuilder b;
    b.ritual("connection", RitualMode::Together, Area::Connection)
        .ritual("appreciation", RitualMode::Each, Area::Appreciation)
        .ritual("touch", RitualMode::Together, Area::Touch)
        .ritual("talk", RitualMode::Together, Area::Talk)
        .ritual("repair", RitualMode::Together, Area::Repair)
        .ritual("fun", RitualMode::Together, Area::Fun)
        .ritual("fun-too", RitualMode::Together, Area::Fun);
    b.log("connection", 0).log("appreciation", 1).log("touch", 2).log("talk", 3).log("repair", 4);
    b.log("fun-too", 9).log("fun", 12);
    checkUnlocksOn(b.history, rule(AchievementKind::AllAreas), 9);
    const AchievementStatus partway = statusAt(b.history, rule(AchievementKind::AllAreas), 8);
    CHECK(partway.progress == 5);
    CHECK(partway.target == 6);
}

TEST_CASE("achievements: both_same_day") {
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each).ritual("walk", RitualMode::Together);
    b.log("thanks", 0, Who::Partner1);
    b.log("thanks", 1, Who::Partner1).log("walk", 1, Who::Partner2); // first both-day
    b.log("thanks", 2, Who::Partner2);
    b.log("walk", 3, Who::Both); // second
    checkUnlocksOn(b.history, rule(AchievementKind::BothSameDay, 2), 3);
    CHECK(statusAt(b.history, rule(AchievementKind::BothSameDay, 2), 2).progress == 1);
}

TEST_CASE("achievements: goals_completed") {
    HistoryBuilder b;
    b.ritual("r", RitualMode::Together);
    b.goal("one", GoalPeriod::Custom, 2, 0, 10).goal("two", GoalPeriod::Custom, 1, 4, 10);
    b.goal("never", GoalPeriod::Custom, 50, 0, 10);
    b.log("r", 1).log("r", 4).log("r", 2); // "one" is done on day 2, "two" on day 4
    checkUnlocksOn(b.history, rule(AchievementKind::GoalsCompleted, 1), 2);
    checkUnlocksOn(b.history, rule(AchievementKind::GoalsCompleted, 2), 4);
    CHECK_FALSE(statusAt(b.history, rule(AchievementKind::GoalsCompleted, 3), 40).unlocked);
}

TEST_CASE("achievements: welcome_back after 7 days without logs or pauses") {
    const AchievementDefinition welcome = rule(AchievementKind::WelcomeBack);
    SECTION("a 7-day break") {
        HistoryBuilder b;
        b.ritual("r", RitualMode::Together).log("r", 0).log("r", 8); // days 1..7 empty
        checkUnlocksOn(b.history, welcome, 8);
        CHECK(welcomeBackDays(b.history, at(20)) == std::vector<Day>{at(8)});
    }
    SECTION("a 6-day break is just a quiet week") {
        HistoryBuilder b;
        b.ritual("r", RitualMode::Together).log("r", 0).log("r", 7);
        CHECK_FALSE(statusAt(b.history, welcome, 20).unlocked);
        CHECK(welcomeBackDays(b.history, at(20)).empty());
    }
    SECTION("a pause covering part of it") {
        HistoryBuilder b;
        b.ritual("r", RitualMode::Together).log("r", 0).log("r", 10).pause(3, 5);
        // Days 1..9 empty, 3 of them paused: 6 days of break.
        CHECK_FALSE(statusAt(b.history, welcome, 20).unlocked);
        b.history.pauses[0].last = at(4); // 7 unpaused days
        checkUnlocksOn(b.history, welcome, 10);
    }
    SECTION("the first log is not a return") {
        HistoryBuilder b;
        b.ritual("r", RitualMode::Together).log("r", 30);
        CHECK_FALSE(statusAt(b.history, welcome, 40).unlocked);
    }
    SECTION("every return is listed") {
        HistoryBuilder b;
        b.ritual("r", RitualMode::Together).log("r", 0).log("r", 10).log("r", 11).log("r", 30);
        CHECK(welcomeBackDays(b.history, at(40)) == std::vector<Day>{at(10), at(30)});
        CHECK(welcomeBackDays(b.history, at(29)) == std::vector<Day>{at(10)});
    }
}

TEST_CASE("achievements: questions_answered counts the question ritual") {
    HistoryBuilder b;
    b.ritual("q", RitualMode::Together, Area::Talk, "question-of-the-night")
        .ritual("walk", RitualMode::Together);
    b.log("walk", 0).log("walk", 1).log("q", 2, Who::Both).log("walk", 3).log("q", 5);
    checkUnlocksOn(b.history, rule(AchievementKind::QuestionsAnswered, 2), 5);
}

TEST_CASE("achievements: level") {
    // One partner-1 log every other day: 10 XP each, no streak bonus. Ember
    // (level 2) needs 100 XP: the 10th log, on day 18.
    HistoryBuilder b;
    b.ritual("thanks", RitualMode::Each);
    for (int day = 0; day <= 40; day += 2)
        b.log("thanks", day);
    checkUnlocksOn(b.history, rule(AchievementKind::Level, 2), 18);
    CHECK(statusAt(b.history, rule(AchievementKind::Level, 3), 17).progress == 1);
    // A level the ladder does not have stays locked.
    CHECK_FALSE(statusAt(b.history, rule(AchievementKind::Level, 99), 40).unlocked);
}

TEST_CASE("achievements: nothing unlocks on an empty history") {
    const std::vector<AchievementDefinition> definitions =
        parseAchievements(assetText("achievements.json"));
    const DerivedState derived = deriveAll(History{}, at(0));
    const ProgressSnapshot snapshot =
        computeProgress(History{}, derived, shippedLevels(), definitions);
    REQUIRE(snapshot.achievements.size() == definitions.size());
    for (const AchievementStatus& status : snapshot.achievements) {
        INFO(status.definition.id);
        CHECK_FALSE(status.unlocked);
        // Everyone starts at level 1: "1 of 5" on the way to level 5.
        CHECK(status.progress == (status.definition.rule.kind == AchievementKind::Level ? 1 : 0));
    }
}
