// The Journal, clicked through as a couple would use it, over a real data
// file: filters, editing a log, deleting it, and the undo that brings it back.
// Every check reads the store (or a fresh session on the same file), the
// derived numbers, or the text the screen drew.
#include "app/content.hpp"
#include "core/demo.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

const std::string coffee = "Morning coffee"; // together, daily
const std::string thanks = "Thank-you";      // each, daily
const std::string walk = "Evening walk";     // at least 20 minutes, daily

struct Logs {
    std::string coffee3, coffee2, coffee1; // days before today
    std::string thanksZoe, thanksSam;      // yesterday
    std::string walk1;                     // yesterday, 30 minutes
};

Logs setUpCouple(SessionFixture& ui) {
    Session& session = ui.session();
    const Day today = ui.today();
    steps::setPartnerNames(session, "Zoë", "Sam");
    RitualDraft together;
    together.name = coffee;
    steps::addRitual(session, together);
    RitualDraft each;
    each.name = thanks;
    each.mode = RitualMode::Each;
    each.area = Area::Appreciation;
    steps::addRitual(session, each);
    RitualDraft measured;
    measured.name = walk;
    measured.measure = Measure{MeasureKind::AtLeast, 20};
    measured.unit = "minutes";
    steps::addRitual(session, measured);

    Logs logs;
    logs.coffee3 =
        steps::log(session, coffee, {today - days{3}}, std::nullopt, std::nullopt, "Slow start")[0]
            .id;
    logs.coffee2 =
        steps::log(session, coffee, {today - days{2}}, std::nullopt, std::nullopt, "")[0].id;
    logs.coffee1 =
        steps::log(session, coffee, {today - days{1}}, std::nullopt, std::nullopt, "")[0].id;
    logs.thanksZoe =
        steps::log(session, thanks, {today - days{1}}, "Zoë", std::nullopt, "for the soup")[0].id;
    logs.thanksSam = steps::log(session, thanks, {today - days{1}}, "Sam", std::nullopt, "")[0].id;
    logs.walk1 = steps::log(session, walk, {today - days{1}}, std::nullopt, 30.0, "")[0].id;
    ui.celebrateAll();
    ui.state().screen = ui::Screen::Journal;
    return logs;
}

std::optional<Log> storedLog(Session& session, const std::string& id) {
    for (const Log& log : session.store().loadHistory().logs)
        if (log.id == id) return log;
    return std::nullopt;
}

bool listed(SessionFixture& ui, const std::string& logId) {
    return ui.wasDrawn("journal/edit/" + logId);
}

// The session's incrementally updated numbers equal a derivation from scratch.
void checkDerivedMatchesFullDerivation(Session& session, const std::string& ritualId) {
    const DerivedState full = deriveAll(session.history(), session.asOf());
    const RitualStats& kept = session.derived().rituals.at(ritualId);
    const RitualStats& fresh = full.rituals.at(ritualId);
    CHECK(kept.totalLogs == fresh.totalLogs);
    REQUIRE(kept.couple.streaks.size() == fresh.couple.streaks.size());
    for (std::size_t i = 0; i < kept.couple.streaks.size(); ++i) {
        CHECK(kept.couple.streaks[i].start == fresh.couple.streaks[i].start);
        CHECK(kept.couple.streaks[i].end == fresh.couple.streaks[i].end);
    }
    REQUIRE(kept.couple.strengths.size() == fresh.couple.strengths.size());
    for (std::size_t i = 0; i < kept.couple.strengths.size(); ++i)
        CHECK(kept.couple.strengths[i] == Approx(fresh.couple.strengths[i]));
    CHECK(session.derived().logsPerDay == full.logsPerDay);
    CHECK(session.derived().connection.best.has_value() == full.connection.best.has_value());
    if (full.connection.best)
        CHECK(session.derived().connection.best->length == full.connection.best->length);
}

} // namespace

