#include "cli_runner.hpp"
#include "store/store.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <sstream>
#include <rapidjson/document.h>

using namespace kindling;
using testing::TempDataDir;

namespace {

rapidjson::Document json(const std::string& text) {
    rapidjson::Document document;
    document.Parse(text.c_str());
    REQUIRE_FALSE(document.HasParseError());
    return document;
}

const rapidjson::Value& ritualNamed(const rapidjson::Document& stats, const std::string& name) {
    for (const auto& ritual : stats["rituals"].GetArray())
        if (name == ritual["name"].GetString()) return ritual;
    FAIL("no ritual " << name);
    throw std::logic_error("unreachable");
}

void setUpCouple(const TempDataDir& dir) {
    REQUIRE(dir.run({"couple", "set", "--partner1", "Zoë 🌻", "--partner2", "Sam"}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Morning coffee"}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Thank you", "--mode", "each", "--area", "appreciation"})
                .exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Walk", "--times", "3", "--per", "7", "--measure", "minutes",
                     "--target", "20", "--at-least"})
                .exitCode == 0);
}

} // namespace

TEST_CASE("the version and the help are printed") {
    TempDataDir dir;
    const auto version = dir.run({"--version"});
    CHECK(version.exitCode == 0);
    CHECK(version.out.rfind("kindling ", 0) == 0);
    const auto help = dir.run({"--help"});
    CHECK(help.exitCode == 0);
    for (const char* word : {"--data-dir", "--screenshot", "--window-size", "log", "stats", "demo"})
        CHECK(help.out.find(word) != std::string::npos);
}

TEST_CASE("a week of logging shows up in stats --json") {
    TempDataDir dir;
    setUpCouple(dir);
    // Coffee together every day of a week, in one command.
    std::vector<std::string> logCoffee{"log", "morning coffee"};
    for (int d = 15; d <= 21; ++d) {
        logCoffee.push_back("--date");
        logCoffee.push_back("2026-11-" + std::to_string(d));
    }
    REQUIRE(dir.run(logCoffee).exitCode == 0);
    REQUIRE(dir.run({"log", "Thank you", "--date", "2026-11-21", "--by", "zoë 🌻"}).exitCode == 0);
    REQUIRE(dir.run({"log", "Thank you", "--date", "2026-11-21", "--by", "Sam", "--note",
                     "For the \"soup\"\nand the tea"})
                .exitCode == 0);
    REQUIRE(dir.run({"log", "Walk", "--date", "2026-11-20", "--amount", "35"}).exitCode == 0);

    const auto result = dir.run({"stats", "--json", "--as-of", "2026-11-21"});
    REQUIRE(result.exitCode == 0);
    const auto stats = json(result.out);
    CHECK(std::string(stats["as_of"].GetString()) == "2026-11-21");
    CHECK(stats["couple"]["connection_streak"]["current"].GetInt() == 7);
    CHECK(std::string(stats["couple"]["partners"][0].GetString()) == "Zoë 🌻");

    const auto& coffee = ritualNamed(stats, "Morning coffee");
    CHECK(coffee["total_logs"].GetInt() == 7);
    // Seven daily logs from zero: 1 - m^7 with the daily multiplier m = 0.5^(1/13).
    CHECK(coffee["strength"].GetDouble() == Approx(1 - std::pow(0.5, 7.0 / 13)).margin(1e-9));
    CHECK(coffee["strengths"].Size() == 7);
    CHECK(coffee["current_streak"]["length"].GetInt() == 7);
    CHECK(coffee["best_streak"]["length"].GetInt() == 7);
    CHECK(coffee["measure"].IsNull());
    // Opening a file with rituals took today's automatic backup.
    bool dailyBackup = false;
    for (const auto& entry : std::filesystem::directory_iterator(dir.data() / "backups"))
        dailyBackup |= entry.path().filename().string().rfind("kindling-daily-", 0) == 0;
    CHECK(dailyBackup);
    CHECK(coffee["frequency"]["times"].GetInt() == 1);

    const auto& thanks = ritualNamed(stats, "Thank you");
    CHECK(std::string(thanks["mode"].GetString()) == "each");
    REQUIRE(thanks.HasMember("partners"));
    CHECK(thanks["partners"]["Sam"]["total_logs"].GetInt() == 1);
    CHECK(thanks["partners"]["Zoë 🌻"]["current_streak"]["length"].GetInt() == 1);
    // Both thanked each other that day, so the couple kept it too.
    CHECK(thanks["current_streak"]["length"].GetInt() == 1);

    const auto& walk = ritualNamed(stats, "Walk");
    CHECK(std::string(walk["measure"]["unit"].GetString()) == "minutes");
    CHECK(walk["frequency"]["per_days"].GetInt() == 7);
}

