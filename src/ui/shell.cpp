#include "ui/shell.hpp"

#include <array>

#include "ui/item_locator.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

namespace {

struct ScreenEntry {
    Screen screen;
    std::string_view name;
    const char* icon;
    const char* label;
};

constexpr std::array screens{
    ScreenEntry{Screen::Today, "today", icons::sun, "Today"},
    ScreenEntry{Screen::Support, "support", icons::lifeRing, "Support"},
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

    const float rowHeight = ImGui::GetFrameHeight() + 6 * state.scale;
    for (const ScreenEntry& entry : screens) {
        const bool selected = state.screen == entry.screen;
        ImGui::PushID(entry.label);
        if (selected) ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        if (ImGui::Selectable("##nav", selected, 0, ImVec2(0, rowHeight)))
            state.screen = entry.screen;
        locateLastItem(std::string("nav/") + std::string(entry.name));
        ImGui::SameLine(10 * state.scale);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (rowHeight - ImGui::GetTextLineHeight()) * 0.5f);
        ImGui::Text("%s   %s", entry.icon, entry.label);
        if (selected) ImGui::PopStyleColor();
        ImGui::PopID();
    }

    // Theme switch at the bottom of the sidebar.
    const float buttonHeight = ImGui::GetFrameHeight();
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - buttonHeight - 18 * state.scale);
    const bool dark = state.theme == ThemeVariant::Dark;
    const std::string label = std::string(dark ? icons::sun : icons::moon) +
                              (dark ? "  Light theme" : "  Dark theme");
    if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) {
        state.theme = dark ? ThemeVariant::Light : ThemeVariant::Dark;
        state.themeChanged = true;
    }
    locateLastItem("theme-toggle");

    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
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

std::string_view screenNames() { return "today, support"; }

FrameResult drawShell(UiState& state) {
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

    drawSidebar(state);
    ImGui::SameLine(0, 0);

    FrameResult result;
    ImGui::BeginChild("##screen", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (!state.problem.empty()) {
        drawProblemScreen(state);
        ImGui::EndChild();
        ImGui::End();
        result.drawBackground = true;
        return result;
    }
    switch (state.screen) {
    case Screen::Today:
        drawTodayScreen(state);
        result.drawBackground = true;
        break;
    case Screen::Support:
        drawSupportScreen(state);
        result.drawBackground = true;
        break;
    }
    ImGui::EndChild();
    ImGui::End();
    return result;
}

} // namespace kindling::ui
