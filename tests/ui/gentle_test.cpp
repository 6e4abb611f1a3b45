// Gentle by design, kept (docs/product.md §1.7): what the screens show when a
// streak has ended, when a couple comes back, for touch and "when it helps"
// rituals, for the couple's week and how settled a ritual is; the guides and
// "Talking about us" clicked through as a couple would.
#include "app/content.hpp"
#include "core/programme.hpp"
#include "core/question_deck.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

RitualDraft draftNamed(const std::string& name, Area area = Area::Connection) {
    RitualDraft draft;
    draft.name = name;
    draft.area = area;
    return draft;
}

void couple(SessionFixture& ui) {
    steps::setPartnerNames(ui.session(), "Zoë", "Sam");
    steps::addRitual(ui.session(), draftNamed("Morning coffee"));
}

void logOn(SessionFixture& ui, const std::string& ritual, std::vector<Day> dayList) {
    steps::log(ui.session(), ritual, dayList, std::nullopt, std::nullopt, "");
    ui.celebrateAll();
}

// The drawn text on one line, however the window wrapped it.
std::string flat(const std::string& drawn) {
    std::string out;
    for (char c : drawn) {
        const char shown = c == '\n' ? ' ' : c;
        if (shown == ' ' && !out.empty() && out.back() == ' ') continue;
        out += shown;
    }
    return out;
}

} // namespace

TEST_CASE("gentle: with the streak ended, Today invites instead of showing 0 days") {
    SessionFixture ui;
    couple(ui);
    logOn(ui, "Morning coffee", {ui.today() - days{9}, ui.today() - days{8}});
    ui.run(2);
    REQUIRE_FALSE(ui.session().derived().connection.current);
    CHECK_FALSE(ui.shownStreak());
    CHECK_THAT(ui.drawn(), !Contains("0 days"));
    CHECK_THAT(ui.drawn(), Contains("A fresh start"));
    CHECK_THAT(ui.drawn(), Contains("any ritual today lights the flame"));

    ui.click("log/Morning coffee");
    ui.run();
    CHECK(ui.shownStreak() == 1);
}

TEST_CASE("gentle: a new couple's Today starts with a freeze banked and no 0") {
    SessionFixture ui;
    couple(ui);
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("A fresh start"));
    CHECK_THAT(ui.drawn(), !Contains("0 days"));
    CHECK(ui.session().derived().connection.freezesBanked == 1);
}

TEST_CASE("gentle: welcome back after a gap, with the offer to count it as a break") {
    SessionFixture ui;
    couple(ui);
    std::vector<Day> before;
    for (int i = 30; i >= 15; --i)
        before.push_back(ui.today() - days{i});
    logOn(ui, "Morning coffee", before);
    ui.run(2);
    // Two weeks away (days 14 … 1 before today): a kind word on opening.
    REQUIRE_THAT(ui.drawn(), Contains("Welcome back"));
    CHECK_THAT(flat(ui.drawn()), Contains("nothing you built is lost"));
    CHECK_THAT(ui.drawn(), !Contains("0 days"));

    ui.click("welcome-back/break");
    ui.run();
    REQUIRE(ui.session().history().pauses.size() == 1);
    const Pause& pause = ui.session().history().pauses[0];
    CHECK(pause.first == ui.today() - days{14});
    CHECK(pause.last == ui.today() - days{1});
    CHECK(pause.reason == "Time away");
    // The streak waited through the break, as if it had been planned.
    REQUIRE(ui.session().derived().connection.current);
    CHECK(ui.session().derived().connection.current->length ==
          static_cast<int>(before.size()) + 14);
    CHECK_THAT(ui.drawn(), !Contains("Welcome back"));
    // It is stored, and a fresh start of the app says nothing more of it.
    ui.reopen();
    ui.run(2);
    CHECK_THAT(ui.drawn(), !Contains("Welcome back"));
    CHECK(ui.session().store().loadHistory().pauses.size() == 1);
}

TEST_CASE("gentle: a welcome back put away stays away until the next gap") {
    SessionFixture ui;
    couple(ui);
    logOn(ui, "Morning coffee", {ui.today() - days{5}});
    ui.run(2);
    REQUIRE_THAT(ui.drawn(), Contains("Welcome back"));
    ui.click("welcome-back/close");
    ui.run();
    CHECK_THAT(ui.drawn(), !Contains("Welcome back"));
    CHECK(ui.session().history().pauses.empty());
    ui.reopen();
    ui.run(2);
    CHECK_THAT(ui.drawn(), !Contains("Welcome back"));

    // One quiet day is just a quiet day.
    ui.click("log/Morning coffee");
    ui.nextDay();
    ui.nextDay();
    ui.run(2);
    CHECK_THAT(ui.drawn(), !Contains("Welcome back"));
    // Two more are a gap again.
    ui.nextDay();
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("Welcome back"));
}

