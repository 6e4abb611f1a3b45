#include "core/derived.hpp"
#include "progress_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace kindling;
using namespace kindling::testing;

namespace {

void requireSameSeries(const SeriesResult& a, const SeriesResult& b) {
    CHECK(a.firstDay == b.firstDay);
    CHECK(a.statesFrom == b.statesFrom);
    CHECK(a.strengths == b.strengths); // exact: the same additions in the same order
    CHECK(a.states == b.states);
    CHECK(a.asOfHasEntry == b.asOfHasEntry);
    REQUIRE(a.streaks.size() == b.streaks.size());
    for (std::size_t i = 0; i < a.streaks.size(); ++i) {
        CHECK(a.streaks[i].start == b.streaks[i].start);
        CHECK(a.streaks[i].length == b.streaks[i].length);
    }
}

std::vector<std::pair<Day, Who>> flattened(const std::vector<LoggedDay>& logs) {
    std::vector<std::pair<Day, Who>> result;
    for (const LoggedDay& log : logs)
        result.emplace_back(log.day, log.who);
    return result;
}

// What updateRitual keeps must be what deriveAll would compute from scratch.
void requireSameAsFresh(const DerivedState& updated, const History& history) {
    const DerivedState fresh = deriveAll(history, updated.asOf);
    CHECK(updated.coupleStrength == fresh.coupleStrength);
    CHECK(updated.logsPerDay == fresh.logsPerDay);
    REQUIRE(updated.rituals.size() == fresh.rituals.size());
    for (const auto& [id, stats] : fresh.rituals) {
        INFO("ritual " << id);
        REQUIRE(updated.rituals.count(id) == 1);
        const RitualStats& mine = updated.rituals.at(id);
        CHECK(mine.totalLogs == stats.totalLogs);
        requireSameSeries(mine.couple, stats.couple);
        REQUIRE(mine.partners.has_value() == stats.partners.has_value());
        if (stats.partners)
            for (std::size_t p = 0; p < 2; ++p)
                requireSameSeries((*mine.partners)[p], (*stats.partners)[p]);
    }
    REQUIRE(updated.logsByRitual.size() == fresh.logsByRitual.size());
    for (const auto& [id, logs] : fresh.logsByRitual) {
        INFO("logs of " << id);
        REQUIRE(updated.logsByRitual.count(id) == 1);
        CHECK(flattened(updated.logsByRitual.at(id)) == flattened(logs));
    }
    const auto runsOf = [](const DerivedState& state) {
        std::vector<std::pair<Day, int>> runs;
        for (const ConnectionRun& run : state.connection.runs)
            runs.emplace_back(run.start, run.length);
        return runs;
    };
    CHECK(runsOf(updated) == runsOf(fresh));
    CHECK(updated.connection.freezesBanked == fresh.connection.freezesBanked);
    CHECK(updated.connection.frozenDays == fresh.connection.frozenDays);

    CHECK(updated.tally == fresh.tally);
}

} // namespace

