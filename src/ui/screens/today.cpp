// The Today screen: what the couple opens every evening.
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

void drawTodayScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float width = std::min(ImGui::GetContentRegionAvail().x, 680 * state.scale);

    ImGui::TextColored(p.textMuted, "%s", formatLongDay(state.today).c_str());
    ImGui::PushFont(state.fonts.display);
    ImGui::TextUnformatted("Today");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 8 * state.scale));

    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::leaf);
    ImGui::SameLine();
    ImGui::TextUnformatted("No rituals yet");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    wrappedTextColored(p.textMuted,
                       "Your rituals will live here: the small things you do for each other, "
                       "like a hug before leaving, a walk after dinner, or a thank-you.");
    endCard();
}

} // namespace kindling::ui
