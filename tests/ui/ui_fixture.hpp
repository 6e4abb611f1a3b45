#pragma once
// The app's real shell (fonts, theme, screens) inside the headless harness.

#include "core/date.hpp"
#include "imgui_harness.hpp"
#include "ui/shell.hpp"

namespace kindling::testing {

struct UiFixture {
    explicit UiFixture(ImVec2 size = ImVec2(1280, 800)) : harness(size) {
        state.today = *parseDay("2026-11-22");
        state.fonts = ui::loadFonts(ImGui::GetIO(), 1.0f);
        harness.buildFonts();
        ui::applyTheme(state.theme, 1.0f);
    }

    void run(int frames) {
        for (int i = 0; i < frames; ++i)
            harness.frame([this] { ui::drawShell(state); });
    }
    void click(const std::string& key) {
        harness.click(key, [this] { ui::drawShell(state); });
    }

    ImGuiHarness harness;
    ui::UiState state;
};

} // namespace kindling::testing
