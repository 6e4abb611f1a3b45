// Breaks and days off, as a couple would take them: a break started, seen and
// ended on the Today screen, a planned one cancelled, and a day of one ritual
// skipped (and taken back) on the Dashboard's calendar. Each check reads the
// data file, and a fresh session on it.
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

const std::string coffee = "Morning coffee"; // together, daily
const std::string walk = "Evening walk";     // together, daily

// Two rituals; coffee logged on the three days before today.
void setUpCouple(SessionFixture& ui) {
    Session& session = ui.session();
    steps::setPartnerNames(session, "Zoë", "Sam");
    for (const std::string& name : {coffee, walk}) {
        RitualDraft draft;
        draft.name = name;
        steps::addRitual(session, draft);
    }
    const Day today = ui.today();
    steps::log(session, coffee, {today - days{3}, today - days{2}, today - days{1}}, std::nullopt,
               std::nullopt, "");
    ui.celebrateAll();
}

History stored(Session& session) {
    return session.store().loadHistory();
}

const Skip* skipOf(const History& history, const std::string& ritualId, Day day) {
    const auto found = std::find_if(history.skips.begin(), history.skips.end(), [&](const Skip& s) {
        return s.ritualId == ritualId && s.day == day;
    });
    return found == history.skips.end() ? nullptr : &*found;
}

} // namespace

TEST_CASE("pauses: a break for an illness starts from Today, shows a calm banner and ends early") {
    SessionFixture ui;
    setUpCouple(ui);
    const Day today = ui.today();
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("Taking a break?"));

    ui.act("break/open");
    CHECK_THAT(ui.drawn(), Contains("Take a break"));
    ui.act("break/reason/Illness");
    ui.act("break/note");
    ui.type("flu season");
    ui.act("break/length/Two weeks");
    CHECK_THAT(ui.drawn(), Contains("14 days"));
    ui.act("break/start");

    History history = stored(ui.session());
    REQUIRE(history.pauses.size() == 1);
    CHECK(history.pauses[0].first == today);
    CHECK(history.pauses[0].last == today + days{13});
    CHECK(history.pauses[0].reason == "Illness: flu season");

    ui.reopen();
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("On a break until Sat 5 Dec"));
    CHECK_THAT(ui.drawn(), Contains("Illness: flu season"));
    CHECK_FALSE(ui.shows("Taking a break?"));
    // Every ritual rests, and the streak the couple built is kept.
    CHECK(ui.rowOf(walk).find("Resting today") != std::string::npos);
    CHECK(ui.shownStreak() == 4);

    // A break that began today is simply gone when it ends today.
    ui.act("break/end");
    CHECK(stored(ui.session()).pauses.empty());
    CHECK_THAT(ui.drawn(), Contains("Taking a break?"));
    CHECK_FALSE(ui.shows("On a break"));

    // And undo brings it back, on disk too.
    ui.act("undo");
    REQUIRE(stored(ui.session()).pauses.size() == 1);
    CHECK(stored(ui.session()).pauses[0].last == today + days{13});
    ui.reopen();
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("On a break until"));
}

TEST_CASE("pauses: ending a break that began days ago keeps those days, and undo restores it") {
    SessionFixture ui;
    setUpCouple(ui);
    const Day today = ui.today();
    steps::pause(ui.session(), today - days{2}, today + days{5}, "Travel");
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("On a break until Fri 27 Nov"));

    ui.act("break/end");
    History history = stored(ui.session());
    REQUIRE(history.pauses.size() == 1);
    CHECK(history.pauses[0].first == today - days{2});
    CHECK(history.pauses[0].last == today - days{1});
    CHECK(steps::currentPause(ui.session()) == nullptr);
    CHECK(ui.session().undoDescription() == "Undo ending the break");

    ui.pressCtrl('Z');
    history = stored(ui.session());
    REQUIRE(history.pauses.size() == 1);
    CHECK(history.pauses[0].last == today + days{5});
    ui.run();
    CHECK_THAT(ui.drawn(), Contains("On a break until"));
}

TEST_CASE("pauses: the break form says kindly what is wrong and saves nothing") {
    SessionFixture ui;
    setUpCouple(ui);
    ui.run(2);
    ui.act("break/open");

    ui.retype("break/to", "2026-11-31");
    ui.act("break/start");
    CHECK_THAT(ui.drawn(), Contains("Write the days like 2026-11-22"));

    ui.retype("break/to", "2026-11-20");
    ui.act("break/start");
    CHECK_THAT(ui.drawn(), Contains("The break ends before it starts."));

    ui.retype("break/to", "2028-01-01");
    ui.act("break/start");
    CHECK_THAT(ui.drawn(), Contains("at most a year long"));

    ui.retype("break/to", "2026-11-23");
    ui.act("break/note");
    ui.type(std::string(61, 'x'));
    ui.act("break/start");
    CHECK_THAT(ui.drawn(), Contains("A few words are enough"));
    CHECK(stored(ui.session()).pauses.empty());

    // "Not now" closes the form and forgets it.
    ui.act("break/cancel");
    CHECK_THAT(ui.drawn(), Contains("Taking a break?"));
    CHECK(ui.state().screens.today.pause.note.empty());
}