TEST_CASE("unlog, skip and pause keep the numbers honest") {
    TempDataDir dir;
    setUpCouple(dir);
    REQUIRE(dir.run({"log", "Morning coffee", "--date", "2026-11-19", "--date", "2026-11-21"})
                .exitCode == 0);
    REQUIRE(dir.run({"skip", "Morning coffee", "--date", "2026-11-20"}).exitCode == 0);
    auto stats = json(dir.run({"stats", "--json", "--as-of", "2026-11-21"}).out);
    CHECK(ritualNamed(stats, "Morning coffee")["current_streak"]["length"].GetInt() == 3);

    const auto unlog = dir.run({"unlog", "Morning coffee", "--date", "2026-11-21"});
    CHECK(unlog.exitCode == 0);
    CHECK(unlog.out.find("Removed 1 log") != std::string::npos);
    stats = json(dir.run({"stats", "--json", "--as-of", "2026-11-21"}).out);
    CHECK(ritualNamed(stats, "Morning coffee")["total_logs"].GetInt() == 1);

    REQUIRE(dir.run({"pause", "--from", "2026-11-20", "--to", "2026-11-24", "--reason", "Travel"})
                .exitCode == 0);
    stats = json(dir.run({"stats", "--json", "--as-of", "2026-11-23"}).out);
    // 19th logged, 20th-23rd paused: the connection streak is alive and counts them.
    CHECK(stats["couple"]["connection_streak"]["current"].GetInt() == 5);
}

TEST_CASE("goals can be set for a ritual, an area or anything") {
    TempDataDir dir;
    setUpCouple(dir);
    CHECK(dir.run({"goal", "add", "Twenty walks", "--target", "20", "--ritual", "walk", "--month",
                   "--reward", "Dinner at our place"})
              .exitCode == 0);
    CHECK(
        dir.run({"goal", "add", "Say thanks", "--target", "14", "--area", "appreciation", "--week"})
            .exitCode == 0);
    CHECK(dir.run({"goal", "add", "Fifty of anything", "--target", "50", "--any", "--from",
                   "2026-12-01", "--to", "2026-12-31"})
              .exitCode == 0);
    const auto bad = dir.run({"goal", "add", "Nothing", "--target", "5", "--week"});
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("--any") != std::string::npos);
}

TEST_CASE("ritual list, weekday and at-most rituals, a both log of an each ritual, plain stats") {
    TempDataDir dir;
    setUpCouple(dir);
    REQUIRE(dir.run({"ritual", "add", "Yoga", "--weekdays", "mon,wed,fri"}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Phones in bed", "--measure", "minutes", "--target", "20",
                     "--at-most"})
                .exitCode == 0);
    // 2026-11-20 is a Friday.
    REQUIRE(dir.run({"log", "Yoga", "--date", "2026-11-20"}).exitCode == 0);
    REQUIRE(dir.run({"log", "Phones in bed", "--date", "2026-11-20", "--amount", "10"}).exitCode ==
            0);
    REQUIRE(dir.run({"log", "Thank you", "--date", "2026-11-20", "--by", "both"}).exitCode == 0);

    const auto list = dir.run({"ritual", "list"});
    REQUIRE(list.exitCode == 0);
    CHECK(list.out.find("Yoga  (on chosen weekdays, together)") != std::string::npos);
    CHECK(list.out.find("Thank you  (daily, each)") != std::string::npos);
    const auto listed = json(dir.run({"ritual", "list", "--json"}).out);
    REQUIRE(listed.IsArray());
    CHECK(listed.Size() == 5);

    const auto stats = json(dir.run({"stats", "--json", "--as-of", "2026-11-20"}).out);
    const auto& yoga = ritualNamed(stats, "Yoga");
    CHECK(yoga["frequency"]["weekdays"].IsArray());
    CHECK(yoga["current_streak"]["length"].GetInt() == 1);
    const auto& phones = ritualNamed(stats, "Phones in bed");
    CHECK(std::string(phones["measure"]["kind"].GetString()) == "at_most");
    // At most: 10 of 20 minutes is a success from the first day.
    CHECK(phones["strength"].GetDouble() == Approx(1.0));
    CHECK(phones["current_streak"]["length"].GetInt() == 1);
    // One "both" log of an each ritual counts for each partner, so the couple kept it.
    const auto& thanks = ritualNamed(stats, "Thank you");
    CHECK(thanks["partners"]["Zoë 🌻"]["total_logs"].GetInt() == 1);
    CHECK(thanks["partners"]["Sam"]["total_logs"].GetInt() == 1);
    CHECK(thanks["current_streak"]["length"].GetInt() == 1);

    const auto plain = dir.run({"stats", "--as-of", "2026-11-20"});
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.out.find("Kindling for Zoë 🌻 and Sam, as of Friday, 20 November 2026") !=
          std::string::npos);
    CHECK(plain.out.find("Connection streak: 1 day (best 1)") != std::string::npos);
    CHECK(plain.out.find("Level 1 (Spark)") != std::string::npos);

    // The table stays a table: a long name is cut, and a ritual done when it
    // helps has its "logs" where the others have theirs.
    const std::string longName = "Évening walk by the river, slowly, whatever the weather";
    REQUIRE(dir.run({"ritual", "add", longName}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Slow dance", "--when-it-helps"}).exitCode == 0);
    const std::string table = dir.run({"stats", "--as-of", "2026-11-20"}).out;
    CHECK(table.find("Évening walk by the river, slow…") != std::string::npos);
    CHECK(table.find(longName) == std::string::npos);
    std::set<std::size_t> logsAt;
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);)
        if (const auto at = line.find("  logs "); at != std::string::npos)
            logsAt.insert(utf8Length(line.substr(0, at)).value_or(0));
    CHECK(logsAt.size() == 1);
    CHECK(table.find("when it helps") != std::string::npos);
}

