// The Today screen, clicked through as a couple would use it, over a real data
// file: every check reads the store (or a fresh session on the same file) and
// the text the screen drew.
#include "app/content.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

const std::string coffee = "Morning coffee"; // together, daily
const std::string thanks = "Thank-you";      // each, daily
const std::string walk = "Evening walk";     // at least 20 minutes, daily
const std::string phones = "Phones in bed";  // at most 15 minutes, daily
const std::string longWalk = "Long walk";    // together, 3 times a week

RitualDraft draftNamed(const std::string& name) {
    RitualDraft draft;
    draft.name = name;
    return draft;
}

// Zoë and Sam with one ritual of every kind. Coffee was logged on the three
// days before today, so the connection streak reads 3 when the screen opens;
// the long walk was done twice in the last week, so it is still due today.
// Their first coffee was a month ago: the first week's starter freeze
// (docs/scoring.md §4.3) is long behind them.
void setUpCouple(Session& session, Day today) {
    steps::setPartnerNames(session, "Zoë", "Sam");
    steps::addRitual(session, draftNamed(coffee));

    RitualDraft each = draftNamed(thanks);
    each.mode = RitualMode::Each;
    each.area = Area::Appreciation;
    steps::addRitual(session, each);

    RitualDraft atLeast = draftNamed(walk);
    atLeast.measure = Measure{MeasureKind::AtLeast, 20};
    atLeast.unit = "minutes";
    steps::addRitual(session, atLeast);

    RitualDraft atMost = draftNamed(phones);
    atMost.measure = Measure{MeasureKind::AtMost, 15};
    atMost.unit = "minutes";
    steps::addRitual(session, atMost);

    RitualDraft weekly = draftNamed(longWalk);
    weekly.frequency = Frequency{3, 7};
    steps::addRitual(session, weekly);

    steps::log(session, coffee, {today - days{3}, today - days{2}, today - days{1}}, std::nullopt,
               std::nullopt, "");
    steps::log(session, longWalk, {today - days{5}, today - days{2}}, std::nullopt, std::nullopt,
               "");
    steps::log(session, coffee, {today - days{30}}, std::nullopt, std::nullopt, "");
}

// The couple with their history, its milestones long celebrated.
void setUpCouple(SessionFixture& ui) {
    setUpCouple(ui.session(), ui.today());
    ui.celebrateAll();
}

const std::string& idOf(Session& session, const std::string& name) {
    return steps::ritualNamed(session, "NAME", name).id;
}

// What the data file holds, read back through the store.
History stored(Session& session) {
    return session.store().loadHistory();
}

std::vector<Log> logsOn(const History& history, const std::string& ritualId, Day day) {
    std::vector<Log> logs;
    for (const Log& log : history.logs)
        if (log.ritualId == ritualId && log.day == day) logs.push_back(log);
    return logs;
}

std::size_t countBy(const std::vector<Log>& logs, Who who) {
    return static_cast<std::size_t>(
        std::count_if(logs.begin(), logs.end(), [&](const Log& log) { return log.who == who; }));
}

std::size_t skipsOn(const History& history, const std::string& ritualId, Day day) {
    return static_cast<std::size_t>(
        std::count_if(history.skips.begin(), history.skips.end(), [&](const Skip& skip) {
            return skip.ritualId == ritualId && skip.day == day;
        }));
}

// The ritual's newest streak (the couple's series), or nullopt when it has none.
std::optional<Streak> latestStreak(Session& session, const std::string& name) {
    const RitualStats& stats = session.derived().rituals.at(idOf(session, name));
    if (stats.couple.streaks.empty()) return std::nullopt;
    return stats.couple.streaks.front();
}

} // namespace

TEST_CASE("We did it logs a together ritual on disk and the numbers on screen follow") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string coffeeId = idOf(ui.session(), coffee);
    ui.run(2);
    REQUIRE(ui.shownStreak() == 3);
    REQUIRE_THAT(ui.rowOf(coffee), Contains("[ We did it ]"));
    CHECK_THAT(ui.rowOf(coffee), !Contains("Done together today"));
    REQUIRE(latestStreak(ui.session(), coffee));
    CHECK(latestStreak(ui.session(), coffee)->end == ui.today() - days{1});

    ui.click("log/" + coffee);
    const auto logs = logsOn(stored(ui.session()), coffeeId, ui.today());
    REQUIRE(logs.size() == 1);
    CHECK(logs[0].who == Who::Both);
    CHECK_FALSE(logs[0].amount);
    REQUIRE(logsOn(ui.session().history(), coffeeId, ui.today()).size() == 1);

    // The first frame after the click shows the new status and the new streak together.
    ui.run();
    CHECK(ui.shownStreak() == 4);
    CHECK_THAT(ui.rowOf(coffee), Contains("Done together today"));
    CHECK_THAT(ui.rowOf(coffee), !Contains("[ We did it ]"));
    REQUIRE(latestStreak(ui.session(), coffee));
    CHECK(latestStreak(ui.session(), coffee)->end == ui.today());
    CHECK(latestStreak(ui.session(), coffee)->length == 4);

    // The done pill writes nothing more.
    ui.click("log/" + coffee);
    CHECK(logsOn(stored(ui.session()), coffeeId, ui.today()).size() == 1);

    // A new start of the app reads the same from the file.
    ui.reopen();
    ui.run(2);
    CHECK(logsOn(ui.session().history(), coffeeId, ui.today()).size() == 1);
    CHECK(ui.shownStreak() == 4);
    CHECK_THAT(ui.rowOf(coffee), Contains("Done together today"));
}

