// The Rituals screen, clicked through over a real data file: writing a ritual,
// editing it, adding ideas from the catalog, archiving, restoring and
// ordering. Every check reads the store or what the screen drew.
#include "app/content.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

RitualDraft draftNamed(const std::string& name) {
    RitualDraft draft;
    draft.name = name;
    return draft;
}

// The Rituals screen, tall enough that every row and idea can be clicked.
void openRituals(SessionFixture& ui) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 5000);
    steps::setPartnerNames(ui.session(), "Zoë", "Sam");
    ui.state().screen = ui::Screen::Rituals;
    ui.run(2);
}

const Ritual* storedNamed(Session& session, const std::string& name) {
    static History history;
    history = session.store().loadHistory();
    return history.findRitualByName(name);
}

std::string namesInOrder(const History& history) {
    std::string names;
    for (const Ritual& ritual : history.rituals)
        names += (names.empty() ? "" : ",") + ritual.name;
    return names;
}

} // namespace

TEST_CASE("rituals: a new ritual is written with every choice, then edited and undone") {
    SessionFixture ui;
    openRituals(ui);
    CHECK(ui.shows("No rituals yet"));

    ui.act("rituals/new");
    ui.run();
    CHECK(ui.shows("A new ritual"));
    ui.retype("rituals/form/name", "Slow dance in the kitchen");
    ui.retype("rituals/form/why", "Music makes the evening ours");
    ui.act("rituals/form/on-days");
    ui.act("rituals/form/day/Sat"); // Mon, Wed and Fri are on already
    ui.act("rituals/form/day/Mon");
    ui.act("rituals/form/mode/each");
    ui.act("rituals/form/measured");
    ui.retype("rituals/form/target", "15");
    ui.retype("rituals/form/unit", "songs");
    ui.act("rituals/form/area/fun");
    ui.act("rituals/form/icon/music");
    ui.act("rituals/form/save");
    ui.run();

    const Ritual* dance = storedNamed(ui.session(), "Slow dance in the kitchen");
    REQUIRE(dance != nullptr);
    CHECK(dance->why == "Music makes the evening ours");
    CHECK(dance->weekdays == Weekdays{false, false, true, false, true, true, false});
    CHECK(dance->mode == RitualMode::Each);
    REQUIRE(dance->measure);
    CHECK(dance->measure->kind == MeasureKind::AtLeast);
    CHECK(dance->measure->target == 15);
    CHECK(dance->unit == "songs");
    CHECK(dance->area == Area::Fun);
    CHECK(dance->icon == "music");
    CHECK_FALSE(ui.state().screens.rituals.form.open);
    CHECK(ui.shows("is one of your rituals now"));
    CHECK(ui.shows("On Wed, Fri and Sat"));
    CHECK(ui.shows("each of you"));
    CHECK(ui.shows("at least 15 songs"));

    // Edit: three times a week, together, without an amount.
    ui.act("rituals/edit/Slow dance in the kitchen");
    ui.run();
    CHECK(ui.shows("Editing"));
    CHECK(ui.shows("Its history stays"));
    ui.act("rituals/form/by-count");
    ui.act("rituals/form/preset/3 times a week");
    ui.act("rituals/form/mode/together");
    ui.act("rituals/form/measured");
    ui.act("rituals/form/save");
    ui.run();
    dance = storedNamed(ui.session(), "Slow dance in the kitchen");
    REQUIRE(dance != nullptr);
    CHECK_FALSE(dance->weekdays);
    CHECK(dance->frequency.times == 3);
    CHECK(dance->frequency.perDays == 7);
    CHECK(dance->mode == RitualMode::Together);
    CHECK_FALSE(dance->measure);
    CHECK(dance->unit.empty());
    CHECK(dance->why == "Music makes the evening ours");
    CHECK(ui.shows("3 times a week"));

    // Undo brings the weekdays and the amount back, on disk.
    REQUIRE(ui.wasDrawn("rituals/undo"));
    CHECK(ui.shows("Undo editing"));
    ui.act("rituals/undo");
    dance = storedNamed(ui.session(), "Slow dance in the kitchen");
    REQUIRE(dance != nullptr);
    CHECK(dance->weekdays);
    CHECK(dance->mode == RitualMode::Each);
    REQUIRE(dance->measure);

    ui.reopen();
    ui.run(2);
    CHECK(ui.shows("Slow dance in the kitchen"));
    CHECK(ui.shows("On Wed, Fri and Sat"));
}