TEST_CASE("journal: every log, newest first, filtered by partner, ritual and days") {
    SessionFixture ui;
    const Logs logs = setUpCouple(ui);
    ui.runFresh();
    ui.run();
    CHECK(ui.shows("6 moments logged"));
    for (const std::string& id :
         {logs.coffee3, logs.coffee2, logs.coffee1, logs.thanksZoe, logs.thanksSam, logs.walk1})
        CHECK(listed(ui, id));
    // Yesterday's note before the one of three days ago; amounts and notes shown.
    const auto soup = ui.drawn().find("for the soup");
    const auto slow = ui.drawn().find("Slow start");
    REQUIRE(soup != std::string::npos);
    REQUIRE(slow != std::string::npos);
    CHECK(soup < slow);
    CHECK(ui.shows("30 minutes"));
    CHECK(ui.shows("Zoë"));
    CHECK(ui.shows("Together"));

    SECTION("a partner's logs include the ones done together") {
        ui.click("journal/filter/who/2");
        ui.runFresh();
        CHECK(ui.shows("5 of 6 moments"));
        CHECK(listed(ui, logs.thanksSam));
        CHECK(listed(ui, logs.coffee1));
        CHECK_FALSE(listed(ui, logs.thanksZoe));

        ui.click("journal/filter/who/together");
        ui.runFresh();
        CHECK(ui.shows("4 of 6 moments"));
        CHECK_FALSE(listed(ui, logs.thanksSam));
        CHECK(listed(ui, logs.walk1));
    }

    SECTION("one ritual") {
        ui.click("journal/filter/ritual");
        ui.run();
        ui.click("journal/filter/ritual/" + thanks);
        ui.runFresh();
        CHECK(ui.shows("2 of 6 moments"));
        CHECK(listed(ui, logs.thanksZoe));
        CHECK(listed(ui, logs.thanksSam));
        CHECK_FALSE(listed(ui, logs.coffee1));
    }

    SECTION("a range of days, typed") {
        ui.click("journal/filter/from");
        ui.type(formatDay(ui.today() - days{2}));
        ui.runFresh();
        CHECK(ui.shows("5 of 6 moments"));
        CHECK_FALSE(listed(ui, logs.coffee3));
        CHECK(listed(ui, logs.coffee2));

        ui.click("journal/filter/to");
        ui.type(formatDay(ui.today() - days{2}));
        ui.runFresh();
        CHECK(ui.shows("1 of 6 moments"));
        CHECK(listed(ui, logs.coffee2));

        // Text that is no date says so and leaves that end open.
        ui.click("journal/filter/to");
        ui.type("x");
        ui.runFresh();
        CHECK(ui.shows("Dates are written like"));
        CHECK(ui.shows("5 of 6 moments"));

        ui.click("journal/filter/clear");
        ui.runFresh();
        CHECK(ui.shows("6 moments logged"));
        CHECK(listed(ui, logs.coffee3));
    }

    SECTION("nothing matching says so kindly") {
        ui.click("journal/filter/from");
        ui.type(formatDay(ui.today()));
        ui.runFresh();
        CHECK(ui.shows("Nothing matches these filters"));
        CHECK_FALSE(listed(ui, logs.coffee1));
    }
}

TEST_CASE("journal: editing a log changes the file and the numbers, and undo puts it back") {
    SessionFixture ui;
    const Logs logs = setUpCouple(ui);
    const std::string walkId = steps::ritualNamed(ui.session(), "NAME", walk).id;
    ui.run(2);

    ui.click("journal/edit/" + logs.walk1);
    ui.run();
    REQUIRE(ui.wasDrawn("journal/editor/save"));
    ui.click("journal/editor/day");
    ui.type(formatDay(ui.today() - days{3}));
    ui.click("journal/editor/who/1");
    ui.click("journal/editor/amount");
    ui.type("45");
    ui.click("journal/editor/note");
    ui.type("by the river");
    ui.click("journal/editor/save");
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("journal/editor/save"));

    auto stored = storedLog(ui.session(), logs.walk1);
    REQUIRE(stored);
    CHECK(stored->day == ui.today() - days{3});
    CHECK(stored->who == Who::Partner1);
    REQUIRE(stored->amount);
    CHECK(*stored->amount == Approx(45));
    CHECK(stored->note == "by the river");
    CHECK(ui.shows("45 minutes  \xC2\xB7  by the river"));
    // The walk's numbers moved with it, as a derivation from scratch has them.
    const auto& walkDays = ui.session().derived().logsByRitual.at(walkId);
    REQUIRE(walkDays.size() == 1);
    CHECK(walkDays[0].day == ui.today() - days{3});
    checkDerivedMatchesFullDerivation(ui.session(), walkId);

    // Ctrl+Z, as on Today.
    ui.pressCtrl('Z');
    stored = storedLog(ui.session(), logs.walk1);
    REQUIRE(stored);
    CHECK(stored->day == ui.today() - days{1});
    CHECK(stored->who == Who::Both);
    CHECK(*stored->amount == Approx(30));
    CHECK(stored->note.empty());
    checkDerivedMatchesFullDerivation(ui.session(), walkId);

    ui.reopen();
    ui.run(2);
    const auto reopened =
        std::find_if(ui.session().history().logs.begin(), ui.session().history().logs.end(),
                     [&](const Log& log) { return log.id == logs.walk1; });
    REQUIRE(reopened != ui.session().history().logs.end());
    CHECK(reopened->day == ui.today() - days{1});
    CHECK(ui.shows("30 minutes"));
}

