// The Support page: a short, kind note on what Kindling is not.
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

void drawSupportScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float width = ImGui::GetContentRegionAvail().x;

    drawScreenTitle(state, "Support", "When you need more than a ritual", width);
    ImGui::Dummy(ImVec2(0, 4 * state.scale));

    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::heart);
    ImGui::SameLine();
    ImGui::TextUnformatted("Kindling is a small companion, not therapy.");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    wrappedText("It helps the two of you notice the good moments and keep them coming. "
                "It cannot untangle everything, and it is not meant to.");
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * state.scale));

    beginCard(p, width, state.scale);
    ImGui::TextUnformatted("A couples therapist can help when:");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    for (const char* line :
         {"talking feels impossible, or every talk ends in the same argument;",
          "one of you feels alone, unheard or unsafe in the relationship;",
          "a loss, an illness, a birth or a move has pulled you far apart;",
          "closeness or touch has become a source of worry rather than comfort."}) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrappedText(line);
    }
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    wrappedTextColored(p.textMuted, "Asking for help is a way of caring for each other. "
                                    "Many couples go, and many are glad they did.");
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * state.scale));

    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::lifeRing);
    ImGui::SameLine();
    ImGui::TextUnformatted("If you are not safe");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    wrappedText("If you ever feel afraid at home, contact your local emergency number or a "
                "domestic abuse helpline where you live. You deserve to be safe.");
    endCard();
}

void drawProblemScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted("Kindling could not open your data");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 6 * state.scale));
    beginCard(p, width, state.scale);
    wrappedText(state.problem);
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    wrappedTextColored(p.textMuted,
                       "Nothing was changed. Your file stays exactly as it was, and the "
                       "backups folder next to it keeps earlier copies.");
    endCard();
}

} // namespace kindling::ui
