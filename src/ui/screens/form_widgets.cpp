#include "ui/screens/form_widgets.hpp"

#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <utility>

namespace kindling::ui {

float cardInnerWidth(float width, float scale) {
    return width - 2 * 18.0f * scale;
}

ImVec2 pillSize(std::string_view label, float scale) {
    return ImVec2(ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 28 * scale,
                  ImGui::GetFrameHeight());
}

Flow::Flow(float width, float scale)
    : left_(ImGui::GetCursorScreenPos().x), right_(left_ + width), scale_(scale) {}

bool Flow::pill(const Palette& palette, const char* label, bool selected, float minWidth) {
    ImVec2 size = pillSize(label, scale_);
    size.x = std::max(size.x, minWidth);
    const float gap = 6 * scale_;
    if (!first_) {
        ImGui::SameLine(0, gap);
        if (ImGui::GetCursorScreenPos().x + size.x > right_) ImGui::NewLine();
    }
    first_ = false;
    ImGui::PushID(label);
    const bool pressed = pillButton(label, palette.accent, selected, size);
    ImGui::PopID();
    return pressed;
}

void disclosure(const Palette& palette, const std::string& label, bool& open) {
    const std::string text =
        std::string(open ? icons::chevronDown : icons::chevronRight) + "  " + label;
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, palette.textMuted);
    if (ImGui::Button(text.c_str())) open = !open;
    ImGui::PopStyleColor(2);
}

void fieldLabel(const Palette& palette, const char* text) {
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
    ImGui::TextColored(palette.textMuted, "%s", text);
}

void formError(const Palette& palette, const std::string& error) {
    if (error.empty()) return;
    ImGui::Dummy(ImVec2(0, 2));
    problemText(palette, error);
}

void cardTitle(UiState& state, const Palette& p, const char* icon, const char* title) {
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextColored(p.accent, "%s", icon);
    ImGui::SameLine(0, 10 * state.scale);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

void showNotice(const Palette& p, const Notice& notice, bool roomAbove) {
    if (notice.text.empty()) return;
    if (roomAbove) ImGui::Dummy(ImVec2(0, 2));
    if (notice.problem)
        showFailure(p, notice.text);
    else
        doneText(p, notice.text);
}

void showFailure(const Palette& palette, const std::string& error) {
    if (!error.empty()) problemText(palette, "That did not work: " + error);
}

void AfterRows::run(UiState& state) {
    if (command_) attemptIn(state.lastError, std::exchange(command_, nullptr));
}

void beginEmptyState(const Palette& palette, float width, float scale, const char* icon,
                     const char* title, std::string_view text) {
    beginCard(palette, width, scale);
    ImGui::TextColored(palette.accent, "%s", icon);
    ImGui::SameLine();
    ImGui::TextUnformatted(title);
    wrappedTextColored(palette.textMuted, text);
}

std::string readableError(const std::exception& error) {
    // A RuleViolation's text is the problem alone (core/rules.hpp): no flag
    // or label to take off, only the first letter to raise.
    std::string text = error.what();
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 32);
    return text;
}

void drawFeedback(UiState& state, const Palette& palette, std::string& notice, const char* undoKey,
                  float width) {
    Session& session = *state.session;
    // Ctrl+Z does what the button does, while no field is being typed in.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) &&
        session.canUndo()) {
        attemptIn(state.lastError, [&] { session.undo(); });
        notice.clear();
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    showFailure(palette, state.lastError);
    if (!notice.empty()) doneText(palette, notice);
    ImGui::PopTextWrapPos();
    if (session.canUndo()) {
        const std::string label = std::string(icons::undo) + "  " +
                                  elideToWidth(session.undoDescription(), width - 60 * state.scale);
        if (ImGui::Button(label.c_str())) {
            attemptIn(state.lastError, [&] { session.undo(); });
            notice.clear();
        }
        locateLastItem(undoKey);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s (Ctrl+Z)", session.undoDescription().c_str());
    }
    if (!state.lastError.empty() || !notice.empty() || session.canUndo())
        ImGui::Dummy(ImVec2(0, 4 * state.scale));
}

} // namespace kindling::ui
