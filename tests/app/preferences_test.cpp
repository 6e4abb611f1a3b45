// This computer's preferences as one typed struct (app/preferences.hpp), over
// a real data file: the keys stay the ones Kindling always wrote.
#include "app/preferences.hpp"
#include "app/reminder.hpp"
#include "app/session.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <string>

using namespace kindling;

namespace {

const Day today = *parseDay("2026-11-22");

Preferences changed() {
    Preferences preferences;
    preferences.theme = ThemeVariant::Dark;
    preferences.uiScale = 1.3f;
    preferences.reduceMotion = true;
    preferences.welcomeBackSeen = *parseDay("2026-11-20");
    return preferences;
}

} // namespace

TEST_CASE("preferences: a new data file reads the defaults and stores nothing") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    CHECK(loadPreferences(session) == Preferences{});
    const std::uint64_t revision = session.revision();
    savePreferences(session, Preferences{});
    CHECK(session.revision() == revision);
    CHECK(session.store().preferences().empty());
}

TEST_CASE("preferences: saved in one change, under the keys Kindling always used, and read back") {
    test::TempDir dir;
    {
        Session session = Session::open(dir.location(), today);
        const std::uint64_t revision = session.revision();
        savePreferences(session, changed());
        CHECK(session.revision() == revision + 1);
        CHECK(session.store().preferences() == std::map<std::string, std::string>{
                                                   {"reduce_motion", "1"},
                                                   {"theme", "dark"},
                                                   {"ui_scale", "1.3"},
                                                   {"welcome_back_seen", "2026-11-20"},
                                               });
    }
    Session reopened = Session::open(dir.location(), today);
    CHECK(loadPreferences(reopened) == changed());

    // Back to the defaults: each key holds the default's own text.
    Preferences back;
    back.welcomeBackSeen = changed().welcomeBackSeen;
    savePreferences(reopened, back);
    CHECK(loadPreferences(reopened) == back);
    CHECK(reopened.preference("theme", "") == "light");
    CHECK(reopened.preference("ui_scale", "") == "1");
    CHECK(reopened.preference("reduce_motion", "") == "0");
}

TEST_CASE(
    "preferences: a garbled stored value reads as the default, and only a change rewrites it") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    session.setPreference("theme", "purple");
    session.setPreference("ui_scale", "7"); // not one of the sizes Settings offers
    session.setPreference("reduce_motion", "yes");
    session.setPreference("welcome_back_seen", "2026-02-30");
    CHECK(loadPreferences(session) == Preferences{});

    Preferences preferences = loadPreferences(session);
    preferences.uiScale = 1.15f;
    savePreferences(session, preferences);
    CHECK(loadPreferences(session).uiScale == 1.15f);
    CHECK(session.preference("ui_scale", "") == "1.15");
    CHECK(session.preference("theme", "") == "purple");
}

TEST_CASE("preferences: the reminder's and the PIN's keys are not touched") {
    test::TempDir dir;
    Session session = Session::open(dir.location(), today);
    session.setPreference(reminderKeys::on, "1");
    savePreferences(session, changed());
    CHECK(session.preference(reminderKeys::on, "") == "1");
    CHECK(session.store().preferences().size() == 5);
}
