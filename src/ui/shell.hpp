#pragma once
// The window's frame: the sidebar that leads to every screen, and the screen.

#include <optional>
#include <string_view>

#include "core/date.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace kindling::ui {

enum class Screen { Today, Support };

std::optional<Screen> screenFromName(std::string_view name);
std::string_view screenName(Screen screen);
// Names accepted by --screen, for error messages.
std::string_view screenNames();

struct UiState {
    Screen screen = Screen::Today;
    ThemeVariant theme = ThemeVariant::Light;
    bool themeChanged = false; // set by the UI; the platform re-applies the style
    float scale = 1.0f;
    Fonts fonts;
    Day today{};
};

// What the platform should do around this frame.
struct FrameResult {
    bool drawBackground = false; // the warm shader glow behind the screen
    bool animating = false;      // keep drawing frames (an animation runs)
};

FrameResult drawShell(UiState& state);

} // namespace kindling::ui