TEST_CASE("journal: what cannot be saved is said in the form, and nothing is written") {
    SessionFixture ui;
    const Logs logs = setUpCouple(ui);
    ui.run(2);
    ui.click("journal/edit/" + logs.coffee2);
    ui.run();

    SECTION("a day still ahead") {
        ui.click("journal/editor/day");
        ui.type(formatDay(ui.today() + days{1}));
        ui.click("journal/editor/save");
        ui.run();
        CHECK(ui.shows("that day is still ahead"));
    }
    SECTION("a day that is no date") {
        ui.click("journal/editor/day");
        ui.type("soon");
        ui.click("journal/editor/save");
        ui.run();
        CHECK(ui.shows("Write the day like"));
    }
    CHECK(ui.wasDrawn("journal/editor/save"));
    const auto stored = storedLog(ui.session(), logs.coffee2);
    REQUIRE(stored);
    CHECK(stored->day == ui.today() - days{2});
    CHECK_FALSE(ui.session().canUndo());

    // Cancel leaves it as it was.
    ui.click("journal/editor/cancel");
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("journal/editor/save"));
}

TEST_CASE("journal: a deleted log stays as a tombstone and the undo button brings it back") {
    SessionFixture ui;
    const Logs logs = setUpCouple(ui);
    const std::string coffeeId = steps::ritualNamed(ui.session(), "NAME", coffee).id;
    ui.run(2);
    REQUIRE(ui.session().derived().rituals.at(coffeeId).totalLogs == 3);

    ui.click("journal/delete/" + logs.coffee2);
    ui.runFresh();
    CHECK_FALSE(storedLog(ui.session(), logs.coffee2));
    {
        // Kept as a tombstone, not erased (docs/architecture.md "Tombstones").
        SQLite::Database db(ui.session().dataFile(), SQLite::OPEN_READONLY);
        SQLite::Statement row(db,
                              "SELECT count(*) FROM logs WHERE id = ? AND deleted_at IS NOT NULL");
        row.bind(1, logs.coffee2);
        REQUIRE(row.executeStep());
        CHECK(row.getColumn(0).getInt() == 1);
    }
    CHECK_FALSE(listed(ui, logs.coffee2));
    CHECK(ui.shows("5 moments logged"));
    CHECK(ui.session().derived().rituals.at(coffeeId).totalLogs == 2);
    checkDerivedMatchesFullDerivation(ui.session(), coffeeId);
    CHECK_THAT(ui.drawn(), Contains("Undo deleting \"Morning coffee\""));

    ui.click("journal/undo");
    ui.runFresh();
    CHECK(storedLog(ui.session(), logs.coffee2));
    CHECK(listed(ui, logs.coffee2));
    CHECK(ui.session().derived().rituals.at(coffeeId).totalLogs == 3);
    checkDerivedMatchesFullDerivation(ui.session(), coffeeId);

    // Deleted again, it is gone after a restart too.
    ui.click("journal/delete/" + logs.coffee2);
    ui.reopen();
    ui.runFresh();
    ui.run();
    CHECK_FALSE(listed(ui, logs.coffee2));
    CHECK(listed(ui, logs.coffee1));
    CHECK(ui.session().derived().rituals.at(coffeeId).totalLogs == 2);
}

TEST_CASE("journal: ten years of logs draw only the rows on screen, and an edit stays exact") {
    SessionFixture ui;
    DemoOptions options;
    options.years = 10;
    options.today = ui.today();
    ui.session().importGenerated(generateDemoHistory(shippedContent().catalog, options));
    ui.celebrateAll();
    ui.state().screen = ui::Screen::Journal;
    const std::vector<Log>& all = ui.session().history().logs;
    REQUIRE(all.size() > 15000);

    // Newest first: the newest log is on screen, one from years ago is not.
    const auto newest = std::max_element(all.begin(), all.end(), [](const Log& a, const Log& b) {
        return a.day != b.day ? a.day < b.day : a.loggedAt < b.loggedAt;
    });
    const auto oldest = std::min_element(all.begin(), all.end(),
                                         [](const Log& a, const Log& b) { return a.day < b.day; });
    const std::string newestId = newest->id;
    const std::string oldestId = oldest->id;
    const std::string ritualId = newest->ritualId;
    ui.readText(false);
    ui.runFresh();
    ui.run();
    CHECK(listed(ui, newestId));
    CHECK_FALSE(listed(ui, oldestId));

    ui.click("journal/delete/" + newestId);
    ui.runFresh();
    CHECK_FALSE(listed(ui, newestId));
    checkDerivedMatchesFullDerivation(ui.session(), ritualId);
    ui.pressCtrl('Z');
    ui.runFresh();
    CHECK(listed(ui, newestId));
    checkDerivedMatchesFullDerivation(ui.session(), ritualId);
}

TEST_CASE("journal: an empty data file explains where the logs will appear") {
    SessionFixture ui;
    ui.state().screen = ui::Screen::Journal;
    ui.run(2);
    CHECK(ui.shows("Your journal is waiting"));
    CHECK_FALSE(ui.wasDrawn("journal/filter/ritual"));
}
