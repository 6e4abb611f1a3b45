// The welcome steps, clicked and typed through as a new couple would, over a
// real data file: what they chose must be in the store, and still there after
// the app opens again.
#include "app/content.hpp"
#include "app/sync_engine.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

const Ritual* fromCatalog(const History& history, const std::string& catalogId) {
    for (const Ritual& ritual : history.rituals)
        if (ritual.catalogId == catalogId) return &ritual;
    return nullptr;
}

// Clicks, then draws the frame that shows what the click did.
void clickAndDraw(SessionFixture& f, const std::string& key) {
    f.click(key);
    f.run();
}

void openWelcome(SessionFixture& f) {
    f.state().screen = ui::Screen::Onboarding;
    f.run(2);
}

} // namespace

TEST_CASE("the welcome steps save names, colours, the rituals picked and a first goal") {
    SessionFixture f(ImVec2(1280, 2400)); // every suggestion in view, the last one too
    REQUIRE_FALSE(f.session().onboarded());
    openWelcome(f);
    CHECK(f.shows("Welcome to Kindling"));
    CHECK(f.shows("Step 1 of 5"));
    CHECK_FALSE(f.wasDrawn("onboarding/back")); // nothing to go back to

    clickAndDraw(f, "onboarding/next");
    CHECK(f.shows("The two of you"));
    // Without names the step stays, and says why.
    clickAndDraw(f, "onboarding/next");
    CHECK(f.shows("Step 2 of 5"));
    CHECK(f.shows("Each of you needs a name"));

    f.click("onboarding/name/1");
    f.type("Zoë");
    f.click("onboarding/name/2");
    f.type("Sam");
    f.click("onboarding/colour/2/9"); // Teal for Sam
    // Sam's colour is not Zoë's to take: she keeps hers.
    f.click("onboarding/colour/1/9");
    f.run();
    CHECK(f.shows("Zoë"));
    clickAndDraw(f, "onboarding/next");
    CHECK(f.shows("A few small rituals"));
    CHECK_FALSE(f.shows("Each of you needs a name"));

    // Two gentle ones come ticked; the couple changes their mind on a few.
    f.click("onboarding/pick/time-for-us");   // untick
    f.click("onboarding/pick/walk-together"); // tick
    f.click("onboarding/pick/goodbye-hug");   // tick
    f.click("onboarding/pick/thank-you");     // tick
    f.run();
    clickAndDraw(f, "onboarding/often/goodbye-hug"); // the list opens
    f.click("onboarding/often/goodbye-hug/1");       // 5 times a week
    clickAndDraw(f, "onboarding/who/goodbye-hug");
    f.click("onboarding/who/goodbye-hug/each");
    clickAndDraw(f, "onboarding/next");

    CHECK(f.shows("A first shared goal"));
    f.click("onboarding/goal-title");
    f.type(" together");
    f.click("onboarding/goal-period/2"); // every week
    f.click("onboarding/goal-reward");
    f.type("pancakes in bed");
    clickAndDraw(f, "onboarding/next");

    CHECK(f.shows("How Kindling counts"));
    CHECK(f.shows("Freezes"));
    CHECK(f.shows("Skips"));
    CHECK(f.shows("Pauses"));
    f.runFresh();
    CHECK_FALSE(f.wasDrawn("onboarding/skip")); // the last step only begins
    // Nothing is written before the last step.
    CHECK(f.session().history().rituals.empty());
    CHECK_FALSE(f.session().onboarded());
    clickAndDraw(f, "onboarding/next"); // Let's begin
    CHECK(f.state().screen == ui::Screen::Today);

    f.reopen();
    const History& history = f.session().history();
    CHECK(f.session().onboarded());
    CHECK(history.couple.partners[0].name == "Zoë");
    CHECK(history.couple.partners[1].name == "Sam");
    CHECK(history.couple.partners[0].colour == 0xE0683Fu);
    CHECK(history.couple.partners[1].colour == 0x2A8C86u);

    CHECK(history.rituals.size() == 4);
    const Ritual* hug = fromCatalog(history, "goodbye-hug");
    REQUIRE(hug != nullptr);
    CHECK(hug->frequency.times == 5);
    CHECK(hug->frequency.perDays == 7);
    CHECK(hug->mode == RitualMode::Each);
    CHECK(hug->name == "A hug before leaving");
    CHECK_FALSE(hug->why.empty());
    CHECK(fromCatalog(history, "evening-check-in") == nullptr);
    CHECK(fromCatalog(history, "time-for-us") == nullptr);
    const Ritual* walk = fromCatalog(history, "walk-together");
    REQUIRE(walk != nullptr);
    CHECK(walk->measure.has_value()); // the catalog's measure comes along
    const Ritual* thanks = fromCatalog(history, "thank-you");
    REQUIRE(thanks != nullptr);
    CHECK(thanks->mode == RitualMode::Each);
    CHECK(fromCatalog(history, "question-of-the-night") != nullptr);

    REQUIRE(history.goals.size() == 1);
    const Goal& goal = history.goals.front();
    CHECK(goal.title == "A good start together");
    CHECK(goal.target == 5);
    CHECK(goal.scope == GoalScope::Any);
    CHECK(goal.period == GoalPeriod::EveryWeek);
    CHECK(goal.reward == "pancakes in bed");

    // Today now lists what they picked.
    f.run(2);
    CHECK(f.shows("A hug before leaving"));
}