TEST_CASE("pauses: a planned break shows on Today and can be called off, with undo") {
    SessionFixture ui;
    setUpCouple(ui);
    const Day today = ui.today();
    steps::pause(ui.session(), today + days{10}, today + days{12}, "Travel");
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("A break is planned from Wed 2 Dec to Fri 4 Dec."));

    ui.act("break/cancel-planned");
    CHECK(stored(ui.session()).pauses.empty());
    CHECK_FALSE(ui.shows("A break is planned"));

    ui.act("undo");
    REQUIRE(stored(ui.session()).pauses.size() == 1);
    ui.reopen();
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("A break is planned from Wed 2 Dec"));
}

TEST_CASE("pauses: a day of one ritual is skipped from the calendar, and the skip taken back") {
    SessionFixture ui;
    ImGui::GetIO().DisplaySize = ImVec2(1280, 1400); // the calendar and its menu in view
    setUpCouple(ui);
    const Day today = ui.today();
    const std::string walkId = steps::ritualNamed(ui.session(), "NAME", walk).id;
    ui.state().screen = ui::Screen::Dashboard;
    ui.run(2);

    // With every ritual on the calendar, a day offers nothing to skip.
    ui.act("calendar/2026-11-20");
    CHECK_FALSE(ui.wasDrawn("calendar/skip"));

    ui.act("dashboard/ritual-chooser");
    ui.act("dashboard/ritual/" + walk);
    ui.act("calendar/2026-11-20");
    CHECK_THAT(ui.drawn(), Contains("Friday, 20 November 2026"));
    ui.act("calendar/skip");
    REQUIRE(skipOf(stored(ui.session()), walkId, today - days{2}) != nullptr);

    ui.reopen();
    ui.state().screens.dashboard = {};
    ui.state().screens.dashboard.chosenRitual = walkId;
    ui.run(2);
    ui.runFresh();
    ui.act("calendar/2026-11-20");
    CHECK_THAT(ui.drawn(), Contains("A day off for this ritual."));
    ui.act("calendar/unskip");
    CHECK(skipOf(stored(ui.session()), walkId, today - days{2}) == nullptr);

    // A logged day stays logged: coffee was done on the 21st.
    ui.act("dashboard/ritual-chooser");
    ui.act("dashboard/ritual/" + coffee);
    ui.runFresh();
    ui.act("calendar/2026-11-21");
    CHECK_THAT(ui.drawn(), Contains("Logged that day: nothing to skip."));
    CHECK_FALSE(ui.wasDrawn("calendar/skip"));
}

TEST_CASE("pauses: the session's skip and break commands check their input and undo exactly") {
    SessionFixture ui;
    setUpCouple(ui);
    Session& session = ui.session();
    const Day today = ui.today();
    const std::string coffeeId = steps::ritualNamed(session, "NAME", coffee).id;

    // A logged day cannot be skipped; a day not skipped cannot be taken back.
    CHECK_THROWS_AS(steps::skipDay(session, coffeeId, today - days{1}), RuleViolation);
    CHECK_THROWS_AS(steps::unskipDay(session, coffeeId, today - days{5}), RuleViolation);
    CHECK_THROWS_AS(steps::endPause(session), RuleViolation);
    CHECK_THROWS_AS(steps::removePause(session, "no-such-pause"), RuleViolation);

    steps::skipDay(session, coffeeId, today - days{5});
    CHECK_THROWS_AS(steps::skipDay(session, coffeeId, today - days{5}), RuleViolation);
    CHECK_THAT(session.undoDescription(), Contains("Undo skipping \"Morning coffee\" on"));
    steps::unskipDay(session, coffeeId, today - days{5});
    CHECK(skipOf(stored(session), coffeeId, today - days{5}) == nullptr);
    session.undo(); // the skip is back
    CHECK(skipOf(stored(session), coffeeId, today - days{5}) != nullptr);
    session.undo(); // and gone again
    CHECK(skipOf(stored(session), coffeeId, today - days{5}) == nullptr);

    // Two breaks over today end together; one that starts today is removed.
    steps::pause(session, today - days{4}, today + days{2}, "Grief");
    steps::pause(session, today, today + days{9}, "A hard time");
    REQUIRE(steps::currentPause(session) != nullptr);
    CHECK(steps::currentPause(session)->last == today + days{9});
    steps::endPause(session);
    History history = stored(session);
    REQUIRE(history.pauses.size() == 1);
    CHECK(history.pauses[0].reason == "Grief");
    CHECK(history.pauses[0].last == today - days{1});
    session.undo();
    CHECK(stored(session).pauses.size() == 2);
    session.undo(); // the second break was never taken
    session.undo(); // nor the first
    CHECK(stored(session).pauses.empty());
    CHECK(steps::currentPause(session) == nullptr);
}

TEST_CASE("pauses: a break for grief or a hard time offers the Support page") {
    for (const std::string reason : {"Grief", "A hard time"}) {
        INFO(reason);
        SessionFixture ui;
        setUpCouple(ui);
        ui.run(2);
        ui.act("break/open");
        ui.runFresh();
        CHECK_FALSE(ui.wasDrawn("break/support")); // not for travel
        ui.act("break/reason/" + reason);
        CHECK_THAT(ui.drawn(), Contains("you don't have to carry it alone"));
        ui.act("break/support");
        CHECK(ui.state().screen == ui::Screen::Support);
        CHECK_THAT(ui.drawn(), Contains("A couples therapist can help when:"));
        // Nothing was paused on the way.
        CHECK(stored(ui.session()).pauses.empty());
    }
}
