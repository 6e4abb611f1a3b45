#pragma once
// The window's frame: the sidebar that leads to every screen, and the screen.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "core/date.hpp"
#include "core/today.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace kindling {
class Session;
}

namespace kindling::ui {

enum class Screen { Today, Support };

std::optional<Screen> screenFromName(std::string_view name);
std::string_view screenName(Screen screen);
// Names accepted by --screen, for error messages.
std::string_view screenNames();

// What the Today screen derived from the session, rebuilt when it changes.
struct TodayCache {
    std::uint64_t revision = ~std::uint64_t{0};
    std::vector<TodayItem> items;
};

struct UiState {
    kindling::Session* session = nullptr; // null when the data file could not be opened
    std::string problem;        // why it could not: shown instead of the screens
    std::string lastError;      // a command that failed, shown until dismissed
    TodayCache todayCache;
    std::map<std::string, double> amountDrafts; // measured rituals: the amount being typed
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