TEST_CASE("each partner's pill logs only that partner") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string thanksId = idOf(ui.session(), thanks);
    ui.run(2);
    REQUIRE(ui.wasDrawn("log/" + thanks + "/1"));
    REQUIRE(ui.wasDrawn("log/" + thanks + "/2"));
    REQUIRE(ui.wasDrawn("log/" + thanks + "/both"));
    CHECK_THAT(ui.rowOf(thanks), Contains("[ Zoë ]"));
    CHECK_THAT(ui.rowOf(thanks), Contains("[ Sam ]"));

    SECTION("one partner, then the other") {
        ui.click("log/" + thanks + "/1");
        auto logs = logsOn(stored(ui.session()), thanksId, ui.today());
        REQUIRE(logs.size() == 1);
        CHECK(logs[0].who == Who::Partner1);
        ui.run();
        CHECK_THAT(ui.rowOf(thanks), Contains("Zoë today"));
        // The connection streak counts any log, one partner's too.
        CHECK(ui.shownStreak() == 4);

        // Zoë's pill is done now: clicking it again writes nothing.
        ui.click("log/" + thanks + "/1");
        REQUIRE(logsOn(stored(ui.session()), thanksId, ui.today()).size() == 1);

        ui.click("log/" + thanks + "/2");
        logs = logsOn(stored(ui.session()), thanksId, ui.today());
        REQUIRE(logs.size() == 2);
        CHECK(countBy(logs, Who::Partner1) == 1);
        CHECK(countBy(logs, Who::Partner2) == 1);
        ui.run();
        CHECK_THAT(ui.rowOf(thanks), Contains("Both of you today"));
        const auto& partners = ui.session().derived().rituals.at(thanksId).partners;
        REQUIRE(partners);
        for (const SeriesResult& partner : *partners) {
            REQUIRE_FALSE(partner.streaks.empty());
            CHECK(partner.streaks.front().end == ui.today());
        }
    }

    SECTION("one partner for the other") {
        ui.click("log/" + thanks + "/2");
        const auto logs = logsOn(stored(ui.session()), thanksId, ui.today());
        REQUIRE(logs.size() == 1);
        CHECK(logs[0].who == Who::Partner2);
        ui.run();
        CHECK_THAT(ui.rowOf(thanks), Contains("Sam today"));
        CHECK_THAT(ui.rowOf(thanks), !Contains("Both of you today"));
    }

    SECTION("both at once") {
        ui.click("log/" + thanks + "/both");
        const auto logs = logsOn(stored(ui.session()), thanksId, ui.today());
        REQUIRE(logs.size() == 1);
        CHECK(logs[0].who == Who::Both);
        ui.run();
        CHECK_THAT(ui.rowOf(thanks), Contains("Both of you today"));
    }

    SECTION("Both after one partner logs only the other") {
        ui.click("log/" + thanks + "/1");
        ui.click("log/" + thanks + "/both");
        const auto logs = logsOn(stored(ui.session()), thanksId, ui.today());
        REQUIRE(logs.size() == 2);
        CHECK(countBy(logs, Who::Partner1) == 1);
        CHECK(countBy(logs, Who::Partner2) == 1);
        ui.run();
        CHECK_THAT(ui.rowOf(thanks), Contains("Both of you today"));
    }
}

