#pragma once
// Kindling's warm palette, light and dark, and how it maps onto ImGui's style.

#include "app/preferences.hpp"

#include <imgui.h>

namespace kindling::ui {

// The couple's choice is a preference of this computer (app/preferences.hpp).
using kindling::ThemeVariant;

struct Palette {
    ImVec4 background;    // behind everything (the shader glows over it)
    ImVec4 surface;       // cards and the sidebar
    ImVec4 surfaceHover;  // a card or button under the pointer
    ImVec4 text;
    ImVec4 textMuted;
    ImVec4 accent;        // ember orange: primary actions, the flame
    ImVec4 accentSoft;    // the accent behind text, selections
    ImVec4 glow;          // the background shader's light
    ImVec4 border;
    ImVec4 partner1;      // default partner colours (the couple can change them)
    ImVec4 partner2;
    ImVec4 problem;       // berry: something did not work (never the accent a success uses)
};

const Palette& palette(ThemeVariant variant);

// Applies colours, rounding and spacing to the current ImGui context, with
// sizes multiplied by `scale` (the monitor's content scale × the UI scale).
void applyTheme(ThemeVariant variant, float scale);

ImU32 toU32(const ImVec4& colour, float alpha = 1.0f);

} // namespace kindling::ui
