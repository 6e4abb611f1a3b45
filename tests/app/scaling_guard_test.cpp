// The regression guard of issue 7: what one log costs must not grow with the
// couple's history. Not a timing: SQLite reports every statement it runs and
// every row it returns (sqlite3_trace_v2), and a log from Today, its undo and
// a skip must run the same statements and read the same rows whether the data
// file holds nothing, one year or ten. An accidental O(history) path (reading
// every log again, a query without its index) fails here, on any machine.
#include "app/content.hpp"
#include "app/session.hpp"
#include "app/sync_engine.hpp"
#include "core/demo.hpp"
#include "session_steps.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <string>

using namespace kindling;

namespace {

struct SqlCounts {
    long statements = 0;
    long rows = 0;
    bool operator==(const SqlCounts&) const = default;
};

SqlCounts counted; // every connection of this process adds to it

int countTrace(unsigned kind, void*, void*, void*) {
    if (kind == SQLITE_TRACE_STMT) ++counted.statements;
    if (kind == SQLITE_TRACE_ROW) ++counted.rows;
    return 0;
}

// Every connection opened from now on reports to countTrace.
void traceEveryConnection() {
    static const bool installed = [] {
        using Entry = void (*)();
        const auto entry = +[](sqlite3* db, char**, const sqlite3_api_routines*) {
            sqlite3_trace_v2(db, SQLITE_TRACE_STMT | SQLITE_TRACE_ROW, countTrace, nullptr);
            return SQLITE_OK;
        };
        return sqlite3_auto_extension(reinterpret_cast<Entry>(entry)) == SQLITE_OK;
    }();
    REQUIRE(installed);
}

template <typename Command> SqlCounts countsOf(Command&& command) {
    counted = {};
    command();
    return counted;
}

struct OneLogCosts {
    SqlCounts log, undo, skip;
    std::size_t logs = 0;
};

// A log from Today, its undo, and a skip, on a data file holding `years` of
// the demo's history (ending the day before).
OneLogCosts costsWith(int years) {
    traceEveryConnection();
    test::TempDir dir;
    const Day today = *parseDay("2026-11-22");
    Session session = Session::open(dir.location(), today);
    steps::setPartnerNames(session, "Alex", "Sam");
    // Zero years: the demo's rituals and goals, and no log yet.
    session.importGenerated(
        generateDemoHistory(shippedContent().catalog, {years, 1, today - days{1}, false}));
    const std::string ritualId = session.history().rituals.front().id;
    // Milestones already reached are not part of one log's cost.
    while (!session.pendingCelebrations().empty()) {
        const std::string key = session.pendingCelebrations().front().key;
        session.celebrated(key);
    }

    OneLogCosts costs;
    costs.logs = session.history().logs.size();
    const int before = session.derived().rituals.at(ritualId).totalLogs;
    costs.log = countsOf([&] { steps::logToday(session, ritualId, Who::Both); });
    REQUIRE(session.derived().rituals.at(ritualId).totalLogs == before + 1);
    costs.undo = countsOf([&] { REQUIRE(session.undo()); });
    costs.skip = countsOf([&] { steps::skipToday(session, ritualId); });
    return costs;
}

// One log made on the other computer, applied here by a sync (issue 16): the
// two computers share one folder, as a sync engine that has delivered
// everything leaves it, and both hold `years` of history already.
SqlCounts incomingLogCostWith(int years, std::size_t* logs) {
    traceEveryConnection();
    test::TempDir dir;
    const Day today = *parseDay("2026-11-22");
    const std::filesystem::path folder = dir.path() / "folder";
    std::filesystem::create_directories(folder);
    Session first = Session::open(DataLocation{dir.path() / "first"}, today);
    steps::setPartnerNames(first, "Alex", "Sam");
    first.importGenerated(
        generateDemoHistory(shippedContent().catalog, {years, 1, today - days{1}, false}));
    startSync(first, folder);
    Session second = Session::open(DataLocation{dir.path() / "second"}, today);
    joinSync(second, folder, *pairingCode(first));
    const std::string ritualId = first.history().rituals.front().id;
    steps::logToday(first, ritualId, Who::Both);
    REQUIRE(syncNow(first).rowsWritten > 0);
    const SqlCounts cost = countsOf([&] { REQUIRE(syncNow(second).rowsApplied > 0); });
    REQUIRE(second.history().logs.size() == first.history().logs.size());
    *logs = second.history().logs.size();
    return cost;
}

} // namespace

TEST_CASE("one log from the other computer is applied with the same SQL whatever the history") {
    std::size_t none = 0, year = 0, decade = 0;
    const SqlCounts empty = incomingLogCostWith(0, &none);
    const SqlCounts oneYear = incomingLogCostWith(1, &year);
    const SqlCounts tenYears = incomingLogCostWith(10, &decade);
    REQUIRE(none == 1);
    REQUIRE(decade > 10 * year / 2);
    CHECK(empty.statements > 0);
    CHECK(oneYear == empty);
    CHECK(tenYears == empty);
}

TEST_CASE("one log, its undo and a skip run the same SQL whatever the history's size") {
    const OneLogCosts empty = costsWith(0);
    const OneLogCosts year = costsWith(1);
    const OneLogCosts decade = costsWith(10);
    REQUIRE(empty.logs == 0);
    REQUIRE(decade.logs > 10 * year.logs / 2); // ten years really are bigger
    // The counting works: a log writes, so it runs statements.
    CHECK(empty.log.statements > 0);

    CHECK(year.log == empty.log);
    CHECK(decade.log == empty.log);
    CHECK(year.undo == empty.undo);
    CHECK(decade.undo == empty.undo);
    CHECK(year.skip == empty.skip);
    CHECK(decade.skip == empty.skip);
    // Nothing the store returns grows with the history either: none of these
    // reads the logs back.
    CHECK(decade.log.rows < 10);
}

TEST_CASE("the guard sees an O(history) path: loading the history reads every log") {
    traceEveryConnection();
    test::TempDir dir;
    const Day today = *parseDay("2026-11-22");
    Session session = Session::open(dir.location(), today);
    session.importGenerated(
        generateDemoHistory(shippedContent().catalog, {1, 1, today - days{1}, false}));
    const SqlCounts load = countsOf([&] { (void)session.store().loadHistory(); });
    CHECK(load.rows >= static_cast<long>(session.history().logs.size()));
}