TEST_CASE("a goal's progress and completion, XP and badges, read back from stats --json") {
    TempDataDir dir;
    setUpCouple(dir);
    REQUIRE(dir.run({"goal", "add", "Three coffees", "--target", "3", "--ritual", "morning coffee",
                     "--from", "2026-11-16", "--to", "2026-11-22", "--reward", "Croissants"})
                .exitCode == 0);
    REQUIRE(dir.run({"log", "Morning coffee", "--date", "2026-11-16", "--date", "2026-11-17"})
                .exitCode == 0);
    auto stats = json(dir.run({"stats", "--json", "--as-of", "2026-11-17"}).out);
    REQUIRE(stats["goals"].Size() == 1);
    const auto& goal = stats["goals"][0];
    CHECK(std::string(goal["title"].GetString()) == "Three coffees");
    CHECK(goal["target"].GetInt() == 3);
    CHECK(goal["progress"].GetInt() == 2);
    CHECK_FALSE(goal["completed"].GetBool());
    const int xpBefore = stats["couple"]["xp"].GetInt();
    CHECK(xpBefore > 0);

    const auto reached = dir.run({"log", "Morning coffee", "--date", "2026-11-18"});
    REQUIRE(reached.exitCode == 0);
    CHECK(reached.out.find("Goal reached: Three coffees") != std::string::npos);
    stats = json(dir.run({"stats", "--json", "--as-of", "2026-11-18"}).out);
    CHECK(stats["goals"][0]["progress"].GetInt() == 3);
    CHECK(stats["goals"][0]["completed"].GetBool());
    CHECK(std::string(stats["goals"][0]["completed_on"].GetString()) == "2026-11-18");
    // A log and a goal reached only ever add XP.
    CHECK(stats["couple"]["xp"].GetInt() > xpBefore);
    CHECK(stats["couple"]["xp_into_level"].GetInt() +
              stats["couple"]["xp_for_next_level"].GetInt() >
          0);
    bool promiseKept = false;
    for (const auto& badge : stats["achievements"].GetArray())
        if (std::string(badge["id"].GetString()) == "promise-kept")
            promiseKept = std::string(badge["unlocked"].GetString()) == "2026-11-18";
    CHECK(promiseKept);
}

