// The Settings screen's preferences and the PIN lock, clicked through over a
// real data file, and the Session commands under them.
#include "app/pin.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

constexpr int backspace = 259; // GLFW_KEY_BACKSPACE, as the GLFW backend maps it

// Tall enough for every Settings card without scrolling.
const ImVec2 tallDisplay(1280, 2200);

void openSettings(SessionFixture& f) {
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    f.state().screen = ui::Screen::Settings;
    f.run(2);
}

// Clicks, then draws the frame that shows what the click did (an opened list).
void clickAndDraw(SessionFixture& f, const std::string& key) {
    f.click(key);
    f.run();
}

void eraseTyped(SessionFixture& f, int characters) {
    ImGui::GetIO().KeyMap[ImGuiKey_Backspace] = backspace;
    for (int i = 0; i < characters; ++i)
        f.pressKey(ImGuiKey_Backspace);
}

std::optional<std::string> stored(SessionFixture& f, const std::string& key) {
    const auto all = f.session().store().preferences();
    const auto found = all.find(key);
    return found == all.end() ? std::nullopt : std::optional<std::string>(found->second);
}

} // namespace

TEST_CASE("names are saved from Settings, and a clash is explained without changing anything") {
    SessionFixture f(tallDisplay);
    openSettings(f);
    CHECK_FALSE(f.wasDrawn("settings/save-names")); // nothing edited yet
    f.click("settings/name/2");
    f.type("my");
    CHECK(f.shows("Save names"));
    f.click("settings/save-names");
    CHECK(f.shows("Your names are saved."));
    CHECK(f.session().store().loadHistory().couple.partners[1].name == "Sammy");

    // The same name twice (any case) is refused, kindly.
    f.click("settings/name/2");
    eraseTyped(f, 5);
    f.type("zoë");
    f.click("settings/save-names");
    CHECK(f.shows("need different names"));
    CHECK(f.session().store().loadHistory().couple.partners[1].name == "Sammy");
    f.click("settings/revert-names");
    f.run();
    CHECK(f.shows("Sammy"));

    f.reopen();
    CHECK(f.session().history().couple.partners[1].name == "Sammy");
}

TEST_CASE("a partner's colour is saved at once, and never the other partner's") {
    SessionFixture f(tallDisplay);
    openSettings(f);
    f.click("settings/colour/1/10"); // Sage
    CHECK(f.session().history().couple.partners[0].colour == 0x4F8F4Au);
    f.click("settings/colour/2/10"); // Zoë's now: refused
    CHECK(f.session().history().couple.partners[1].colour == 0x7A6FC2u);
    f.reopen();
    CHECK(f.session().history().couple.partners[0].colour == 0x4F8F4Au);
}

TEST_CASE("the day's start and the week's start are saved and everything is counted again") {
    SessionFixture f(tallDisplay);
    openSettings(f);
    GoalDraft goal;
    goal.title = "Five this week";
    goal.target = 5;
    steps::addGoal(f.session(), goal);
    const auto revision = f.session().revision();

    clickAndDraw(f, "settings/day-start");
    f.click("settings/day-start/6");
    CHECK(f.session().history().settings.dayStartHour == 6);
    f.run();
    CHECK(f.shows("A hug at 05:30 still counts for the evening before."));

    clickAndDraw(f, "settings/week-start");
    f.click("settings/week-start/6");
    CHECK(f.session().history().settings.weekStart == 6);
    CHECK(f.session().revision() > revision);
    f.run();
    CHECK(f.shows("now start on Sunday"));

    f.reopen();
    CHECK(f.session().history().settings.dayStartHour == 6);
    CHECK(f.session().history().settings.weekStart == 6);
}

TEST_CASE("theme, size and calm celebrations are the couple's preferences") {
    SessionFixture f(tallDisplay);
    openSettings(f);
    f.click("settings/theme/1");
    CHECK(f.state().theme == ui::ThemeVariant::Dark);
    CHECK(f.state().themeChanged);
    CHECK(stored(f, "theme") == std::optional<std::string>("dark"));
    // The sidebar's switch keeps the choice too.
    f.click("theme-toggle");
    CHECK(f.state().theme == ui::ThemeVariant::Light);
    CHECK(stored(f, "theme") == std::optional<std::string>("light"));

    f.click("settings/scale/3");
    CHECK(f.state().uiScale == Approx(1.3f));
    CHECK(stored(f, "ui_scale") == std::optional<std::string>("1.3"));

    f.click("settings/reduce-motion");
    CHECK(f.state().reduceMotion);
    CHECK(stored(f, "reduce_motion") == std::optional<std::string>("1"));
    f.reopen();
    CHECK(f.session().preference("theme", "") == "light");
    CHECK(f.session().preference("ui_scale", "") == "1.3");
}

