#include "ui/shell.hpp"
#include "ui_fixture.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace kindling;

TEST_CASE("screens are found by their command-line names") {
    const std::vector<std::pair<std::string, ui::Screen>> named{
        {"today", ui::Screen::Today},
        {"dashboard", ui::Screen::Dashboard},
        {"journal", ui::Screen::Journal},
        {"rituals", ui::Screen::Rituals},
        {"goals", ui::Screen::Goals},
        {"questions", ui::Screen::Questions},
        {"achievements", ui::Screen::Achievements},
        {"settings", ui::Screen::Settings},
        {"support", ui::Screen::Support},
        {"onboarding", ui::Screen::Onboarding},
        {"celebration", ui::Screen::Celebration}};
    for (const auto& [name, screen] : named) {
        INFO(name);
        CHECK(ui::screenFromName(name) == screen);
        CHECK(ui::screenName(screen) == name);
        CHECK(std::string(ui::screenNames()).find(name) != std::string::npos);
    }
    CHECK_FALSE(ui::screenFromName("Today"));
    CHECK_FALSE(ui::screenFromName(""));
}

TEST_CASE("clicking the sidebar moves between screens") {
    testing::UiFixture ui;
    ui.run(2);
    REQUIRE(ui.state.screen == ui::Screen::Today);
    REQUIRE(ui.harness.wasDrawn("nav/support"));

    ui.click("nav/support");
    CHECK(ui.state.screen == ui::Screen::Support);
    ui.click("nav/today");
    CHECK(ui.state.screen == ui::Screen::Today);
}

TEST_CASE("the theme switch flips light and dark and asks for a restyle") {
    testing::UiFixture ui;
    ui.run(2);
    ui.click("theme-toggle");
    CHECK(ui.state.theme == ui::ThemeVariant::Dark);
    CHECK(ui.state.themeChanged);
    ui.state.themeChanged = false;
    ui.click("theme-toggle");
    CHECK(ui.state.theme == ui::ThemeVariant::Light);
}

TEST_CASE("every screen draws at a small window without ImGui errors") {
    testing::UiFixture ui(ImVec2(900, 600));
    for (auto screen :
         {ui::Screen::Today, ui::Screen::Dashboard, ui::Screen::Journal, ui::Screen::Rituals,
          ui::Screen::Goals, ui::Screen::Questions, ui::Screen::Achievements, ui::Screen::Settings,
          ui::Screen::Support, ui::Screen::Onboarding}) {
        ui.state.screen = screen;
        ui.run(3);
        CHECK(ui.state.screen == screen);
    }
}
