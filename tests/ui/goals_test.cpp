// The Goals screen, clicked through over a real data file: setting a goal,
// seeing its ring fill and reaching it, editing, archiving and restoring, and
// the list of goals reached. Every check reads the store or what was drawn.
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

// Zoë and Sam with a daily walk; the Goals screen open, tall enough for every row.
void openGoals(SessionFixture& ui) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 4000);
    Session& session = ui.session();
    steps::setPartnerNames(session, "Zoë", "Sam");
    RitualDraft walk;
    walk.name = "Walk";
    steps::addRitual(session, walk);
    ui.state().screen = ui::Screen::Goals;
    ui.run(2);
}

const Goal* storedTitled(Session& session, const std::string& title) {
    static History history;
    history = session.store().loadHistory();
    const auto found = std::find_if(history.goals.begin(), history.goals.end(),
                                    [&](const Goal& g) { return g.title == title; });
    return found == history.goals.end() ? nullptr : &*found;
}

bool goalCelebrationWaiting(Session& session) {
    return std::any_of(session.pendingCelebrations().begin(), session.pendingCelebrations().end(),
                       [](const Milestone& m) { return m.kind == Milestone::Kind::GoalCompleted; });
}

} // namespace

TEST_CASE("goals: set from the screen, filled by logs, reached, celebrated and remembered") {
    SessionFixture ui;
    openGoals(ui);
    CHECK(ui.shows("No goal right now"));

    ui.act("goals/new");
    ui.retype("goals/form/title", "Three walks this week");
    ui.act("goals/form/scope/ritual");
    ui.act("goals/form/ritual/Walk");
    ui.retype("goals/form/target", "3");
    ui.act("goals/form/period/week");
    ui.retype("goals/form/reward", "Pancakes on Sunday");
    ui.run();
    CHECK(ui.shows("Counts the week of 16 \xE2\x80\x93 22 Nov 2026."));
    ui.act("goals/form/save");
    ui.run();

    const Goal* goal = storedTitled(ui.session(), "Three walks this week");
    REQUIRE(goal != nullptr);
    CHECK(goal->target == 3);
    CHECK(goal->scope == GoalScope::Ritual);
    CHECK(goal->ritualId == ui.session().history().rituals[0].id);
    CHECK(goal->period == GoalPeriod::Week);
    CHECK(goal->start == ui.today());
    CHECK(goal->reward == "Pancakes on Sunday");
    CHECK_FALSE(goal->archivedOn);
    CHECK(ui.shows("is set"));
    CHECK(ui.shows("3 to go. The first one starts it."));
    CHECK(ui.shows("Your treat: Pancakes on Sunday"));
    CHECK(ui.shows("16 \xE2\x80\x93 22 Nov 2026"));

    // Two walks earlier this week fill the ring part of the way.
    steps::log(ui.session(), "Walk",
               {ui.today() - std::chrono::days{3}, ui.today() - std::chrono::days{1}}, std::nullopt,
               std::nullopt, "");
    ui.celebrateAll();
    ui.run();
    CHECK(ui.shows("2 of 3 so far, 1 to go."));

    // Today's walk, from the Today screen, reaches it: the celebration comes.
    ui.state().screen = ui::Screen::Today;
    ui.run(2);
    ui.press("log/Walk");
    CHECK(goalCelebrationWaiting(ui.session()));
    // The goal's celebration is among those the walk earned (a first-goal badge too).
    bool shown = false;
    for (int i = 0; i < 5 && !ui.session().pendingCelebrations().empty(); ++i) {
        ui.run(2);                                 // the card is centred from the frame before
        shown = shown || ui.shows("Goal reached"); // the headline may wrap
        ui.press("celebration/continue");
    }
    CHECK(shown);
    CHECK(ui.session().pendingCelebrations().empty());

    ui.state().screen = ui::Screen::Goals;
    ui.run(2);
    CHECK(ui.shows("Reached on Sun 22 Nov. Well done, you two."));
    CHECK(ui.shows("Reached together"));
    CHECK(ui.shows("Three walks this week  \xC2\xB7  16 \xE2\x80\x93 22 Nov 2026  \xC2\xB7  "
                   "Pancakes on Sunday"));

    ui.reopen();
    ui.state().screen = ui::Screen::Goals;
    ui.run(2);
    CHECK(ui.shows("Reached on Sun 22 Nov."));
    CHECK(ui.shows("Pancakes on Sunday"));
}