TEST_CASE("a PIN is set, asked for, changed and removed from Settings") {
    SessionFixture f(tallDisplay);
    openSettings(f);
    f.click("settings/pin/new");
    f.type("2468");
    f.click("settings/pin/repeat");
    f.type("2486");
    clickAndDraw(f, "settings/pin/save");
    CHECK(f.shows("not the same"));
    CHECK_FALSE(f.session().hasPin());

    f.click("settings/pin/repeat");
    f.type("2468");
    clickAndDraw(f, "settings/pin/save");
    CHECK(f.shows("The PIN lock is on"));
    REQUIRE(f.session().hasPin());
    // Only a salted hash is kept, never the digits.
    const auto hash = stored(f, "pin_hash");
    REQUIRE(hash);
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(hash->find("2468") == std::string::npos);

    // Locked: nothing of the couple shows until the PIN is entered.
    f.click("settings/pin/lock-now");
    f.run();
    CHECK(f.shows("Kindling is locked"));
    CHECK_FALSE(f.shows("Zoë"));
    CHECK_FALSE(f.shows("Settings"));
    f.run(); // the PIN field takes the keyboard by itself
    f.type("1111");
    f.pressKey(ImGuiKey_Enter);
    CHECK(f.state().lock.locked);
    CHECK(f.shows("That was not the PIN"));
    f.run(); // and takes it again for another try
    f.type("2468");
    f.pressKey(ImGuiKey_Enter);
    CHECK_FALSE(f.state().lock.locked);
    CHECK(f.shows("Zoë"));

    // Changing it asks for the current one first.
    f.click("settings/pin/current");
    f.type("0000");
    f.click("settings/pin/new");
    f.type("1357");
    f.click("settings/pin/repeat");
    f.type("1357");
    clickAndDraw(f, "settings/pin/save");
    CHECK(f.shows("not the current PIN"));
    CHECK(f.session().checkPin("2468"));

    f.click("settings/pin/current");
    eraseTyped(f, 4);
    f.type("2468");
    clickAndDraw(f, "settings/pin/save");
    CHECK(f.shows("The PIN is changed."));
    CHECK(f.session().checkPin("1357"));
    CHECK_FALSE(f.session().checkPin("2468"));

    f.click("settings/pin/current");
    f.type("1357");
    clickAndDraw(f, "settings/pin/remove");
    CHECK(f.shows("The PIN lock is off."));
    f.reopen();
    CHECK_FALSE(f.session().hasPin());
}

TEST_CASE("a locked window shows no celebration and no screen, only the PIN field") {
    SessionFixture f;
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    f.session().setPin("", "8642");
    steps::addRitualFromCatalog(f.session(), "goodbye-hug");
    steps::logToday(f.session(), f.session().history().rituals.front().id, Who::Both);
    REQUIRE_FALSE(f.session().pendingCelebrations().empty()); // the first log is a milestone
    f.state().lock.locked = true;
    f.run(2);
    CHECK(f.shows("Kindling is locked"));
    CHECK_FALSE(f.shows("A hug before leaving"));
    CHECK_FALSE(f.wasDrawn("celebration/continue"));
    f.type("8642");
    f.click("lock/unlock");
    CHECK_FALSE(f.state().lock.locked);
}

TEST_CASE("Session: PINs are 4 to 12 digits, salted, and checked") {
    CHECK(isValidPin("0000"));
    CHECK(isValidPin("123456789012"));
    CHECK_FALSE(isValidPin("123"));
    CHECK_FALSE(isValidPin("1234567890123"));
    CHECK_FALSE(isValidPin("12a4"));
    CHECK_FALSE(isValidPin(""));

    const std::string first = hashPin("2468");
    const std::string second = hashPin("2468");
    CHECK(first != second); // a fresh salt each time
    CHECK(pinMatchesHash(first, "2468"));
    CHECK(pinMatchesHash(second, "2468"));
    CHECK_FALSE(pinMatchesHash(first, "2469"));
    CHECK_FALSE(pinMatchesHash("not a hash", "2468"));

    SessionFixture f;
    Session& session = f.session();
    CHECK_FALSE(session.hasPin());
    CHECK_FALSE(session.checkPin("2468"));
    CHECK_THROWS_AS(session.setPin("", "12a4"), RuleViolation);
    CHECK_THROWS_AS(session.setPin("", "123"), RuleViolation);
    CHECK_FALSE(session.hasPin());
    session.setPin("", "2468");
    CHECK_THROWS_AS(session.setPin("1111", "1357"), RuleViolation);
    CHECK_THROWS_AS(session.removePin("1111"), RuleViolation);
    CHECK(session.checkPin("2468"));
    session.forgetPin();
    CHECK_FALSE(session.hasPin());
}

TEST_CASE("Session: the couple and the settings are checked before anything is written") {
    SessionFixture f;
    Session& session = f.session();
    CHECK_FALSE(session.onboarded());
    Couple couple;
    couple.partners[0] = {"  Zoë ", 0xD0506F};
    couple.partners[1] = {"Sam", 0x3A7FC0};
    steps::setCouple(session, couple);
    CHECK(session.onboarded());
    CHECK(session.history().couple.partners[0].name == "Zoë"); // trimmed
    CHECK(session.history().couple.partners[0].colour == 0xD0506Fu);

    Couple same = couple;
    same.partners[1].name = "zoë";
    CHECK_THROWS_AS(steps::setCouple(session, same), RuleViolation);
    Couple both = couple;
    both.partners[0].name = "Both";
    CHECK_THROWS_AS(steps::setCouple(session, both), RuleViolation);
    Couple empty = couple;
    empty.partners[1].name = "  ";
    CHECK_THROWS_AS(steps::setCouple(session, empty), RuleViolation);
    Couple badColour = couple;
    badColour.partners[1].colour = 0x1000000;
    CHECK_THROWS_AS(steps::setCouple(session, badColour), RuleViolation);
    CHECK(session.store().loadHistory().couple.partners[1].name == "Sam");

    CHECK_THROWS_AS(steps::setSettings(session, Settings{24, 0}), RuleViolation);
    CHECK_THROWS_AS(steps::setSettings(session, Settings{4, 7}), RuleViolation);
    steps::setSettings(session, Settings{0, 6});
    CHECK(session.store().loadHistory().settings.dayStartHour == 0);
    CHECK(session.store().loadHistory().settings.weekStart == 6);
}
