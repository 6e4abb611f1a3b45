// Celebrations on screen over a real data file: one shows after the command
// that reached a milestone, covers every screen, moves on with Continue,
// Enter or Escape, and never comes back after a restart.
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

// A headline as the card draws it: its last two words joined by a no-break space.
std::string asDrawn(std::string headline) {
    const auto last = headline.rfind(' ');
    if (last != std::string::npos && headline.find(' ') != last)
        headline.replace(last, 1, "\xC2\xA0");
    return headline;
}

const std::string coffee = "Morning coffee";

// Zoë and Sam had coffee together on each of the six days before today; the
// milestones of that history were celebrated long ago.
const Ritual& setUpSixDays(SessionFixture& f) {
    steps::setPartnerNames(f.session(), "Zoë", "Sam");
    RitualDraft draft;
    draft.name = coffee;
    steps::addRitual(f.session(), draft);
    std::vector<Day> days;
    for (int back = 6; back >= 1; --back)
        days.push_back(f.today() - kindling::days{back});
    steps::log(f.session(), coffee, days, std::nullopt, std::nullopt, "");
    f.celebrateAll();
    f.run(2);
    return steps::ritualNamed(f.session(), "test", coffee);
}

// Two frames: the card is centred by the height it had the frame before.
bool celebrationShown(SessionFixture& f) {
    f.run();
    f.runFresh();
    return f.wasDrawn("celebration/continue");
}

} // namespace

TEST_CASE("the log that makes seven days in a row is celebrated once, and not after a restart") {
    SessionFixture f;
    setUpSixDays(f);
    CHECK_FALSE(celebrationShown(f));
    REQUIRE(f.wasDrawn("log/" + coffee));

    f.press("log/" + coffee);
    // Two moments, smaller first: the week's badge, then the streak itself.
    REQUIRE(f.session().pendingCelebrations().size() == 2);
    REQUIRE(celebrationShown(f));
    CHECK(f.shows(asDrawn(f.session().pendingCelebrations().front().headline)));
    CHECK(f.shows("Zoë & Sam"));
    CHECK(f.shows("1 more to celebrate after this"));
    // It covers the screen: Today's buttons are not there to be clicked.
    CHECK_FALSE(f.wasDrawn("log/" + coffee));
    CHECK_FALSE(f.wasDrawn("nav/today"));
    // The log itself is already safe in the file, whatever the couple does next.
    REQUIRE(f.session().history().logs.size() == 7);

    f.press("celebration/continue");
    REQUIRE(celebrationShown(f));
    // The last two words stay together when the headline wraps.
    CHECK(f.shows("7 days of\xC2\xA0"
                  "connection"));
    CHECK_FALSE(f.shows("more to celebrate"));

    f.press("celebration/continue");
    CHECK_FALSE(celebrationShown(f));
    CHECK(f.wasDrawn("log/" + coffee));

    f.reopen();
    CHECK(f.session().pendingCelebrations().empty());
    CHECK_FALSE(celebrationShown(f));
    CHECK(f.session().history().logs.size() == 7);
}

TEST_CASE("Enter and Escape each move on by one celebration") {
    SessionFixture f;
    setUpSixDays(f);
    f.press("log/" + coffee);
    const size_t waiting = f.session().pendingCelebrations().size();
    REQUIRE(waiting == 2);
    REQUIRE(celebrationShown(f));
    const std::string first = f.session().pendingCelebrations().front().key;

    f.pressKey(ImGuiKey_Enter);
    CHECK(f.session().pendingCelebrations().size() == waiting - 1);
    for (const Milestone& m : f.session().pendingCelebrations())
        CHECK(m.key != first);

    f.pressKey(ImGuiKey_Escape);
    CHECK(f.session().pendingCelebrations().empty());
    CHECK_FALSE(celebrationShown(f));
    f.reopen();
    CHECK(f.session().pendingCelebrations().empty());
}

TEST_CASE("Save as image asks for the card alone, into the pictures folder") {
    SessionFixture f;
    setUpSixDays(f);
    f.state().imageDirectory = f.dir().path();
    f.press("log/" + coffee);
    REQUIRE(celebrationShown(f));

    f.press("celebration/save");
    // The button acts on release, the click's last frame.
    REQUIRE(f.lastFrame().capture.has_value());
    const ui::CardCapture& capture = *f.lastFrame().capture;
    CHECK(capture.file.parent_path() == f.dir().path());
    // Named by the day and the headline, in letters a file system accepts.
    CHECK(capture.file.filename().string().starts_with("kindling-2026-11-22-"));
    CHECK(capture.file.extension() == ".png");
    // The card is a real rectangle inside the window, narrower than it.
    CHECK(capture.max.x - capture.min.x > 200);
    CHECK(capture.max.x - capture.min.x < 1280);
    CHECK(capture.max.y - capture.min.y > 150);
    // Saving does not move on: the celebration is still there.
    CHECK(celebrationShown(f));
}

TEST_CASE("sparks run for a few seconds, never with reduce motion, which is remembered") {
    SessionFixture f;
    setUpSixDays(f);
    f.state().now = 100.0;
    f.press("log/" + coffee);
    f.run();
    REQUIRE(f.lastFrame().sparks.has_value());
    CHECK(f.lastFrame().animating);
    CHECK(f.lastFrame().sparks->seconds >= 0.0f);

    // Seconds later the effect is over and the window may rest.
    f.state().now = 130.0;
    f.run();
    CHECK_FALSE(f.lastFrame().sparks.has_value());
    CHECK_FALSE(f.lastFrame().animating);
    REQUIRE(celebrationShown(f));

    f.press("celebration/reduce-motion");
    CHECK(f.state().reduceMotion);
    CHECK(f.session().preference("reduce_motion", "0") == "1");
    f.state().now = 100.0; // as if it had just appeared: still calm
    f.state().celebration.shownAt = 100.0;
    f.run();
    CHECK_FALSE(f.lastFrame().sparks.has_value());
    CHECK_FALSE(f.lastFrame().animating);

    f.reopen();
    CHECK(f.session().preference("reduce_motion", "0") == "1");
}

TEST_CASE("the celebration screen previews a card without marking anything as shown") {
    SessionFixture f;
    f.state().screen = ui::Screen::Celebration;
    REQUIRE(celebrationShown(f));
    CHECK(f.shows(asDrawn("Welcome to Kindling")));

    f.press("celebration/continue");
    CHECK(f.state().screen == ui::Screen::Today);
    CHECK_FALSE(celebrationShown(f));
    // Nothing was written: a brand-new couple's file has no shown celebrations.
    CHECK(f.session().store().shownCelebrations().empty());
}