TEST_CASE("bad input names the argument, exits 2 and changes nothing") {
    TempDataDir dir;
    setUpCouple(dir);
    REQUIRE(dir.run({"log", "Morning coffee", "--date", "2026-11-20"}).exitCode == 0);
    const std::string before = dir.run({"stats", "--json", "--as-of", "2026-11-21"}).out;

    struct Case {
        std::vector<std::string> arguments;
        std::string mentions;
    };
    const std::vector<Case> cases{
        {{"log", "Dancing", "--date", "2026-11-21"}, "no ritual called \"Dancing\""},
        {{"log", "Thank you", "--date", "2026-11-21", "--by", "Robin"}, "--by"},
        {{"log", "Thank you", "--date", "2026-11-21"}, "--by"},
        {{"log", "Morning coffee", "--date", "2026-02-30"}, "2026-02-30"},
        {{"log", "Morning coffee", "--date", "21/11/2026"}, "--date"},
        // One bad day among good ones: none of them is logged.
        {{"log", "Morning coffee", "--date", "2026-11-18", "--date", "2026-13-01"}, "2026-13-01"},
        {{"log", "Walk", "--date", "2026-11-21", "--amount", "-5"}, "--amount"},
        {{"log", "Walk", "--date", "2026-11-21"}, "--amount"},
        {{"log", "Morning coffee", "--date", "2026-11-21", "--amount", "3"}, "no measure"},
        {{"ritual", "add", "Too often", "--times", "8", "--per", "7"}, "--times"},
        {{"ritual", "add", "Never", "--times", "0", "--per", "7"}, "--times"},
        {{"ritual", "add", "Run", "--measure", "km", "--target", "-1", "--at-least"}, "--target"},
        {{"ritual", "add", "   "}, "empty"},
        {{"ritual", "add", std::string(81, 'x')}, "at most 80"},
        {{"ritual", "add", "Morning Coffee"}, "already"},
        {{"ritual", "add", "Bad", "--weekdays", "mon,funday"}, "funday"},
        {{"couple", "set", "--partner1", ""}, "--partner1"},
        {{"couple", "set", "--partner1", "Sam"}, "different"},
        {{"pause", "--from", "2026-11-22", "--to", "2026-11-20", "--reason", "Trip"}, "--to"},
        {{"stats", "--as-of", "yesterday"}, "--as-of"},
        // Days an export could not bring back, and one day named twice.
        {{"log", "Morning coffee", "--date", "9999-12-31"}, "outside the dates Kindling keeps"},
        {{"log", "Morning coffee", "--date", "1969-12-31"}, "1969-12-31 is outside"},
        {{"log", "Morning coffee", "--date", "2026-11-19", "--date", "2026-11-19"}, "given twice"},
        {{"skip", "Morning coffee", "--date", "2026-11-19", "--date", "2026-11-19"}, "given twice"},
        {{"pause", "--from", "1969-12-30", "--to", "1970-01-02", "--reason", "Trip"}, "--from"},
        {{"pause", "--from", "2026-11-22", "--to", "2026-11-23", "--reason", " "}, "--reason"},
        {{"log", "Walk", "--date", "2026-11-21", "--amount", "1e400"}, "too large a number"},
        {{"demo"}, "already holds"},
        // A command group alone names what it can do, and its own help.
        {{"couple"}, "kindling couple needs one of: "},
        {{"ritual"}, "Run 'kindling ritual --help'"},
        {{"ritual", "add"}, "Run 'kindling ritual add --help'"},
    };
    for (const Case& c : cases) {
        std::string commandLine;
        for (const auto& argument : c.arguments)
            commandLine += argument + " ";
        INFO(commandLine);
        const auto result = dir.run(c.arguments);
        CHECK(result.exitCode == 2);
        CHECK(result.err.find(c.mentions) != std::string::npos);
    }
    CHECK(dir.run({"stats", "--json", "--as-of", "2026-11-21"}).out == before);
}

TEST_CASE("a second Kindling on the same data file is told so") {
    TempDataDir dir;
    setUpCouple(dir);
    const Store holder = Store::open(DataLocation{dir.data()});
    const auto result = dir.run({"log", "Morning coffee", "--date", "2026-11-21"});
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("already open") != std::string::npos);
    CHECK(holder.loadHistory().logs.empty());
}

TEST_CASE("demo fills an empty folder reproducibly") {
    TempDataDir first, second;
    REQUIRE(first.run({"demo", "--years", "1", "--seed", "5"}).exitCode == 0);
    REQUIRE(second.run({"demo", "--years", "1", "--seed", "5"}).exitCode == 0);
    const auto a = first.run({"stats", "--json", "--as-of", "2026-11-01"});
    const auto b = second.run({"stats", "--json", "--as-of", "2026-11-01"});
    REQUIRE(a.exitCode == 0);
    CHECK(a.out == b.out);
    const auto stats = json(a.out);
    CHECK(stats["rituals"].Size() == 12);
    CHECK(stats["couple"]["connection_streak"]["best"].GetInt() > 0);
}