TEST_CASE("gentle: touch is never due, has no streak and is logged when it happens") {
    SessionFixture ui;
    couple(ui);
    steps::addRitual(ui.session(), draftNamed("A long hug", Area::Touch));
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("Whenever it feels right"));
    const std::string row = ui.rowOf("A long hug");
    CHECK_THAT(row, !Contains("Skip today"));
    CHECK_THAT(row, Contains("[ Zoë ]"));
    CHECK_THAT(row, Contains("[ Together ]"));

    ui.click("log/A long hug/2"); // Sam, for themselves
    ui.run();
    const Ritual& hug = steps::ritualNamed(ui.session(), "", "A long hug");
    REQUIRE(ui.session().history().logs.size() == 1);
    CHECK(ui.session().history().logs[0].who == Who::Partner2);
    CHECK(ui.session().history().logs[0].ritualId == hug.id);
    CHECK(ui.session().derived().rituals.at(hug.id).couple.streaks.empty());
    CHECK_THAT(ui.rowOf("A long hug"), Contains("Here today"));

    // The Dashboard tells how often, with no streak and nothing settling.
    ui.state().screen = ui::Screen::Dashboard;
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("as it happens"));
    CHECK_THAT(ui.drawn(), Contains("once so far"));
}

TEST_CASE("gentle: the Dashboard shows the couple's week and how settled, never a ledger") {
    SessionFixture ui(ImVec2(1280, 2400));
    couple(ui);
    RitualDraft each = draftNamed("A thank-you", Area::Appreciation);
    each.mode = RitualMode::Each;
    steps::addRitual(ui.session(), each);
    logOn(ui, "Morning coffee", {ui.today() - days{1}, ui.today()});
    steps::log(ui.session(), "A thank-you", {ui.today()}, std::string("Zoë"), std::nullopt, "");
    ui.celebrateAll();
    ui.state().screen = ui::Screen::Dashboard;
    ui.run(3);
    const std::string page = flat(ui.drawn());
    CHECK_THAT(page, Contains("Your week together"));
    CHECK_THAT(page, Contains("shared between the two of you"));
    // No partner's total beside the other's, no hollow "nothing logged".
    CHECK_THAT(page, !Contains("this week per partner"));
    CHECK_THAT(page, !Contains("Zoë 1 this week"));
    CHECK_THAT(page, !Contains("Nothing logged"));
    // How settled, in words; no "30 days ago".
    CHECK_THAT(page, Contains("How settled"));
    CHECK_THAT(page, Contains("just beginning"));
    CHECK_THAT(page, !Contains("30 days ago"));
    CHECK_THAT(page, !Contains("Strength"));
}

TEST_CASE("gentle: the welcome steps say a quiet day in the first week is covered") {
    SessionFixture ui(ImVec2(1280, 2000));
    steps::setPartnerNames(ui.session(), "Zoë", "Sam");
    ui.state().screen = ui::Screen::Onboarding;
    ui.run(2);
    for (int step = 0; step < 4; ++step)
        ui.act("onboarding/next");
    REQUIRE_THAT(ui.drawn(), Contains("How Kindling counts"));
    const std::string page = flat(ui.drawn());
    CHECK_THAT(page, Contains("You start with one freeze already banked"));
    CHECK_THAT(page, Contains("a quiet day in your first week is covered"));
    CHECK_THAT(page, Contains("Touch is never on a list of things to do"));
}

TEST_CASE("gentle: a ritual done when it helps, from the Rituals form") {
    SessionFixture ui(ImVec2(1280, 2400));
    couple(ui);
    ui.state().screen = ui::Screen::Rituals;
    ui.run(2);
    ui.act("rituals/new");
    ui.click("rituals/form/name");
    ui.type("Talking it over");
    ui.act("rituals/form/when-it-helps");
    CHECK_THAT(flat(ui.drawn()), Contains("No schedule: it is never due"));
    ui.act("rituals/form/save");
    const Ritual* talk = ui.session().history().findRitualByName("Talking it over");
    REQUIRE(talk != nullptr);
    CHECK(talk->whenItHelps);
    CHECK(ui.session().store().loadHistory().findRitualByName("Talking it over")->whenItHelps);
    CHECK_THAT(ui.drawn(), Contains("When it helps"));
}

TEST_CASE("gentle: Talking about us is a couple setting that joins the nights' questions") {
    SessionFixture ui(ImVec2(1280, 3200));
    couple(ui);
    ui.state().screen = ui::Screen::Settings;
    ui.run(2);
    CHECK_FALSE(ui.session().history().settings.talkingAboutUs);
    ui.act("settings/talking-about-us");
    CHECK(ui.session().history().settings.talkingAboutUs);
    CHECK(ui.session().store().loadHistory().settings.talkingAboutUs);
    CHECK_THAT(ui.drawn(), Contains("They join the nights' questions from today."));

    // Over the nights of a deck's length, an "us" question comes up only
    // when it is on.
    const auto usNights = [&](bool on) {
        Settings settings = ui.session().history().settings;
        settings.talkingAboutUs = on;
        steps::setSettings(ui.session(), settings);
        int count = 0;
        const Day start = ui.today();
        for (int i = 0; i < 230; ++i) {
            ui.session().setAsOf(start + days{i});
            count += isOptInQuestion(ui.session().questionOfTheNight());
        }
        ui.session().setAsOf(start);
        return count;
    };
    CHECK(usNights(true) > 0);
    CHECK(usNights(false) == 0);
}

