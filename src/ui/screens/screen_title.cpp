#include "ui/screens/screen_title.hpp"

#include "app/session.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
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

// Where the title was drawn, so a button can stand beside it.
struct TitleBox {
    float top;        // the title line's top (cursor y)
    float height;     // its height
    float titleWidth; // the title's own width
};

TitleBox drawTitleLines(UiState& state, const char* title, const std::string& line, float width) {
    const Palette& p = palette(state.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(line, width);
    ImGui::PopStyleColor();
    TitleBox box{ImGui::GetCursorPosY(), 0, 0};
    ImGui::PushFont(state.fonts.display);
    ImGui::TextUnformatted(title);
    box.titleWidth = ImGui::GetItemRectSize().x;
    box.height = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    return box;
}

// Moves the cursor to where a button `buttonSize` high and wide stands at the
// right end of the title line; returns the y below the title, to go back to.
float placeBesideTitle(const TitleBox& box, float width, ImVec2 buttonSize) {
    const float bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - buttonSize.x,
                               box.top + (box.height - buttonSize.y) * 0.5f));
    return bottom;
}

} // namespace

void drawScreenTitle(UiState& state, const char* title, const std::string& line, float width,
                     const char* undoKey) {
    const TitleBox box = drawTitleLines(state, title, line, width);
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
                     width - box.titleWidth - padding - 24 * state.scale);
    const ImVec2 size(ImGui::CalcTextSize(label.c_str()).x + padding, ImGui::GetFrameHeight());
    const float bottom = placeBesideTitle(box, width, size);
    if (ImGui::Button(label.c_str())) undo(state);
    locateLastItem(undoKey);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (Ctrl+Z)", session.undoDescription().c_str());
    ImGui::SetCursorPosY(bottom);
}

bool drawScreenTitle(UiState& state, const char* title, const std::string& line, float width,
                     const std::string& action, const std::string& actionKey) {
    const TitleBox box = drawTitleLines(state, title, line, width);
    const ImVec2 size = pillSize(action, state.scale);
    const float bottom = placeBesideTitle(box, width, size);
    const bool clicked = pillButton(action.c_str(), palette(state.theme).accent, true, size);
    locateLastItem(actionKey);
    ImGui::SetCursorPosY(bottom);
    return clicked;
}

void drawScreenIntro(UiState& state, std::string_view text, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    wrappedTextColored(palette(state.theme).textMuted, text);
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
}

} // namespace kindling::ui