TEST_CASE("rituals: a number of times in a number of days, typed") {
    SessionFixture ui;
    openRituals(ui);
    ui.act("rituals/new");
    ui.retype("rituals/form/name", "Long talk");
    ui.retype("rituals/form/times", "2");
    ui.retype("rituals/form/days", "10");
    ui.run();
    CHECK(ui.shows("twice in 10 days"));
    ui.act("rituals/form/save");
    const Ritual* talk = storedNamed(ui.session(), "Long talk");
    REQUIRE(talk != nullptr);
    CHECK(talk->frequency.times == 2);
    CHECK(talk->frequency.perDays == 10);
    CHECK_FALSE(talk->weekdays);
}

TEST_CASE("rituals: a wrong form says why, keeps what was typed and writes nothing") {
    SessionFixture ui;
    openRituals(ui);
    steps::addRitual(ui.session(), draftNamed("Morning coffee"));
    ui.act("rituals/new");

    ui.act("rituals/form/save");
    ui.run();
    CHECK(ui.state().screens.rituals.form.open);
    CHECK(ui.shows("The name is empty"));

    ui.retype("rituals/form/name", "morning COFFEE");
    ui.act("rituals/form/save");
    ui.run();
    CHECK(ui.shows("There is already a ritual called \"morning COFFEE\""));
    CHECK(ui.state().screens.rituals.form.draft.name == "morning COFFEE");

    ui.retype("rituals/form/name", "Evening walk");
    ui.retype("rituals/form/times", "5");
    ui.retype("rituals/form/days", "3");
    ui.act("rituals/form/save");
    ui.run();
    CHECK(ui.shows("5 times in 3 days is more than once a day"));

    ui.act("rituals/form/preset/Daily");
    ui.act("rituals/form/measured");
    ui.retype("rituals/form/target", "-1");
    ui.act("rituals/form/save");
    ui.run();
    CHECK(ui.shows("Must be zero or more"));
    CHECK(ui.session().store().loadHistory().rituals.size() == 1);

    // Cancel leaves everything as it was.
    ui.act("rituals/form/cancel");
    ui.run();
    CHECK_FALSE(ui.state().screens.rituals.form.open);
    CHECK_FALSE(ui.shows("A new ritual"));
    CHECK(ui.session().store().loadHistory().rituals.size() == 1);
}

TEST_CASE("rituals: an idea from the catalog is added with one click, then adjusted") {
    SessionFixture ui;
    openRituals(ui);
    const auto& catalog = shippedContent().catalog;
    REQUIRE_FALSE(catalog.empty());
    const CatalogRitual& idea = catalog.front();
    CHECK(ui.shows("Ideas to try"));
    CHECK(ui.shows(idea.name));
    CHECK(ui.shows(idea.why));

    ui.act("rituals/idea/" + idea.id);
    const History stored = ui.session().store().loadHistory();
    REQUIRE(stored.rituals.size() == 1);
    CHECK(stored.rituals[0].catalogId == idea.id);
    CHECK(stored.rituals[0].name == idea.name);
    CHECK(stored.rituals[0].why == idea.why);
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("rituals/idea/" + idea.id)); // taken: no longer an idea
    CHECK(ui.wasDrawn("rituals/edit/" + idea.name));
    CHECK(ui.shows("is one of your rituals now"));

    // Adjusted afterwards like any ritual; it stays the catalog's.
    ui.act("rituals/edit/" + idea.name);
    ui.retype("rituals/form/name", "Coffee before work");
    ui.act("rituals/form/preset/Most days");
    ui.act("rituals/form/save");
    const Ritual* coffee = storedNamed(ui.session(), "Coffee before work");
    REQUIRE(coffee != nullptr);
    CHECK(coffee->catalogId == idea.id);
    CHECK(coffee->frequency.times == 5);
    CHECK(coffee->frequency.perDays == 7);
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("rituals/idea/" + idea.id));

    // Every idea taken: a kind word instead of an empty list.
    for (const CatalogRitual& other : catalog)
        if (other.id != idea.id) steps::addRitualFromCatalog(ui.session(), other.id);
    ui.run();
    CHECK(ui.shows("Every idea here is one of yours already"));
}

