// The small text helpers every screen shares.
#include "ui/widgets.hpp"

#include <catch2/catch.hpp>

using kindling::ui::thousands;

TEST_CASE("counts are grouped in thousands") {
    CHECK(thousands(0) == "0");
    CHECK(thousands(999) == "999");
    CHECK(thousands(1000) == "1,000");
    CHECK(thousands(17783) == "17,783");
    CHECK(thousands(288215) == "288,215");
    CHECK(thousands(1234567) == "1,234,567");
    CHECK(thousands(-4200) == "-4,200");
}
