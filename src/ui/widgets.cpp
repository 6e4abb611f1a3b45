#include "ui/widgets.hpp"

#include <vector>

namespace kindling::ui {

namespace {

struct OpenCard {
    ImVec2 start;
    float width;
    float padding;
    ImU32 colour;
    float rounding;
};
std::vector<OpenCard> openCards;

} // namespace

void beginCard(const Palette& palette, float width, float scale) {
    const float padding = 18.0f * scale;
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSplit(2);
    drawList->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    openCards.push_back({start, width, padding, toU32(palette.surface),
                         ImGui::GetStyle().ChildRounding});
    ImGui::SetCursorScreenPos(ImVec2(start.x + padding, start.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * padding);
}

void endCard() {
    const OpenCard card = openCards.back();
    openCards.pop_back();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 contentMax = ImGui::GetItemRectMax();
    const ImVec2 max(card.start.x + card.width, contentMax.y + card.padding);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    drawList->ChannelsSetCurrent(0);
    drawList->AddRectFilled(card.start, max, card.colour, card.rounding);
    drawList->ChannelsMerge();
    ImGui::SetCursorScreenPos(card.start);
    ImGui::Dummy(ImVec2(card.width, max.y - card.start.y));
}

void wrappedText(std::string_view text) {
    // TextWrapped keeps an enclosing wrap width (a card's) and otherwise wraps
    // at the window's edge.
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
}

void wrappedTextColored(const ImVec4& colour, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(text);
    ImGui::PopStyleColor();
}

} // namespace kindling::ui
