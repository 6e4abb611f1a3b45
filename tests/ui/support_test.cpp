// The Support page read as someone in a hard moment would: safety and a crisis
// have their own words (not a line in the couples-therapy list), the other
// kinds of help are named, and no phone number is made up.
#include "session_fixture.hpp"

#include <catch2/catch.hpp>
#include <regex>
#include <string>

using namespace kindling;
using testing::SessionFixture;

namespace {

// The drawn text on one line, however the window wrapped it.
std::string flat(const std::string& drawn) {
    std::string out;
    for (char c : drawn) {
        const char shown = c == '\n' ? ' ' : c;
        if (shown == ' ' && !out.empty() && out.back() == ' ') continue;
        out += shown;
    }
    return out;
}

std::string supportPage(ImVec2 size = ImVec2(1280, 2000)) {
    SessionFixture ui(size);
    ui.state().screen = ui::Screen::Support;
    ui.run(3);
    return flat(ui.drawn());
}

} // namespace

TEST_CASE("support: safety comes first, in its own words") {
    const std::string page = supportPage();
    const auto at = [&](const std::string& text) { return page.find(text); };
    REQUIRE(at("If you are afraid of your partner") != std::string::npos);
    CHECK(at("Rituals and couples sessions are not the first step then") != std::string::npos);
    CHECK(at("domestic abuse helpline") != std::string::npos);
    CHECK(at("call your local emergency number") != std::string::npos);
    // Before the couples-therapy list, which no longer speaks of feeling unsafe.
    REQUIRE(at("A couples therapist can help when:") != std::string::npos);
    CHECK(at("If you are afraid of your partner") < at("A couples therapist can help when:"));
    CHECK(at("unsafe") == std::string::npos);
    // Not everyone shares a home with their partner.
    CHECK(at("at home") == std::string::npos);
}

TEST_CASE("support: a crisis line, and the other kinds of help") {
    const std::string page = supportPage();
    CHECK(page.find("In a crisis") != std::string::npos);
    CHECK(page.find("a crisis line now") != std::string::npos);
    CHECK(page.find("A sex therapist, when desire, pain or another physical worry") !=
          std::string::npos);
    CHECK(page.find("Therapy of your own, for depression, anxiety or trauma") != std::string::npos);
    CHECK(page.find("Therapy is not only for emergencies") != std::string::npos);
    CHECK(page.find("someone you both feel good about") != std::string::npos);
}

TEST_CASE("support: no phone number we could not keep right for every country") {
    const std::string page = supportPage();
    CHECK_FALSE(std::regex_search(page, std::regex(R"(\d{3})")));
    CHECK_FALSE(std::regex_search(page, std::regex(R"((tel:|phone:|call \d))")));
}
