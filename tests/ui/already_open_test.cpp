// The small window of a second start that could not reach the first.
#include "ui/already_open.hpp"
#include "ui_fixture.hpp"

#include <catch2/catch.hpp>

using namespace kindling;

TEST_CASE("the already-open window stays until Close is clicked") {
    testing::UiFixture ui(ImVec2(ui::alreadyOpenWidth, ui::alreadyOpenHeight));
    bool closed = false;
    const auto draw = [&] { closed = ui::drawAlreadyOpen(ui.state) || closed; };
    for (int i = 0; i < 3; ++i)
        ui.harness.frame(draw);
    CHECK_FALSE(closed);
    REQUIRE(ui.harness.wasDrawn("already-open/close"));
    // The button is inside the small window, not cut off by it.
    const ImVec2 centre = *ui.harness.centreOf("already-open/close");
    CHECK(centre.x < ui::alreadyOpenWidth);
    CHECK(centre.y < ui::alreadyOpenHeight);
    ui.harness.click("already-open/close", draw);
    CHECK(closed);
}