TEST_CASE("rituals: archive and restore keep the history, the order moves and stays") {
    SessionFixture ui;
    openRituals(ui);
    Session& session = ui.session();
    for (const char* name : {"Coffee", "Walk", "Thank-you"})
        steps::addRitual(session, draftNamed(name));
    steps::log(session, "Walk", {ui.today() - std::chrono::days{1}, ui.today()}, std::nullopt,
               std::nullopt, "");
    ui.celebrateAll();
    ui.run();

    ui.act("rituals/archive/Walk");
    ui.run();
    CHECK(storedNamed(session, "Walk")->archived);
    CHECK(session.store().loadHistory().logs.size() == 2);
    CHECK(ui.shows("Archived (1)"));
    CHECK(ui.shows("Its history stays"));
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("rituals/edit/Walk"));

    // Today no longer offers it.
    ui.state().screen = ui::Screen::Today;
    ui.runFresh();
    CHECK_FALSE(ui.wasDrawn("log/Walk"));
    ui.state().screen = ui::Screen::Rituals;
    ui.run();

    ui.act("rituals/archived");
    ui.act("rituals/restore/Walk");
    CHECK_FALSE(storedNamed(session, "Walk")->archived);
    ui.run();
    CHECK(ui.shows("is back on Today"));

    // Order: the first cannot go up, the last cannot go down.
    ui.act("rituals/down/Coffee");
    CHECK(namesInOrder(session.store().loadHistory()) == "Walk,Coffee,Thank-you");
    ui.act("rituals/up/Thank-you");
    CHECK(namesInOrder(session.store().loadHistory()) == "Walk,Thank-you,Coffee");
    ui.act("rituals/up/Walk"); // disabled: nothing moves
    CHECK(namesInOrder(session.store().loadHistory()) == "Walk,Thank-you,Coffee");
    ui.pressCtrl('Z'); // as the undo button does
    CHECK(namesInOrder(session.store().loadHistory()) == "Walk,Coffee,Thank-you");

    // An archived ritual keeps its place; the others move past it.
    ui.act("rituals/archive/Coffee");
    ui.act("rituals/down/Walk");
    CHECK(namesInOrder(session.store().loadHistory()) == "Thank-you,Coffee,Walk");

    ui.reopen();
    ui.run(2);
    CHECK(namesInOrder(ui.session().history()) == "Thank-you,Coffee,Walk");
    const std::string drawn = ui.drawn();
    CHECK(drawn.find("Thank-you") < drawn.find("Walk"));
}

TEST_CASE("rituals: long names and emoji are cut to fit, never overflow") {
    SessionFixture ui;
    openRituals(ui);
    const std::string longName =
        "A very long ritual name 🌻🌻🌻 that goes on and on about holding hands on the sofa";
    steps::addRitual(ui.session(), draftNamed(longName));
    ui.run();
    CHECK_FALSE(ui.shows(longName));
    CHECK(ui.shows("A very long ritual name"));
    CHECK(ui.shows("\xE2\x80\xA6"));
    // Edited in a text field, the emoji survive (ImGui keeps 16-bit characters).
    ui.act("rituals/edit/" + longName);
    ui.act("rituals/form/name");
    ui.type("!"); // the 80th character: the most a name holds
    CHECK(ui.state().screens.rituals.form.draft.name.find("🌻🌻🌻") != std::string::npos);
    CHECK(ui.state().screens.rituals.form.draft.name.find('!') != std::string::npos);
    ui.act("rituals/form/save");
    const History stored = ui.session().store().loadHistory();
    REQUIRE(stored.rituals.size() == 1);
    CHECK(stored.rituals[0].name.find("🌻🌻🌻") != std::string::npos);
    CHECK(stored.rituals[0].name.size() == longName.size() + 1);
}
