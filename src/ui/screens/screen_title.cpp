#include "ui/screens/screen_title.hpp"

#include "app/session.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

namespace {

void undo(UiState& state) {
    try {
        state.session->undo();
        state.lastError.clear();
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
}

} // namespace

void drawScreenTitle(UiState& state, const char* title, const std::string& line, float width,
                     const char* undoKey) {
    const Palette& p = palette(state.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(line, width);
    ImGui::PopStyleColor();
    const float titleTop = ImGui::GetCursorPosY();
    ImGui::PushFont(state.fonts.display);
    ImGui::TextUnformatted(title);
    const float titleWidth = ImGui::GetItemRectSize().x;
    const float titleHeight = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    if (undoKey == nullptr || state.session == nullptr) return;

    Session& session = *state.session;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) &&
        session.canUndo())
        undo(state);
    if (!session.canUndo()) return;

    const float padding = 2 * ImGui::GetStyle().FramePadding.x;
    const std::string label =
        elideToWidth(std::string(icons::undo) + "  " + session.undoDescription(),
                     width - titleWidth - padding - 24 * state.scale);
    const float buttonWidth = ImGui::CalcTextSize(label.c_str()).x + padding;
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - buttonWidth,
                               titleTop + (titleHeight - ImGui::GetFrameHeight()) * 0.5f));
    if (ImGui::Button(label.c_str())) undo(state);
    locateLastItem(undoKey);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (Ctrl+Z)", session.undoDescription().c_str());
    ImGui::SetCursorPosY(bottom);
}

} // namespace kindling::ui