TEST_CASE("a typed amount is logged for a measured ritual") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string walkId = idOf(ui.session(), walk);
    const std::string phonesId = idOf(ui.session(), phones);
    ui.run(2);
    // The field starts at the target, with its unit.
    CHECK_THAT(ui.rowOf(walk), Contains("{ 20 minutes }"));
    CHECK_THAT(ui.rowOf(walk), Contains("at least 20 minutes, daily"));
    CHECK_THAT(ui.rowOf(phones), Contains("at most 15 minutes, daily"));

    SECTION("at least") {
        ui.click("amount/" + walk);
        ui.type("35");
        CHECK_THAT(ui.rowOf(walk), Contains("{ 35 }"));
        ui.click("log/" + walk);
        auto logs = logsOn(stored(ui.session()), walkId, ui.today());
        REQUIRE(logs.size() == 1);
        REQUIRE(logs[0].amount);
        CHECK(*logs[0].amount == Approx(35));
        CHECK(logs[0].who == Who::Both);
        ui.run();
        CHECK_THAT(ui.rowOf(walk), Contains("35 minutes today"));
        CHECK_THAT(ui.rowOf(walk), Contains("[ Add more ]"));
        REQUIRE(latestStreak(ui.session(), walk));
        CHECK(latestStreak(ui.session(), walk)->end == ui.today());

        // More later the same evening adds up.
        ui.click("amount/" + walk);
        ui.type("10");
        ui.click("log/" + walk);
        logs = logsOn(stored(ui.session()), walkId, ui.today());
        REQUIRE(logs.size() == 2);
        CHECK(*logs[0].amount + *logs[1].amount == Approx(45));
        ui.run();
        CHECK_THAT(ui.rowOf(walk), Contains("45 minutes today"));

        ui.reopen();
        ui.run(2);
        CHECK(logsOn(ui.session().history(), walkId, ui.today()).size() == 2);
        CHECK_THAT(ui.rowOf(walk), Contains("45 minutes today"));
    }

    SECTION("at most, over the target") {
        ui.click("amount/" + phones);
        ui.type("40");
        ui.click("log/" + phones);
        const auto logs = logsOn(stored(ui.session()), phonesId, ui.today());
        REQUIRE(logs.size() == 1);
        REQUIRE(logs[0].amount);
        CHECK(*logs[0].amount == Approx(40));
        ui.run();
        CHECK_THAT(ui.rowOf(phones), Contains("40 minutes today"));
        // Over an "at most" target the day does not count for the ritual's
        // streak, but the couple still connected today.
        const auto streak = latestStreak(ui.session(), phones);
        CHECK((!streak || streak->end != ui.today()));
        CHECK(ui.shownStreak() == 4);
    }

    SECTION("the target as it stands") {
        ui.click("log/" + phones);
        const auto logs = logsOn(stored(ui.session()), phonesId, ui.today());
        REQUIRE(logs.size() == 1);
        CHECK(*logs[0].amount == Approx(15));
        const auto streak = latestStreak(ui.session(), phones);
        REQUIRE(streak);
        CHECK(streak->end == ui.today());
    }
}

TEST_CASE("skip writes a skip and undo takes it back") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string coffeeId = idOf(ui.session(), coffee);
    ui.run(2);
    REQUIRE(ui.wasDrawn("skip/" + coffee));

    ui.click("skip/" + coffee);
    CHECK(skipsOn(stored(ui.session()), coffeeId, ui.today()) == 1);
    CHECK(logsOn(stored(ui.session()), coffeeId, ui.today()).empty());
    ui.runFresh();
    CHECK_THAT(ui.rowOf(coffee), Contains("Resting today"));
    CHECK_FALSE(ui.wasDrawn("skip/" + coffee));
    // A skip keeps the ritual's streak alive through today.
    REQUIRE(latestStreak(ui.session(), coffee));
    CHECK(latestStreak(ui.session(), coffee)->end == ui.today());
    REQUIRE(ui.wasDrawn("undo"));
    CHECK_THAT(ui.drawn(), Contains("Undo skipping \"Morning coffee\""));

    ui.click("undo");
    CHECK(skipsOn(stored(ui.session()), coffeeId, ui.today()) == 0);
    ui.runFresh();
    CHECK(ui.wasDrawn("skip/" + coffee));
    CHECK_THAT(ui.rowOf(coffee), !Contains("Resting today"));
    CHECK_FALSE(ui.wasDrawn("undo"));
}

TEST_CASE("the undo button and Ctrl+Z revert the last log in the store") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string coffeeId = idOf(ui.session(), coffee);
    const std::string thanksId = idOf(ui.session(), thanks);
    ui.run(2);
    ui.click("log/" + coffee);
    ui.click("log/" + thanks + "/2");
    REQUIRE(logsOn(stored(ui.session()), thanksId, ui.today()).size() == 1);
    ui.run();
    CHECK_THAT(ui.drawn(), Contains("Undo \"Thank-you\""));

    ui.click("undo");
    CHECK(logsOn(stored(ui.session()), thanksId, ui.today()).empty());
    CHECK(logsOn(stored(ui.session()), coffeeId, ui.today()).size() == 1);
    ui.run();
    CHECK_THAT(ui.rowOf(thanks), !Contains("Sam today"));
    CHECK_THAT(ui.drawn(), Contains("Undo \"Morning coffee\""));
    CHECK(ui.shownStreak() == 4);

    ui.pressCtrl('Z');
    CHECK(logsOn(stored(ui.session()), coffeeId, ui.today()).empty());
    CHECK(ui.shownStreak() == 3);
    CHECK_THAT(ui.rowOf(coffee), Contains("[ We did it ]"));
    CHECK_FALSE(ui.session().canUndo());

    // With nothing left to undo, Ctrl+Z does nothing and the button is gone.
    ui.pressCtrl('Z');
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("undo"));
    CHECK(ui.session().history().logs.size() == stored(ui.session()).logs.size());

    // Undone is gone from the file too.
    ui.reopen();
    ui.run(2);
    CHECK(logsOn(ui.session().history(), coffeeId, ui.today()).empty());
    CHECK(logsOn(ui.session().history(), thanksId, ui.today()).empty());
    CHECK(ui.shownStreak() == 3);
}

