#pragma once
// The window's frame: the sidebar that leads to every screen, and the screen.

#include "core/date.hpp"
#include "core/reminder.hpp"
#include "ui/fonts.hpp"
#include "ui/screens/screen_states.hpp"
#include "ui/screens/settings_data.hpp"
#include "ui/sync_view.hpp"
#include "ui/theme.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {
class Session;
}

namespace kindling::ui {

// Onboarding and Celebration are not in the sidebar. Onboarding opens on the
// first run (and from Settings); Celebration shows a milestone's card (the
// latest reached) for --screen celebration; real celebrations cover every screen.
enum class Screen {
    Today,
    Dashboard,
    Journal,
    Rituals,
    Goals,
    Questions,
    Achievements,
    Settings,
    Support,
    // The guided practices (guides.cpp): one entry in the sidebar, "Guides".
    Repair,    // a guide for a repair talk
    Programme, // touch without pressure, in stages
    Onboarding,
    Celebration,
};

std::optional<Screen> screenFromName(std::string_view name);
std::string_view screenName(Screen screen);
// Names accepted by --screen, for error messages.
std::string_view screenNames();

// The evening reminder in the window (reminder_card.cpp): the banner shown
// when no notification service answered, and the Settings card.
struct ReminderView {
    std::optional<Day> bannerDay; // the banner shows this day's line until answered or logged
    ReminderLine banner;
    std::uint64_t bannerCheckedAt = ~std::uint64_t{0}; // the session revision last looked at
    std::string deliveryProblem;   // why the last notification could not be shown; empty: it was
    std::filesystem::path program; // the kindling the timer runs (the platform sets it)
    Notice notice;                 // how the card's last change went
};

// The PIN lock: while locked the window shows nothing but the PIN field.
struct LockView {
    bool locked = false;
    std::string pin;
    std::string message;
};

// The celebration on screen (docs/product.md §3.9).
struct CelebrationView {
    std::string key;           // the milestone shown; empty when none is
    double shownAt = 0.0;      // state.now when it appeared
    std::string saved;         // where "Save as image" wrote it, or why it could not
    bool savedProblem = false; // `saved` says why it could not
    float height = 0.0f;       // of the card and its buttons, last frame (to centre them)
};

struct UiState {
    kindling::Session* session = nullptr; // null when the data file could not be opened
    std::string problem;                  // why it could not: shown instead of the screens
    std::string lastError;                // a command that failed, shown until dismissed
    ScreenStates screens; // each screen's drafts and view caches (ui/screens/screen_states.hpp)
    Screen screen = Screen::Today;
    bool focusScreen = false; // the next frame gives the screen the keyboard (Ctrl+1 …)
    ThemeVariant theme = ThemeVariant::Light;
    bool themeChanged = false; // set by the UI; the platform re-applies the style
    float scale = 1.0f;
    Fonts fonts;
    Day today{};
    double now = 0.0;          // seconds, set by the platform every frame (animations)
    bool reduceMotion = false; // calm, static celebrations
    CelebrationView celebration;
    std::filesystem::path imageDirectory; // where "Save as image" writes
    DataSection data;                     // Settings' data cards (settings_data.hpp)
    SyncView sync;                        // two computers: when to sync, and how the last one went
    std::filesystem::path documentsDirectory; // where exports go unless told otherwise
    std::string appVersion;                   // written into JSON exports
    // Shows a folder in the desktop's file manager without waiting for it
    // (the platform sets it); returns why it could not. Unset: not available.
    std::function<std::optional<std::string>(const std::filesystem::path&)> openFolder;
    // The evening reminder (the banner and Settings' card) and the PIN lock.
    ReminderView reminder;
    LockView lock;
    float uiScale = 1.0f; // Preferences::uiScale; scale = monitor content scale x this
};

// The sparks behind a celebration (shaders/celebration.frag).
struct Sparks {
    float seconds = 0.0f;          // since the celebration appeared
    float duration = 0.0f;         // after this the effect has faded out
    std::array<ImVec4, 3> colours; // accent, partner 1, partner 2
};

// "Save as image": the card's rectangle, in ImGui coordinates, to write as a PNG.
struct CardCapture {
    ImVec2 min, max;
    std::filesystem::path file;
};

// What the platform should do around this frame.
struct FrameResult {
    bool drawBackground = false; // the warm shader glow behind the screen
    bool animating = false;      // keep drawing frames (an animation runs)
    std::optional<Sparks> sparks;
    std::optional<CardCapture> capture; // the platform reports into state.celebration.saved
};

FrameResult drawShell(UiState& state);

// Switches the theme now and keeps it in the couple's preferences.
void setTheme(UiState& state, ThemeVariant theme);

} // namespace kindling::ui
