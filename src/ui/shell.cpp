#include "ui/shell.hpp"

#include "app/preferences.hpp"
#include "app/session.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>

namespace kindling::ui {

namespace {

struct ScreenEntry {
    Screen screen;
    std::string_view name;
    const char* icon;
    const char* label;
    void (*draw)(UiState&);
    bool inSidebar = true;
    // The widest the screen's column grows (unscaled): lines of text stay
    // easy to read, and a wide window centres the column.
    float columnWidth = 820;
};

// Sidebar order. The names are what --screen accepts.
constexpr std::array screens{
    ScreenEntry{Screen::Today, "today", icons::sun, "Today", drawTodayScreen},
    ScreenEntry{Screen::Dashboard, "dashboard", icons::lineChart, "Dashboard", drawDashboardScreen,
                true, 1180},
    ScreenEntry{Screen::Journal, "journal", icons::book, "Journal", drawJournalScreen},
    ScreenEntry{Screen::Rituals, "rituals", icons::list, "Rituals", drawRitualsScreen},
    ScreenEntry{Screen::Goals, "goals", icons::bullseye, "Goals", drawGoalsScreen},
    ScreenEntry{Screen::Questions, "questions", icons::comments, "Questions", drawQuestionsScreen},
    ScreenEntry{Screen::Achievements, "achievements", icons::trophy, "Badges",
                drawAchievementsScreen},
    ScreenEntry{Screen::Settings, "settings", icons::cog, "Settings", drawSettingsScreen},
    ScreenEntry{Screen::Support, "support", icons::lifeRing, "Support", drawSupportScreen},
    // One row for both guides; the page switches between them.
    ScreenEntry{Screen::Repair, "repair", icons::compass, "Guides", drawGuidesScreen},
    ScreenEntry{Screen::Programme, "programme", icons::compass, "Guides", drawGuidesScreen, false},
    ScreenEntry{Screen::Onboarding, "onboarding", icons::heart, "Welcome", drawOnboardingScreen,
                false},
    // Drawn by drawCelebration, over the whole window.
    ScreenEntry{Screen::Celebration, "celebration", icons::star, "Celebration", nullptr, false},
};

void drawSidebar(UiState& state) {
    const Palette& p = palette(state.theme);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * state.scale, 18 * state.scale));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::BeginChild("##sidebar", ImVec2(210 * state.scale, 0), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);

    ImGui::PushFont(state.fonts.heading);
    ImGui::TextColored(p.accent, "%s", icons::fire);
    ImGui::SameLine();
    ImGui::TextUnformatted("Kindling");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 8 * state.scale));

    // Each row is one selectable; its icon and label are painted on it, so
    // the rows stay as tall as the selectable and nine of them fit a small window.
    const float rowHeight = ImGui::GetFrameHeight() + 6 * state.scale;
    int shortcut = 0;
    for (const ScreenEntry& entry : screens) {
        if (!entry.inSidebar) continue;
        ++shortcut;
        const bool selected = state.screen == entry.screen ||
                              (entry.screen == Screen::Repair && state.screen == Screen::Programme);
        ImGui::PushID(entry.label);
        const ImVec2 rowMin = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##nav", selected, 0, ImVec2(0, rowHeight)))
            state.screen = entry.screen;
        if (ImGui::IsItemHovered() && shortcut <= 9)
            ImGui::SetTooltip("%s  (Ctrl+%d)", entry.label, shortcut);
        locateLastItem(std::string("nav/") + std::string(entry.name));
        const std::string text = std::string(entry.icon) + "   " + entry.label;
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(rowMin.x + 10 * state.scale,
                   rowMin.y + (rowHeight - ImGui::GetTextLineHeight()) * 0.5f),
            toU32(selected ? p.accent : p.text), text.c_str());
        ImGui::PopID();
    }

    // Sync's quiet status, then the theme switch at the bottom of the sidebar
    // (below the rows when the window is short).
    const float buttonHeight = ImGui::GetFrameHeight();
    const float statusHeight =
        state.sync.status && state.sync.status->on ? 2 * ImGui::GetTextLineHeightWithSpacing() : 0;
    ImGui::SetCursorPosY(
        std::max(ImGui::GetCursorPosY() + 8 * state.scale,
                 ImGui::GetWindowHeight() - buttonHeight - statusHeight - 18 * state.scale));
    drawSyncStatusLine(state);
    const bool dark = state.theme == ThemeVariant::Dark;
    const std::string label =
        std::string(dark ? icons::sun : icons::moon) + (dark ? "  Light theme" : "  Dark theme");
    if (ImGui::Button(label.c_str(), ImVec2(-1, 0)))
        setTheme(state, dark ? ThemeVariant::Light : ThemeVariant::Dark);
    locateLastItem("theme-toggle");

    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

