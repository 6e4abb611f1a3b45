#pragma once
// The window's frame: the sidebar that leads to every screen, and the screen.

#include "core/dashboard.hpp"
#include "core/date.hpp"
#include "core/reminder.hpp"
#include "core/today.hpp"
#include "ui/fonts.hpp"
#include "ui/screens/ritual_goal_views.hpp"
#include "ui/screens/settings_data.hpp"
#include "ui/sync_view.hpp"
#include "ui/theme.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
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

// What the Dashboard derived from the session: rebuilt when the session, the
// day or the calendar's ritual changes, so a frame does no history work.
struct DashboardCache {
    std::uint64_t revision = ~std::uint64_t{0};
    Day asOf{};
    std::string builtRitual;  // the ritual `view` was built for
    std::string chosenRitual; // the calendar's ritual (the chooser), empty for all
    std::optional<DashboardView> view;
};

// What the Today screen derived from the session, rebuilt when it changes.
struct TodayCache {
    const kindling::Session* session = nullptr; // the items point into its history
    std::uint64_t revision = ~std::uint64_t{0};
    std::vector<TodayItem> items;
};

// The break being planned on the Today screen ("Taking a break?").
struct PauseDraft {
    bool open = false;    // the form is showing
    int reason = 0;       // index into the reasons the Today screen offers
    std::string note;     // optional, a few words
    std::string from, to; // YYYY-MM-DD as typed
    std::string error;    // why the last try did not work
};

// The Dashboard calendar's small menu for one day of the chosen ritual.
struct CalendarDayMenu {
    std::optional<Day> day; // set while the menu is open
    std::string error;
};

// One suggested ritual on the welcome steps, as the couple adjusts it.
struct RitualPick {
    std::string catalogId;
    bool picked = false;
    Frequency frequency;
    RitualMode mode = RitualMode::Together;
};

// The welcome steps (onboarding.cpp): the couple's choices until they start.
struct OnboardingDraft {
    bool loaded = false; // filled from the session when the steps open
    int step = 0;
    int shownStep = -1; // the step drawn last frame: a new one takes the keyboard focus
    std::array<std::string, 2> names;
    std::array<std::uint32_t, 2> colours{};
    std::vector<RitualPick> rituals; // in catalog order
    bool setGoal = true;
    std::string goalTitle;
    int goalTarget = 5;
    GoalPeriod goalPeriod = GoalPeriod::Week;
    std::string goalReward;
    bool eveningReminder = false; // turn the evening reminder on when they begin
    std::string error;            // why the last step could not go on
};

// The Settings screen's fields that are typed before they are saved.
struct SettingsDraft {
    std::array<std::string, 2> names;
    std::array<std::string, 2> namesFrom; // the couple's names the fields were filled from
    std::string currentPin, newPin, repeatPin;
    Notice coupleNotice, daysNotice, lookNotice, pinNotice,
        talkNotice; // how each card's last change went
};

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

// Whose logs the Journal lists: a partner's are their own and those done
// together; Together is only the logs of both.
enum class JournalWho { Everyone, Partner1, Partner2, Together };

struct JournalFilter {
    std::string ritualId; // empty: every ritual
    JournalWho who = JournalWho::Everyone;
    std::optional<Day> from, to; // inclusive
    bool operator==(const JournalFilter&) const = default;
};

// The Journal (journal.cpp): its filter, the logs it lists, the log being edited.
struct JournalView {
    JournalFilter filter;
    std::string fromText, toText; // the filter's dates as typed
    // The filtered logs, newest first, as indices into the session's
    // history().logs: rebuilt when the session, its revision or the filter changes.
    const kindling::Session* builtFor = nullptr;
    std::uint64_t builtRevision = ~std::uint64_t{0};
    JournalFilter builtFilter;
    std::vector<std::uint32_t> rows;
    // The log being edited (empty when none) and its fields as typed.
    std::string editingId;
    std::string dayText;
    Who who = Who::Both;
    double amount = 0.0;
    std::string note;
    std::string error; // why the last save did not work
};

// The Questions screen: what the list under tonight's question shows.
struct QuestionsView {
    std::string browsing = "favourites"; // "favourites" or a question category
};

// The repair talk's guide: the plan being written.
struct RepairView {
    std::string plan;
    std::string notice; // what keeping the plan did
    std::string error;
};

// The programme's page: which partner is changing an answer already given.
struct ProgrammeView {
    std::array<bool, 2> changing{false, false};
    std::string error;
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
    TodayCache todayCache;
    DashboardCache dashboardCache;
    JournalView journal;
    QuestionsView questions;
    RitualsView rituals;
    GoalsView goals;
    RepairView repair;
    ProgrammeView programme;
    std::map<std::string, double> amountDrafts; // measured rituals: the amount being typed
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
    // Pauses, skips and the data section (Today, Dashboard, Settings).
    PauseDraft pauseDraft;
    CalendarDayMenu calendarMenu;
    DataSection data;
    SyncView sync; // two computers: when to sync, and how the last one went
    std::filesystem::path documentsDirectory; // where exports go unless told otherwise
    std::string appVersion;                   // written into JSON exports
    // Shows a folder in the desktop's file manager without waiting for it
    // (the platform sets it); returns why it could not. Unset: not available.
    std::function<std::optional<std::string>(const std::filesystem::path&)> openFolder;
    // The welcome steps, the Settings screen and the PIN lock.
    OnboardingDraft onboarding;
    SettingsDraft settings;
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
