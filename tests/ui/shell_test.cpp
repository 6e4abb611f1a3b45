#include <catch2/catch.hpp>

#include "ui/shell.hpp"
#include "ui_fixture.hpp"

using namespace kindling;

TEST_CASE("screens are found by their command-line names") {
    CHECK(ui::screenFromName("today") == ui::Screen::Today);
    CHECK(ui::screenFromName("support") == ui::Screen::Support);
    CHECK_FALSE(ui::screenFromName("Today"));
    CHECK_FALSE(ui::screenFromName(""));
    CHECK(ui::screenName(ui::Screen::Support) == "support");
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
    for (auto screen : {ui::Screen::Today, ui::Screen::Support}) {
        ui.state.screen = screen;
        ui.run(3);
        CHECK(ui.state.screen == screen);
    }
}
