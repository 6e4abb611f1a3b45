#include "ui/already_open.hpp"

#include "ui/item_locator.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

bool drawAlreadyOpen(const UiState& state) {
    const Palette& p = palette(state.theme);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24 * state.scale, 20 * state.scale));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("Kindling is already open", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar(2);

    const float flameWidth = flame(p, 44 * state.scale, 7);
    ImGui::SameLine(0, 14 * state.scale);
    ImGui::BeginGroup();
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted("Kindling is already open");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + viewport->WorkSize.x - flameWidth -
                           62 * state.scale);
    ImGui::TextUnformatted("Its window may be behind another one, or on another workspace. "
                           "Everything you did there is kept.");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    const ImVec2 button(110 * state.scale, 0);
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - button.x,
                               ImGui::GetWindowContentRegionMax().y - ImGui::GetFrameHeight()));
    bool close = pillButton("Close", p.accent, true, button);
    locateLastItem("already-open/close");
    close = close || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)) ||
            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    ImGui::End();
    return close;
}

} // namespace kindling::ui