TEST_CASE("the welcome steps start small: at most two ticked, none daily, none about touch") {
    SessionFixture f;
    openWelcome(f);
    clickAndDraw(f, "onboarding/next");
    const std::vector<ui::RitualPick>& picks = f.state().screens.onboarding.rituals;
    REQUIRE_FALSE(picks.empty());
    int ticked = 0;
    for (const ui::RitualPick& pick : picks) {
        if (!pick.picked) continue;
        ++ticked;
        INFO(pick.catalogId);
        const auto entry =
            std::find_if(shippedContent().catalog.begin(), shippedContent().catalog.end(),
                         [&](const CatalogRitual& e) { return e.id == pick.catalogId; });
        REQUIRE(entry != shippedContent().catalog.end());
        CHECK(entry->area != "touch");
        CHECK_FALSE(pick.frequency.times == pick.frequency.perDays); // not daily
        CHECK_FALSE(entry->times == entry->perDays);
    }
    CHECK(ticked >= 1);
    CHECK(ticked <= 2);
    // The words agree with what is ticked.
    f.state().screens.onboarding.step = 2;
    f.run(2);
    CHECK(f.shows("plenty to begin with"));
}

TEST_CASE("the welcome steps work from the keyboard: Enter goes on, Escape goes back") {
    SessionFixture f;
    openWelcome(f);
    f.pressKey(ImGuiKey_Enter);
    CHECK(f.shows("The two of you"));
    // The first name has the keyboard as the step opens; Enter moves to the second.
    f.run();
    f.type("Zoë");
    f.pressKey(ImGuiKey_Enter);
    f.type("Sam");
    f.pressKey(ImGuiKey_Enter);
    CHECK(f.shows("A few small rituals"));
    f.pressKey(ImGuiKey_Escape);
    CHECK(f.shows("The two of you"));
    f.run(); // the first name takes the keyboard again; Enter in it moves on
    CHECK(f.shows("Zoë"));
    CHECK(f.shows("Sam"));
    // Enter: to the second name, to the rituals, to the goal, to how it counts.
    for (int press = 0; press < 4; ++press)
        f.pressKey(ImGuiKey_Enter);
    CHECK(f.shows("How Kindling counts"));
    f.pressKey(ImGuiKey_Enter);
    CHECK(f.state().screen == ui::Screen::Today);
    f.reopen();
    CHECK(f.session().history().couple.partners[1].name == "Sam");
    CHECK(f.session().history().rituals.size() == 2); // the ones ticked to start with
    CHECK(f.session().history().goals.size() == 1);
}

TEST_CASE("skipping the welcome steps opens Today and they do not come back by themselves") {
    SessionFixture f;
    openWelcome(f);
    clickAndDraw(f, "onboarding/next");
    f.click("onboarding/name/1");
    f.type("Zoë");
    f.click("onboarding/name/2");
    f.type("Sam");
    clickAndDraw(f, "onboarding/skip");
    CHECK(f.state().screen == ui::Screen::Today);
    CHECK(f.session().onboarded());
    f.reopen();
    CHECK(f.session().onboarded());
    // The names given before skipping are kept; nothing else was chosen.
    CHECK(f.session().history().couple.partners[0].name == "Zoë");
    CHECK(f.session().history().couple.partners[1].name == "Sam");
    CHECK(f.session().history().rituals.empty());
    CHECK(f.session().history().goals.empty());
}