TEST_CASE("derived: updating one ritual gives what deriving everything gives") {
    HistoryBuilder b;
    b.ritual("coffee", RitualMode::Together).ritual("thanks", RitualMode::Each);
    b.ritual("walk", RitualMode::Together);
    b.history.rituals.back().measure = Measure{MeasureKind::AtLeast, 20.0};
    b.logDays("coffee", 0, 30, Who::Both).logDays("thanks", 5, 25, Who::Partner1);
    b.logDays("thanks", 10, 28, Who::Partner2).logDays("walk", 3, 9).log("walk", 33);
    for (Log& log : b.history.logs)
        if (log.ritualId == "walk") log.amount = 12.5;
    b.pause(40, 44);
    const Day asOf = at(50);
    DerivedState state = deriveAll(b.history, asOf);
    requireSameAsFresh(state, b.history);

    SECTION("a log on a day nobody had logged yet") {
        b.log("coffee", 47, Who::Partner2);
        updateRitual(state, b.history, "coffee");
        CHECK(state.logsPerDay.at(at(47)) == 1);
        requireSameAsFresh(state, b.history);
    }
    SECTION("a second amount on the same day adds up") {
        b.log("walk", 9);
        b.history.logs.back().amount = 7.5;
        updateRitual(state, b.history, "walk");
        requireSameAsFresh(state, b.history);
    }
    SECTION("removing the only log of a day takes the day out") {
        std::erase_if(b.history.logs,
                      [](const Log& log) { return log.ritualId == "walk" && log.day == at(33); });
        REQUIRE(state.logsPerDay.at(at(33)) == 1);
        updateRitual(state, b.history, "walk");
        CHECK(state.logsPerDay.count(at(33)) == 0);
        requireSameAsFresh(state, b.history);
    }
    SECTION("removing every log of a ritual") {
        std::erase_if(b.history.logs, [](const Log& log) { return log.ritualId == "thanks"; });
        updateRitual(state, b.history, "thanks");
        CHECK(state.logsByRitual.count("thanks") == 0);
        requireSameAsFresh(state, b.history);
    }
    SECTION("a skip, and a log after asOf") {
        b.history.skips.push_back(Skip{"skip-1", "coffee", at(35)});
        b.log("coffee", 60);
        updateRitual(state, b.history, "coffee");
        requireSameAsFresh(state, b.history);
    }
    SECTION("a ritual that leaves the history keeps its logs in the connection streak") {
        b.history.rituals.erase(b.history.rituals.begin());
        updateRitual(state, b.history, "coffee");
        CHECK(state.rituals.count("coffee") == 0);
        CHECK(state.logsByRitual.count("coffee") == 1);
        requireSameAsFresh(state, b.history);
    }
    SECTION("logs of an unknown ritual") {
        b.log("gone", 45).log("gone", 46);
        updateRitual(state, b.history, "gone");
        CHECK(state.logsPerDay.at(at(45)) == 1);
        requireSameAsFresh(state, b.history);
    }
    SECTION("a new ritual with logs out of day order") {
        b.ritual("hug", RitualMode::Each);
        b.log("hug", 20, Who::Both).log("hug", 12).log("hug", 20, Who::Partner2).log("hug", 2);
        updateRitual(state, b.history, "hug");
        requireSameAsFresh(state, b.history);
    }
}

TEST_CASE("derived: logging and unlogging read only the logs that changed") {
    HistoryBuilder b;
    b.ritual("coffee", RitualMode::Together).ritual("thanks", RitualMode::Each);
    b.ritual("walk", RitualMode::Together);
    b.history.rituals.back().measure = Measure{MeasureKind::AtLeast, 2e16};
    b.logDays("coffee", 0, 30, Who::Both).logDays("thanks", 5, 25, Who::Partner1);
    // Amounts on one day whose sum depends on the order they are added in:
    // 1 + 1 + 1e16 is 1e16 + 2, 1e16 + 1 + 1 is 1e16.
    for (const double amount : {1.0, 1e16, 1.0}) {
        b.log("walk", 12);
        b.history.logs.back().amount = amount;
    }
    const Day asOf = at(40);
    DerivedState state = deriveAll(b.history, asOf);

    SECTION("a log appended") {
        b.log("thanks", 40, Who::Partner2);
        updateLogs(state, b.history, {b.history.logs.back()}, {});
        CHECK(state.rituals.at("thanks").totalLogs == 22);
        requireSameAsFresh(state, b.history);
    }
    SECTION("one of several amounts of a day taken away, then logged again") {
        const Log middle = b.history.logs[b.history.logs.size() - 2];
        REQUIRE(middle.amount == 1e16);
        b.history.logs.erase(b.history.logs.end() - 2);
        updateLogs(state, b.history, {}, {middle});
        requireSameAsFresh(state, b.history);
        b.history.logs.push_back(middle);
        updateLogs(state, b.history, {middle}, {});
        requireSameAsFresh(state, b.history);
    }
    SECTION("logs of several rituals and of an unknown one, in one go") {
        std::vector<Log> added;
        for (const char* ritual : {"coffee", "walk", "gone"}) {
            b.log(ritual, 35, Who::Partner1);
            b.history.logs.back().amount = 4.0;
            added.push_back(b.history.logs.back());
        }
        updateLogs(state, b.history, added, {});
        CHECK(state.logsPerDay.at(at(35)) == 3);
        requireSameAsFresh(state, b.history);
    }
    SECTION("a removed log the state never had falls back to reading the history") {
        Log stranger;
        stranger.id = "never-logged";
        stranger.ritualId = "coffee";
        stranger.day = at(3);
        stranger.who = Who::Partner2;
        b.log("coffee", 33);
        updateLogs(state, b.history, {b.history.logs.back()}, {stranger});
        requireSameAsFresh(state, b.history);
    }
}