// Ctrl+1 … Ctrl+9 open the sidebar's screens in its order. Keys are GLFW key
// codes, as the platform fills io.KeysDown: the digit keys are '1' … '9'.
void switchScreenByKey(UiState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.KeyAlt || io.KeyShift) return;
    int shortcut = 0;
    for (const ScreenEntry& entry : screens) {
        if (!entry.inSidebar) continue;
        ++shortcut;
        if (shortcut <= 9 && ImGui::IsKeyPressed('0' + shortcut, false)) {
            state.screen = entry.screen;
            state.focusScreen = true;
        }
    }
}

// The arrow keys move through the screen, not the window around it: when the
// window itself has the keyboard (at the start, after Escape) they hand it to
// the screen.
bool arrowKeyPressed() {
    for (const ImGuiKey key :
         {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow})
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(key))) return true;
    return false;
}

// The one window every screen is drawn in, covering the whole viewport.
void beginHostWindow() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("Kindling", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar(2);
}

// A screen that has the window to itself: the welcome steps, the PIN lock.
FrameResult drawAlone(UiState& state, void (*draw)(UiState&)) {
    beginHostWindow();
    ImGui::BeginChild("##alone", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw(state);
    ImGui::EndChild();
    ImGui::End();
    FrameResult result;
    result.drawBackground = true;
    return result;
}

} // namespace

std::optional<Screen> screenFromName(std::string_view name) {
    for (const ScreenEntry& entry : screens)
        if (entry.name == name) return entry.screen;
    return std::nullopt;
}

std::string_view screenName(Screen screen) {
    for (const ScreenEntry& entry : screens)
        if (entry.screen == screen) return entry.name;
    return "today";
}

std::string_view screenNames() {
    static const std::string names = [] {
        std::string joined;
        for (const ScreenEntry& entry : screens)
            joined += (joined.empty() ? "" : ", ") + std::string(entry.name);
        return joined;
    }();
    return names;
}

void setTheme(UiState& state, ThemeVariant theme) {
    state.theme = theme;
    state.themeChanged = true;
    if (state.session == nullptr) return;
    try {
        changePreferences(*state.session,
                          [&](Preferences& preferences) { preferences.theme = theme; });
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
}

FrameResult drawShell(UiState& state) {
    FrameResult result;
    const bool opened = state.problem.empty() && state.session != nullptr;
    // Locked, the window shows the PIN field and nothing else, not even a celebration.
    if (opened && state.lock.locked) return drawAlone(state, drawLockScreen);
    if (state.problem.empty() && drawCelebration(state, result)) return result;
    if (opened && state.screen == Screen::Onboarding) return drawAlone(state, drawOnboardingScreen);
    if (opened) switchScreenByKey(state);

    beginHostWindow();
    drawSidebar(state);
    ImGui::SameLine(0, 0);

    // A screen opened with its shortcut takes the keyboard, so the arrow keys
    // move through it at once. (The sidebar's rows are Ctrl+1 … Ctrl+9, and
    // its theme switch is also in Settings.)
    if (state.focusScreen || (ImGui::IsWindowFocused() && arrowKeyPressed())) {
        ImGui::SetNextWindowFocus();
        state.focusScreen = false;
    }
    const ScreenEntry* shown = nullptr;
    for (const ScreenEntry& entry : screens)
        if (entry.screen == state.screen && entry.draw != nullptr) shown = &entry;
    // The column, centred in what the sidebar leaves: the padding takes the rest.
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    const float columnWidth = (shown ? shown->columnWidth : 820) * state.scale;
    const float room = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(std::max(padding.x, (room - columnWidth) * 0.5f), padding.y));
    ImGui::BeginChild("##screen", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    if (!state.problem.empty()) {
        drawProblemScreen(state);
        ImGui::EndChild();
        ImGui::End();
        result.drawBackground = true;
        return result;
    }
    if (shown) {
        drawReminderBanner(state, ImGui::GetContentRegionAvail().x); // reminder_card.cpp
        shown->draw(state);
    }
    result.drawBackground = true;
    ImGui::EndChild();
    ImGui::End();
    return result;
}

} // namespace kindling::ui