TEST_CASE("goals: edit, archive and restore a repeating goal, with undo") {
    SessionFixture ui;
    openGoals(ui);
    Session& session = ui.session();
    GoalDraft draft;
    draft.title = "Walks every week";
    draft.target = 4;
    draft.period = GoalPeriod::EveryWeek;
    steps::addGoal(session, draft);
    steps::log(session, "Walk", {ui.today() - std::chrono::days{1}, ui.today()}, std::nullopt,
               std::nullopt, "");
    ui.celebrateAll();
    ui.run();
    CHECK(ui.shows("2 of 4 so far, 2 to go."));
    CHECK(ui.shows("every week"));

    ui.act("goals/edit/Walks every week");
    ui.run();
    CHECK(ui.shows("Editing"));
    CHECK(ui.shows("A fresh start every week"));
    ui.retype("goals/form/target", "2");
    ui.retype("goals/form/reward", "A film night");
    ui.act("goals/form/save");
    const Goal* goal = storedTitled(session, "Walks every week");
    REQUIRE(goal != nullptr);
    CHECK(goal->target == 2);
    CHECK(goal->reward == "A film night");
    CHECK(goal->period == GoalPeriod::EveryWeek);
    ui.run();
    CHECK(ui.shows("Reached on Sun 22 Nov."));
    CHECK(ui.shows("Reached once so far"));

    ui.act("goals/undo");
    CHECK(storedTitled(session, "Walks every week")->target == 4);

    ui.act("goals/archive/Walks every week");
    goal = storedTitled(session, "Walks every week");
    REQUIRE(goal != nullptr);
    CHECK(goal->archivedOn == ui.today());
    ui.run();
    CHECK(ui.shows("is archived"));
    CHECK(ui.shows("Archived (1)"));
    CHECK(ui.shows("No goal right now"));
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("goals/edit/Walks every week"));

    ui.act("goals/archived");
    ui.run();
    CHECK(ui.shows("archived on 22 Nov 2026"));
    ui.act("goals/restore/Walks every week");
    CHECK_FALSE(storedTitled(session, "Walks every week")->archivedOn);
    ui.run();
    CHECK(ui.shows("is back"));
    CHECK(ui.wasDrawn("goals/edit/Walks every week"));

    ui.reopen();
    ui.state().screen = ui::Screen::Goals;
    ui.run(2);
    CHECK(ui.shows("Walks every week"));
    CHECK_FALSE(ui.shows("Archived ("));
}

TEST_CASE("goals: a custom range, any ritual or one area, wrong input is explained") {
    SessionFixture ui;
    openGoals(ui);
    ui.act("goals/new");
    ui.act("goals/form/save");
    ui.run();
    CHECK(ui.shows("The name is empty"));
    CHECK(ui.state().screens.goals.form.open);

    ui.retype("goals/form/title", "Twenty in December");
    ui.retype("goals/form/target", "0");
    ui.act("goals/form/save");
    ui.run();
    CHECK(ui.shows("Must be at least 1"));

    ui.retype("goals/form/target", "20");
    ui.act("goals/form/period/custom");
    ui.retype("goals/form/from", "2026-12-31");
    ui.retype("goals/form/to", "2026-12-01");
    ui.act("goals/form/save");
    ui.run();
    CHECK(ui.shows("The goal ends before it starts"));

    ui.retype("goals/form/from", "first of December");
    ui.act("goals/form/save");
    ui.run();
    CHECK(ui.shows("Write both days as year-month-day"));
    CHECK(ui.session().store().loadHistory().goals.empty());

    ui.retype("goals/form/from", "2026-12-01");
    ui.retype("goals/form/to", "2026-12-31");
    ui.act("goals/form/scope/area");
    ui.act("goals/form/area/touch");
    ui.act("goals/form/save");
    const Goal* goal = storedTitled(ui.session(), "Twenty in December");
    REQUIRE(goal != nullptr);
    CHECK(goal->period == GoalPeriod::Custom);
    CHECK(goal->start == *parseDay("2026-12-01"));
    CHECK(goal->end == *parseDay("2026-12-31"));
    CHECK(goal->scope == GoalScope::Area);
    CHECK(goal->area == Area::Touch);
    ui.run();
    CHECK(ui.shows("Touch rituals, 20 times, 1 \xE2\x80\x93 31 Dec 2026"));
    CHECK(ui.shows("It starts on Tue 1 Dec."));
}

TEST_CASE("goals: ten years of weekly goals reached list only the rows on screen") {
    SessionFixture ui;
    openGoals(ui);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
    Session& session = ui.session();
    session.setAsOf(ui.today() - std::chrono::days{3650});
    GoalDraft draft;
    draft.title = "A walk a week";
    draft.target = 1;
    draft.period = GoalPeriod::EveryWeek;
    draft.reward = "Breakfast in bed";
    steps::addGoal(session, draft);
    session.setAsOf(ui.today());
    std::vector<Day> days;
    for (int i = 3650; i >= 0; i -= 3)
        days.push_back(ui.today() - std::chrono::days{i});
    steps::log(session, "Walk", days, std::nullopt, std::nullopt, "");
    ui.celebrateAll();
    ui.run(2);

    const std::size_t reached = ui.state().screens.goals.lists.built()->reached.size();
    REQUIRE(reached > 500);
    CHECK(ui.shows("Reached 5")); // "Reached 52x times so far"
    // Without the text log (which turns clipping off), only the rows on
    // screen are drawn.
    ui.readText(false);
    ui.runFresh();
    ui.run();
    CHECK(ui.wasDrawn("goals/reached/0"));
    CHECK_FALSE(ui.wasDrawn("goals/reached/" + std::to_string(reached - 1)));
    CHECK_FALSE(ui.wasDrawn("goals/reached/100"));
    // The newest first.
    const auto& newestFirst = ui.state().screens.goals.lists.built()->reached;
    CHECK(newestFirst.front().completedOn > newestFirst.back().completedOn);
}