TEST_CASE("demo keeps the names the couple already gave") {
    TempDataDir dir;
    REQUIRE(dir.run({"couple", "set", "--partner1", "Zoë", "--partner2", "Sam"}).exitCode == 0);
    const auto made = dir.run({"demo", "--years", "1"});
    REQUIRE(made.exitCode == 0);
    CHECK_THAT(made.out, Catch::Matchers::EndsWith("for Zoë and Sam.\n"));
    const auto stats = json(dir.run({"stats", "--json"}).out);
    CHECK(std::string(stats["couple"]["partners"][0].GetString()) == "Zoë");
    CHECK(std::string(stats["couple"]["partners"][1].GetString()) == "Sam");
}

TEST_CASE("demo --dense is the stress pace, and --help says so") {
    TempDataDir realistic, dense;
    const auto logsCreated = [](const std::string& out) {
        REQUIRE(out.rfind("Created ", 0) == 0);
        return std::stol(out.substr(8));
    };
    const auto a = realistic.run({"demo", "--years", "1"});
    const auto b = dense.run({"demo", "--years", "1", "--dense"});
    REQUIRE(a.exitCode == 0);
    REQUIRE(b.exitCode == 0);
    // About 24 logs a day against about 5 (core/demo.hpp).
    CHECK(logsCreated(b.out) > 7000);
    CHECK(logsCreated(b.out) > 4 * logsCreated(a.out));
    const auto help = dense.run({"demo", "--help"});
    CHECK(help.out.find("--dense") != std::string::npos);
}

TEST_CASE("a milestone is announced once, by the command that reached it") {
    TempDataDir dir;
    REQUIRE(dir.run({"ritual", "add", "Hug"}).exitCode == 0);
    // A first log long before: the first week's starter freeze (docs/scoring.md
    // §4.3) covers the day after it, and then that first run is over.
    const auto first = dir.run({"log", "Hug", "--date", "2026-11-01"});
    REQUIRE(first.exitCode == 0);
    CHECK(first.out.find("First Spark") != std::string::npos);
    std::vector<std::string> week{"log", "Hug"};
    for (int d = 14; d <= 19; ++d) {
        week.push_back("--date");
        week.push_back("2026-11-" + std::to_string(d));
    }
    const auto sixDays = dir.run(week);
    REQUIRE(sixDays.exitCode == 0);
    CHECK(sixDays.out.find("7 days of connection") == std::string::npos);

    const auto seventh = dir.run({"log", "Hug", "--date", "2026-11-20"});
    CHECK(seventh.out.find("7 days of connection") != std::string::npos);

    // Undo and redo in separate runs: the moment was already shared.
    REQUIRE(dir.run({"unlog", "Hug", "--date", "2026-11-20"}).exitCode == 0);
    const auto again = dir.run({"log", "Hug", "--date", "2026-11-20"});
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("7 days of connection") == std::string::npos);
    CHECK(again.out.find("First Spark") == std::string::npos);
}

TEST_CASE("an \"at least 0\" ritual is accepted, and an \"at most\" one starts at full strength") {
    TempDataDir dir;
    REQUIRE(dir.run({"ritual", "add", "Walk, any length", "--measure", "minutes", "--target", "0",
                     "--at-least"})
                .exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Phones in bed", "--measure", "minutes", "--target", "20",
                     "--at-most"})
                .exitCode == 0);
    REQUIRE(
        dir.run({"log", "Walk, any length", "--date", "2026-11-20", "--amount", "0"}).exitCode ==
        0);

    const auto result = dir.run({"stats", "--json", "--as-of", "2026-11-21"});
    REQUIRE(result.exitCode == 0);
    const auto stats = json(result.out);
    const auto& walk = ritualNamed(stats, "Walk, any length");
    CHECK(walk["measure"]["target"].GetDouble() == 0.0);
    // docs/scoring.md §2: p = 1 on both days, so 1 - m^2 with m = 0.5^(1/13).
    CHECK(walk["strength"].GetDouble() == Approx(1 - std::pow(0.5, 2.0 / 13)).margin(1e-9));
    CHECK(walk["streaks"].Size() == 1);
    // Nothing logged yet: every day so far was within the limit.
    const auto& phones = ritualNamed(stats, "Phones in bed");
    CHECK(phones["strength"].GetDouble() == 1.0);
    CHECK(phones["strengths"].Size() == 0);
    CHECK(phones["current_streak"].IsNull());
    CHECK(stats["couple"]["strength"].GetDouble() ==
          Approx((1 + 1 - std::pow(0.5, 2.0 / 13)) / 2).margin(1e-9));
}