TEST_CASE("gentle: the programme, clicked through: both choose, each answers privately") {
    SessionFixture ui(ImVec2(1280, 2400));
    couple(ui);
    ui.state().screen = ui::Screen::Support;
    ui.run(2);
    ui.act("support/programme");
    REQUIRE(ui.state().screen == ui::Screen::Programme);
    CHECK_THAT(flat(ui.drawn()), Contains("Only if you both would like to"));

    ui.act("programme/join/yes/1");
    CHECK(programmeState(ui.session().history()).status == ProgrammeStatus::Off);
    CHECK_THAT(flat(ui.drawn()), Contains("has answered, privately"));
    ui.act("programme/join/yes/2");
    REQUIRE(programmeState(ui.session().history()).status == ProgrammeStatus::Active);
    std::string page = flat(ui.drawn());
    CHECK_THAT(page, Contains("Stage 1: Taking turns"));
    CHECK_THAT(page, Contains("You have both chosen this."));
    // No undo button may take a step of it back.
    CHECK_FALSE(ui.session().canUndo());

    // One "not yet" is not shown as whose, and the stage stays.
    ui.act("programme/ready/no/2");
    CHECK_THAT(flat(ui.drawn()), Contains("has answered, privately"));
    const std::string waiting = flat(ui.drawn());
    CHECK_THAT(waiting, !Contains("Not yet:"));
    ui.act("programme/ready/yes/1");
    CHECK(programmeState(ui.session().history()).stage == 1);
    CHECK_THAT(flat(ui.drawn()), Contains("One of you would like more time with this stage."));

    ui.act("programme/ready/yes/1");
    ui.act("programme/ready/yes/2");
    REQUIRE(programmeState(ui.session().history()).stage == 2);
    page = flat(ui.drawn());
    CHECK_THAT(page, Contains("Stage 2: Taking more time"));
    // Going back is a place to return to, never a step back.
    CHECK_THAT(page, Contains("Spend time with \"Taking turns\""));
    CHECK_THAT(page, !Contains("Back to stage"));
    ui.act("programme/earlier");
    CHECK(programmeState(ui.session().history()).stage == 1);

    ui.act("programme/pause");
    CHECK(programmeState(ui.session().history()).status == ProgrammeStatus::Paused);
    CHECK_THAT(flat(ui.drawn()), Contains("Resting"));
    ui.act("programme/stop");
    CHECK(programmeState(ui.session().history()).status == ProgrammeStatus::Off);
    // Nothing in it was a log, so no XP, no streak and no celebration.
    CHECK(ui.session().history().logs.empty());
    CHECK(ui.session().progress().xp.breakdown.total() == 0);
    CHECK(ui.session().pendingCelebrations().empty());
}

TEST_CASE("gentle: the last stage points beyond itself, to a sex therapist") {
    SessionFixture ui(ImVec2(1280, 2400));
    couple(ui);
    for (const Who who : {Who::Partner1, Who::Partner2})
        ui.session().run(answerProgrammeJoin, who, true);
    for (int stage = 1; stage < programmeStages; ++stage)
        for (const Who who : {Who::Partner1, Who::Partner2})
            ui.session().run(answerProgrammeReady, who, true);
    ui.state().screen = ui::Screen::Programme;
    ui.run(2);
    const std::string page = flat(ui.drawn());
    CHECK_THAT(page, Contains("Stage 3: Together"));
    CHECK_THAT(page, Contains("a sex therapist can guide you further"));
    CHECK_FALSE(ui.wasDrawn("programme/ready/yes/1"));
}

TEST_CASE("gentle: the repair talk's guide keeps the plan as a private note") {
    SessionFixture ui(ImVec2(1280, 2400));
    couple(ui);
    ui.state().screen = ui::Screen::Repair;
    ui.run(2);
    const std::string page = flat(ui.drawn());
    CHECK_THAT(page, Contains("Each of you says what bothered you"));
    CHECK_THAT(page, Contains("until the first one feels heard"));
    CHECK_THAT(page, Contains("What each of you needs"));
    CHECK_THAT(page, Contains("One thing to try next time"));
    CHECK_THAT(page, Contains("The aim is to keep talking kindly, not to win."));

    ui.click("repair/plan");
    ui.type("Say so before plans change.");
    ui.act("repair/keep");
    const Ritual* repair = repairRitual(ui.session().history());
    REQUIRE(repair != nullptr);
    CHECK(repair->whenItHelps);
    REQUIRE(ui.session().history().logs.size() == 1);
    CHECK(ui.session().history().logs[0].note == "Say so before plans change.");
    CHECK(ui.session().history().logs[0].ritualId == repair->id);
    CHECK_THAT(ui.drawn(), Contains("Thank you for talking it through."));

    // The repair talk on Today leads back to its guide.
    ui.state().screen = ui::Screen::Today;
    ui.run(2);
    ui.act("guide/" + repair->name);
    CHECK(ui.state().screen == ui::Screen::Repair);
}
