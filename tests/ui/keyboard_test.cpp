// The app without a mouse: Ctrl+1 … Ctrl+9 open the screens in the sidebar's
// order, the arrow keys move the keyboard focus onto a ritual's button and
// Space logs it, and the focus ring stands out on both themes.
#include "session_fixture.hpp"
#include "session_steps.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

using namespace kindling;
using Catch::Matchers::Contains;
using testing::SessionFixture;

namespace {

void setUpCouple(SessionFixture& ui) {
    Session& session = ui.session();
    steps::setPartnerNames(session, "Zoë", "Sam");
    for (const char* name : {"Morning coffee", "Evening walk"}) {
        RitualDraft draft;
        draft.name = name;
        steps::addRitual(session, draft);
    }
    ui.celebrateAll();
}

// The centre of the item that has the keyboard focus, on screen.
std::optional<ImVec2> keyboardFocus() {
    const ImGuiContext& g = *GImGui;
    if (g.NavWindow == nullptr || g.NavId == 0) return std::nullopt;
    return ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]).GetCenter();
}

bool focusedAt(ImVec2 centre) {
    const auto focus = keyboardFocus();
    return focus && std::abs(focus->x - centre.x) < 1.0f && std::abs(focus->y - centre.y) < 1.0f;
}

// WCAG's contrast ratio between two opaque colours.
double contrast(const ImVec4& a, const ImVec4& b) {
    const auto luminance = [](const ImVec4& c) {
        const auto linear = [](float v) {
            return v <= 0.03928f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("keyboard: Ctrl+1 to Ctrl+9 open the sidebar's screens in order, as its tooltips say") {
    SessionFixture ui;
    setUpCouple(ui);
    ui.run(2);
    const std::array expected{
        ui::Screen::Today,        ui::Screen::Dashboard, ui::Screen::Journal,
        ui::Screen::Rituals,      ui::Screen::Goals,     ui::Screen::Questions,
        ui::Screen::Achievements, ui::Screen::Settings,  ui::Screen::Support};
    // Backwards, so every press changes the screen.
    for (int number = 9; number >= 1; --number) {
        ui.pressCtrl('0' + number);
        CHECK(ui.state().screen == expected[static_cast<std::size_t>(number - 1)]);
    }
    // Without Ctrl a digit is only a digit.
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown['3'] = true;
    ui.run();
    io.KeysDown['3'] = false;
    ui.run();
    CHECK(ui.state().screen == ui::Screen::Today);

    io.MousePos = *ui.centreOf("nav/goals");
    ui.run(2);
    CHECK_THAT(ui.drawn(), Contains("Goals  (Ctrl+5)"));
}

TEST_CASE("keyboard: the arrow keys reach a ritual's button and Space logs it") {
    SessionFixture ui;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    setUpCouple(ui);
    ui.run(2);
    const auto target = ui.centreOf("log/Evening walk");
    REQUIRE(target);

    // Down until the focus is on the ritual's row, then right to its button.
    for (int press = 0; press < 20 && !focusedAt(*target); ++press) {
        const auto focus = keyboardFocus();
        ui.pressKey(focus && focus->y > target->y - 1.0f ? ImGuiKey_RightArrow
                                                         : ImGuiKey_DownArrow);
    }
    REQUIRE(focusedAt(*target));
    CHECK_FALSE(GImGui->NavDisableHighlight); // the focus ring is drawn
    CHECK(ui.session().store().loadHistory().logs.empty());

    ui.pressKey(ImGuiKey_Space);
    const History history = ui.session().store().loadHistory();
    REQUIRE(history.logs.size() == 1);
    CHECK(history.logs[0].ritualId == steps::ritualNamed(ui.session(), "NAME", "Evening walk").id);
    CHECK(history.logs[0].day == ui.today());

    // The first log is celebrated; Enter moves on, as the card's button does.
    REQUIRE_FALSE(ui.session().pendingCelebrations().empty());
    for (int press = 0; press < 10 && !ui.session().pendingCelebrations().empty(); ++press)
        ui.pressKey(ImGuiKey_Enter);
    CHECK(ui.session().pendingCelebrations().empty());

    // A new screen takes the keyboard at once: Ctrl+2, then Down, focuses in it.
    ui.pressCtrl('2');
    ui.pressKey(ImGuiKey_DownArrow);
    REQUIRE(GImGui->NavWindow != nullptr);
    CHECK(std::string(GImGui->NavWindow->Name).find("##screen") != std::string::npos);
}

TEST_CASE("keyboard: the focus ring stands out from the window and the cards on both themes") {
    for (const ui::ThemeVariant theme : {ui::ThemeVariant::Light, ui::ThemeVariant::Dark}) {
        ImGuiContext* context = ImGui::CreateContext();
        ui::applyTheme(theme, 1.0f);
        const ImVec4 ring = ImGui::GetStyle().Colors[ImGuiCol_NavHighlight];
        const ui::Palette& p = ui::palette(theme);
        CHECK(ring.w == 1.0f);
        // WCAG 2.1 asks 3:1 for focus indicators against what is around them.
        CHECK(contrast(ring, p.background) >= 3.0);
        CHECK(contrast(ring, p.surface) >= 3.0);
        ImGui::DestroyContext(context);
    }
}