TEST_CASE("Ctrl+Z while typing an amount edits the text, not the history") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string coffeeId = idOf(ui.session(), coffee);
    ui.run(2);
    ui.click("log/" + coffee);
    REQUIRE(logsOn(stored(ui.session()), coffeeId, ui.today()).size() == 1);

    ui.click("amount/" + walk);
    ui.type("3");
    REQUIRE_THAT(ui.rowOf(walk), Contains("{ 3 }"));
    ui.pressCtrl('Z');
    CHECK(logsOn(stored(ui.session()), coffeeId, ui.today()).size() == 1);
    CHECK(ui.session().canUndo());
    CHECK_THAT(ui.rowOf(walk), !Contains("{ 3 }"));
}

TEST_CASE("a command that fails shows why on screen and writes nothing") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string walkId = idOf(ui.session(), walk);
    ui.run(2);

    ui.click("amount/" + walk);
    ui.type("-5");
    ui.click("log/" + walk);
    CHECK(logsOn(stored(ui.session()), walkId, ui.today()).empty());
    CHECK_FALSE(ui.session().canUndo());
    ui.run();
    CHECK_THAT(ui.drawn(), Contains("That did not work: say how much, zero or more"));
    CHECK(ui.shownStreak() == 3);

    // The next command that works clears it.
    ui.click("amount/" + walk);
    ui.type("25");
    ui.click("log/" + walk);
    CHECK(logsOn(stored(ui.session()), walkId, ui.today()).size() == 1);
    ui.run();
    CHECK_THAT(ui.drawn(), !Contains("That did not work"));
}

TEST_CASE("a ritual whose week is done rests under Not due today") {
    SessionFixture ui;
    setUpCouple(ui);
    const std::string longWalkId = idOf(ui.session(), longWalk);
    ui.run(2);
    // Twice in the last seven days: the third walk is due today.
    REQUIRE(ui.wasDrawn("log/" + longWalk));
    CHECK_THAT(ui.rowOf(longWalk), Contains("[ We did it ]"));

    ui.click("log/" + longWalk);
    REQUIRE(logsOn(stored(ui.session()), longWalkId, ui.today()).size() == 1);
    ui.run();
    CHECK_THAT(ui.rowOf(longWalk), Contains("Done together today"));

    // Tomorrow the week's three walks are in: it rests, folded away.
    const Day tomorrow = ui.today() + days{1};
    ui.state().today = tomorrow;
    ui.session().setAsOf(tomorrow);
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("log/" + longWalk));
    CHECK(ui.rowOf(longWalk).empty());
    CHECK_THAT(ui.drawn(), Contains("Not due today (1)"));
    // Coffee is open again tomorrow, and the streak through today still stands.
    CHECK_THAT(ui.rowOf(coffee), Contains("[ We did it ]"));
    CHECK(ui.shownStreak() == 4);

    ui.click("resting");
    ui.runFresh();
    CHECK(ui.wasDrawn("log/" + longWalk));
    CHECK_THAT(ui.rowOf(longWalk), Contains("3 of 3 done, 3 times a week"));
}

TEST_CASE("with no ritual yet, Today and the Dashboard lead to the Rituals screen's ideas") {
    SessionFixture ui;
    steps::setPartnerNames(ui.session(), "Zoë", "Sam");
    ui.run(2);
    CHECK(ui.shows("No rituals yet"));
    ui.act("today/choose-rituals");
    CHECK(ui.state().screen == ui::Screen::Rituals);
    CHECK(ui.shows("Ideas to try"));

    ui.state().screen = ui::Screen::Dashboard;
    ui.run(2);
    ui.act("dashboard/choose-rituals");
    CHECK(ui.state().screen == ui::Screen::Rituals);

    // Once there is one, Today lists it instead.
    ui.act("rituals/idea/" + shippedContent().catalog.front().id);
    ui.state().screen = ui::Screen::Today;
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("today/choose-rituals"));
    CHECK(ui.shows(shippedContent().catalog.front().name));
}
