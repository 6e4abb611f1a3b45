// A new couple's first week, all from the window (issue 6, "Done when"): the
// welcome steps, a week of logging for both partners, a goal set and reached
// with its celebration, a break for a trip, questions talked about, a
// mistaken log edited and another undone, an export, a wiped data folder, the
// import, and everything back exactly: the data file and what the screens show.
#include "session_fixture.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;
namespace fs = std::filesystem;

namespace {

// Settings is drawn on a tall display, so its data cards are on screen
// without scrolling; every other screen at the window's usual size.
void show(SessionFixture& ui, ui::Screen screen) {
    ImGui::GetIO().DisplaySize =
        screen == ui::Screen::Settings ? ImVec2(1280, 3200) : ImVec2(1280, 800);
    ui.state().screen = screen;
    ui.run(2);
}

// What a screen shows, with the pointer away and every row drawn.
std::string screenText(SessionFixture& ui, ui::Screen screen) {
    show(ui, screen);
    ui.run();
    return ui.drawn();
}

const std::string hug = "A hug before leaving"; // touch: never due, logged when it happens
const std::string checkIn = "Evening check-in, phones away"; // together, daily
const std::string thanks = "A thank-you or compliment";      // each of you, daily

} // namespace

TEST_CASE("journey: a new couple's first week, then export, wipe, import: everything is back") {
    const test::TempDir shared;
    const fs::path documents = shared.path() / "Documents";
    fs::create_directories(documents);
    History before;
    std::set<std::string> celebratedBefore;
    std::string dashboardBefore, journalBefore, goalsBefore, badgesBefore;
    Day lastDay;
    {
        SessionFixture ui;
        ui.nextDay(); // a Monday: the goals' week is the one ahead
        ui.state().documentsDirectory = documents;
        ui.state().appVersion = "test";

        // The welcome steps: names, the suggested rituals, the first goal.
        show(ui, ui::Screen::Onboarding);
        ui.act("onboarding/next");
        ui.click("onboarding/name/1");
        ui.type("Zoë");
        ui.click("onboarding/name/2");
        ui.type("Sam");
        // The rituals: the question of the night, as suggested, and three more
        // they choose themselves instead of an hour just for them.
        ui.act("onboarding/next");
        ImGui::GetIO().DisplaySize = ImVec2(1280, 2400); // every suggestion in view
        ui.run(2);
        ui.click("onboarding/pick/time-for-us");
        ui.click("onboarding/pick/goodbye-hug");
        ui.click("onboarding/pick/evening-check-in");
        ui.click("onboarding/pick/thank-you");
        ui.run();
        ui.act("onboarding/next"); // the goal: "A good start", five of anything
        ui.act("onboarding/next"); // how Kindling counts
        ui.act("onboarding/next"); // Let's begin
        REQUIRE(ui.state().screen == ui::Screen::Today);
        REQUIRE(ui.session().onboarded());
        REQUIRE(ui.session().history().goals.size() == 1);

        // A second goal from the Goals screen: three check-ins this week.
        show(ui, ui::Screen::Goals);
        ui.act("goals/new");
        ui.retype("goals/form/title", "Three check-ins this week");
        ui.act("goals/form/scope/ritual");
        ui.act("goals/form/ritual/" + checkIn);
        ui.retype("goals/form/target", "3");
        ui.act("goals/form/period/week");
        ui.retype("goals/form/reward", "Pancakes");
        ui.act("goals/form/save");
        REQUIRE(ui.session().history().goals.size() == 2);

        // A week: every evening both log from Today, and talk about the question.
        int celebrations = 0;
        for (int day = 0; day < 7; ++day) {
            if (day > 0) ui.nextDay();
            show(ui, ui::Screen::Today);
            celebrations += ui.click("log/" + hug + "/both"); // together
            if (day % 2 == 1) celebrations += ui.click("log/" + checkIn);
            celebrations += ui.click("log/" + thanks + "/1"); // Zoë thanks Sam
            celebrations += ui.click("log/" + thanks + "/2"); // and Sam thanks Zoë
            show(ui, ui::Screen::Questions);
            celebrations += ui.click("questions/answer");
        }
        lastDay = ui.today();
        CHECK(celebrations > 0);
        show(ui, ui::Screen::Today);
        CHECK(ui.shownStreak() == 7);

        // Both goals were reached and celebrated, once each.
        const std::set<std::string> shown = ui.session().store().shownCelebrations();
        int goalsCelebrated = 0;
        for (const std::string& key : shown)
            goalsCelebrated += key.rfind("goal:", 0) == 0;
        CHECK(goalsCelebrated == 2);
        show(ui, ui::Screen::Goals);
        CHECK(ui.shows("Reached together"));
        CHECK(ui.shows("Pancakes"));

        // A mistaken log, taken back with Ctrl+Z.
        const std::size_t logs = ui.session().history().logs.size();
        show(ui, ui::Screen::Today);
        ui.click("log/" + checkIn); // they did not, tonight
        CHECK(ui.session().history().logs.size() == logs + 1);
        ui.pressCtrl('Z');
        CHECK(ui.session().history().logs.size() == logs);
        CHECK(ui.session().store().loadHistory().logs.size() == logs);

        // Another, fixed in the Journal: tonight's thank-you from Sam gets its note.
        std::string fixedId;
        for (const Log& log : ui.session().history().logs)
            if (log.day == ui.today() && log.who == Who::Partner2 &&
                ui.session().history().findRitual(log.ritualId)->name == thanks)
                fixedId = log.id;
        REQUIRE_FALSE(fixedId.empty());
        show(ui, ui::Screen::Journal);
        ui.act("journal/edit/" + fixedId);
        ui.click("journal/editor/note");
        ui.type("for the soup");
        ui.click("journal/editor/save");
        ui.run();
        bool noted = false;
        for (const Log& log : ui.session().store().loadHistory().logs)
            noted = noted || (log.id == fixedId && log.note == "for the soup");
        CHECK(noted);

        // A trip: a week's break from tomorrow.
        show(ui, ui::Screen::Today);
        ui.act("break/open");
        ui.act("break/reason/Travel");
        ui.act("break/length/A week");
        ui.act("break/start");
        REQUIRE(ui.session().history().pauses.size() == 1);
        CHECK_THAT(ui.session().history().pauses[0].reason, Contains("Travel"));

        // What the screens show after a restart (no undo, no notice left), and
        // the export of it all.
        ui.reopen();
        ui.state().screens.goals.notice.clear();
        dashboardBefore = screenText(ui, ui::Screen::Dashboard);
        journalBefore = screenText(ui, ui::Screen::Journal);
        goalsBefore = screenText(ui, ui::Screen::Goals);
        badgesBefore = screenText(ui, ui::Screen::Achievements);
        show(ui, ui::Screen::Settings);
        ui.act("data/export");
        before = ui.session().store().loadHistory();
        celebratedBefore = ui.session().store().shownCelebrations();
    }

    // A wiped data folder, on the same evening.
    SessionFixture ui;
    while (ui.today() < lastDay)
        ui.nextDay();
    ui.state().documentsDirectory = documents;
    ui.state().appVersion = "test";
    show(ui, ui::Screen::Settings);
    ui.act("data/likely/kindling-" + formatDay(lastDay) + ".json");
    CHECK_THAT(ui.drawn(), Contains("A Kindling export made on"));
    ui.act("data/import");
    CHECK(ui.session().pendingCelebrations().empty()); // celebrated once, already

    ui.reopen();
    while (ui.today() < lastDay)
        ui.nextDay();
    test::requireSameHistory(ui.session().store().loadHistory(), before);
    CHECK(ui.session().store().shownCelebrations() == celebratedBefore);
    CHECK(screenText(ui, ui::Screen::Dashboard) == dashboardBefore);
    CHECK(screenText(ui, ui::Screen::Journal) == journalBefore);
    CHECK(screenText(ui, ui::Screen::Goals) == goalsBefore);
    CHECK(screenText(ui, ui::Screen::Achievements) == badgesBefore);
}
