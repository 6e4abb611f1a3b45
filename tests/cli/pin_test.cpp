// kindling forget-pin: the way back in when the PIN is forgotten.
#include "cli_runner.hpp"
#include "store/store.hpp"
#include "store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kindling;
using namespace kindling::test;
using testing::TempDataDir;

TEST_CASE("forget-pin turns the PIN lock off and keeps everything else") {
    TempDataDir dir;
    REQUIRE(dir.run({"couple", "set", "--partner1", "Zoë", "--partner2", "Sam"}).exitCode == 0);
    REQUIRE(dir.run({"ritual", "add", "Morning coffee"}).exitCode == 0);
    {
        Store store = Store::open(DataLocation{dir.data()});
        // Any stored hash: forget-pin does not need to know the PIN.
        storeAdd(store,
                 Preference{"pin_hash", "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA"});
        storeAdd(store, Preference{"theme", "dark"});
    }

    const auto forgotten = dir.run({"forget-pin"});
    CHECK(forgotten.exitCode == 0);
    CHECK(forgotten.out.find("The PIN lock is off") != std::string::npos);
    {
        const Store store = Store::open(DataLocation{dir.data()});
        CHECK_FALSE(storePreference(store, "pin_hash").has_value());
        CHECK(storePreference(store, "theme") == std::optional<std::string>("dark"));
        CHECK(store.loadHistory().rituals.size() == 1);
    }

    const auto again = dir.run({"forget-pin"});
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("There is no PIN lock") != std::string::npos);
}
