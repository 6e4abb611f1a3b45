// The badge wall over a real data file: earned badges with their day, the
// others with how to earn them and how far along the couple is, in kind words.
#include "app/content.hpp"
#include "session_fixture.hpp"
#include "session_steps.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Words that would make a badge not yet earned feel like a failure.
void checkNoShaming(const std::string& drawn) {
    for (const char* word : {"failed", "missed", "lost", "broken", "locked", "behind"})
        CHECK(lowered(drawn).find(word) == std::string::npos);
}

} // namespace

TEST_CASE("badges: a new couple sees every badge ahead, with how to earn it") {
    SessionFixture ui;
    ui.state().screen = ui::Screen::Achievements;
    ui.run(2);
    CHECK(ui.shows("Your first badge is one ritual away"));
    CHECK(ui.shows("Still ahead"));
    CHECK_FALSE(ui.shows("Earned together"));
    for (const AchievementDefinition& badge : shippedContent().achievements) {
        CHECK(ui.wasDrawn("badge/" + badge.id));
        CHECK(ui.shows(badge.name));
        CHECK(ui.shows(badge.hint));
    }
    CHECK(ui.shows("0 of 7"));
    CHECK(ui.shows("Not yet"));
    checkNoShaming(ui.drawn());
}

TEST_CASE("badges: an earned badge shows its day, and the others how far along they are") {
    SessionFixture ui;
    steps::setPartnerNames(ui.session(), "Zoë", "Sam");
    RitualDraft coffee;
    coffee.name = "Morning coffee";
    steps::addRitual(ui.session(), coffee);
    steps::log(ui.session(), "Morning coffee", {ui.today() - days{2}, ui.today() - days{1}},
               std::nullopt, std::nullopt, "");
    ui.celebrateAll();
    ui.state().screen = ui::Screen::Achievements;
    ui.run(2);

    const std::size_t total = shippedContent().achievements.size();
    CHECK(ui.shows("1 of " + std::to_string(total) + " badges earned together"));
    CHECK(ui.shows("Earned together"));
    CHECK(ui.shows("First Spark"));
    CHECK(ui.shows("Your very first ritual together."));
    CHECK(ui.shows("Earned 20 Nov 2026")); // today is 22 Nov 2026
    CHECK(ui.shows("2 of 7"));             // two days in a row of seven
    checkNoShaming(ui.drawn());

    // The wall reads the same from the file after a restart.
    ui.reopen();
    ui.state().screen = ui::Screen::Achievements;
    ui.run(2);
    CHECK(ui.shows("Earned 20 Nov 2026"));
    CHECK(ui.shows("2 of 7"));
}