TEST_CASE(
    "Settings reopens the welcome steps: what the couple has is marked, Close changes nothing") {
    SessionFixture f(ImVec2(1280, 2200)); // the button is far down Settings
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    steps::addRitualFromCatalog(f.session(), "goodbye-hug");
    f.state().screen = ui::Screen::Settings;
    f.run(2);
    clickAndDraw(f, "settings/onboarding");
    CHECK(f.state().screen == ui::Screen::Onboarding);
    CHECK(f.shows("Step 1 of 5"));
    clickAndDraw(f, "onboarding/next");
    CHECK(f.shows("Zoë")); // the names as they are
    clickAndDraw(f, "onboarding/next");
    CHECK(f.shows("already one of yours"));
    CHECK_FALSE(f.wasDrawn("onboarding/pick/goodbye-hug"));
    f.click("onboarding/pick/morning-coffee");
    clickAndDraw(f, "onboarding/skip"); // "Close"
    CHECK(f.state().screen == ui::Screen::Settings);
    CHECK(f.session().history().rituals.size() == 1);
}

TEST_CASE("adding more from the welcome steps later leaves what exists and adds only the new") {
    SessionFixture f;
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    steps::addRitualFromCatalog(f.session(), "goodbye-hug");
    openWelcome(f);
    clickAndDraw(f, "onboarding/next");
    clickAndDraw(f, "onboarding/next");
    f.click("onboarding/pick/morning-coffee");
    clickAndDraw(f, "onboarding/next");
    CHECK(f.shows("A first shared goal"));
    clickAndDraw(f, "onboarding/next");
    clickAndDraw(f, "onboarding/next"); // Save
    CHECK(f.state().screen == ui::Screen::Today);
    const History& history = f.session().history();
    CHECK(history.rituals.size() == 2);
    CHECK(fromCatalog(history, "morning-coffee") != nullptr);
    CHECK(std::count_if(history.rituals.begin(), history.rituals.end(),
                        [](const Ritual& r) { return r.catalogId == "goodbye-hug"; }) == 1);
}

TEST_CASE("the second computer joins from the welcome step and takes on the couple") {
    SessionFixture f;
    // The first computer: set up, syncing through the folder the two share.
    const std::filesystem::path shared = f.dir().path() / "Shared";
    std::filesystem::create_directories(shared);
    std::optional<Session> first(
        Session::open(DataLocation{f.dir().path() / "first"}, f.today()));
    steps::setPartnerNames(*first, "Zoë", "Sam");
    steps::addRitualFromCatalog(*first, "goodbye-hug");
    startSync(*first, shared);
    const std::string code = *pairingCode(*first);

    openWelcome(f);
    CHECK(f.shows("Already using Kindling on the other computer?"));
    clickAndDraw(f, "onboarding/join");
    f.run(2);
    CHECK(f.state().screen == ui::Screen::Settings);
    CHECK(f.wasDrawn("sync/code")); // the card that joins, in view
    f.retype("sync/folder", shared.string());
    f.retype("sync/code", code);
    f.act("sync/start");
    f.run(2);
    CHECK(f.shows("You are paired. Everything of the two of you is here now."));
    CHECK(f.shows(") has not written anything yet.")); // it took on the couple, sent nothing
    CHECK(f.shows(": what it wrote arrived here "));
    CHECK(f.session().history().couple.partners[0].name == "Zoë");
    CHECK(f.session().history().couple.partners[1].name == "Sam");
    REQUIRE(f.session().history().rituals.size() == 1);
    // The first computer keeps its names: the skip saved here does not win.
    syncNow(*first);
    CHECK(first->history().couple.partners[0].name == "Zoë");
    // Set up already, the welcome steps do not offer it again.
    f.state().screen = ui::Screen::Onboarding;
    f.run(2);
    CHECK_FALSE(f.shows("Already using Kindling on the other computer?"));
}
