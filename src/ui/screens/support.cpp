// The Support page: what Kindling is not, and where to turn instead. Safety
// and a crisis come first and in their own words: when someone is afraid of,
// or controlled by, a partner, rituals and couples sessions are not the first
// step. No phone numbers: we cannot keep them right for every country, so the
// page says where to find the local one.
#include "ui/item_locator.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <initializer_list>

namespace kindling::ui {

namespace {

void bullets(std::initializer_list<const char*> lines) {
    for (const char* line : lines) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrappedText(line);
    }
}

void cardHeading(const Palette& p, float scale, const char* icon, const char* heading) {
    ImGui::TextColored(p.accent, "%s", icon);
    ImGui::SameLine();
    ImGui::TextUnformatted(heading);
    ImGui::Dummy(ImVec2(0, 2 * scale));
}

// A card of the page: its heading, what `body` draws, then the gap before
// the next card.
template <class Body>
void card(const Palette& p, float width, float scale, const char* icon, const char* heading,
          Body&& body) {
    beginCard(p, width, scale);
    cardHeading(p, scale, icon, heading);
    body();
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * scale));
}

// A card that is paragraphs, with a little room between them.
void textCard(const Palette& p, float width, float scale, const char* icon, const char* heading,
              std::initializer_list<const char*> paragraphs) {
    card(p, width, scale, icon, heading, [&] {
        for (const char* const& paragraph : paragraphs) {
            if (&paragraph != paragraphs.begin()) ImGui::Dummy(ImVec2(0, 2 * scale));
            wrappedText(paragraph);
        }
    });
}

} // namespace

void drawSupportScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float width = ImGui::GetContentRegionAvail().x;

    drawScreenTitle(state, "Support", "When you need more than a ritual", width);
    ImGui::Dummy(ImVec2(0, 4 * state.scale));

    textCard(p, width, state.scale, icons::heart, "Kindling is a small companion, not therapy.",
             {"It helps the two of you notice the good moments and keep them coming. "
              "It cannot untangle everything, and it is not meant to."});

    textCard(p, width, state.scale, icons::lifeRing, "If you are afraid of your partner",
             {"When you feel afraid of your partner, or they decide who you may see, where you "
              "may go, or what you do with your money or your phone, you deserve support of "
              "your own. Rituals and couples sessions are not the first step then: talking "
              "with someone on your own is.",
              "A domestic abuse helpline listens in confidence and can help you think about "
              "what to do next, at your pace. Your doctor or a local health service can tell "
              "you the one where you live, or search for \"domestic abuse helpline\" with the "
              "name of your country. If you are in danger right now, call your local "
              "emergency number."});

    textCard(p, width, state.scale, icons::lifeRing, "In a crisis",
             {"If you or your partner are thinking about ending your life, or cannot keep "
              "yourselves safe tonight, contact your local emergency number or a crisis line "
              "now. A crisis line is there for exactly this, at any hour. Your doctor or a "
              "local health service knows the one near you, or search for \"crisis line\" "
              "with the name of your country."});

    card(p, width, state.scale, icons::users, "A couples therapist can help when:", [&] {
        bullets({"talking feels impossible, or every talk ends in the same argument;",
                 "one of you feels alone or unheard in the relationship;",
                 "trust was hurt, or an old resentment keeps coming back;",
                 "a loss, an illness or a big change has pulled you far apart;",
                 "closeness or touch has become a source of worry rather than comfort."});
        ImGui::Dummy(ImVec2(0, 2 * state.scale));
        wrappedTextColored(p.textMuted, "Asking for help is a way of caring for each other. "
                                        "Many couples go, and many are glad they did.");
    });

    card(p, width, state.scale, icons::leaf, "Other help that may fit better", [] {
        bullets({"A sex therapist, when desire, pain or another physical worry stands between "
                 "you. A doctor can look for a physical cause as well.",
                 "Therapy of your own, for depression, anxiety or trauma. Feeling steadier "
                 "yourself often leaves more room for the two of you."});
    });

    textCard(p, width, state.scale, icons::lightbulb, "You don't need to wait for a crisis",
             {"Therapy is not only for emergencies. Many couples go while things are still "
              "mostly good, to learn how to talk about the hard parts before they grow.",
              "Take your time finding someone you both feel good about. A short first "
              "conversation with two or three therapists is usual, and you can choose "
              "together: the right one is someone each of you can speak freely with, and who "
              "takes both of you seriously."});

    // The guided practices (guides.cpp), for when a ritual is not enough.
    beginCard(p, width, state.scale);
    cardHeading(p, state.scale, icons::compass, "Two guides you can use whenever they help");
    wrappedText("A guide for talking something through after it stung, and a gentle programme "
                "for when touch has come to feel like pressure. Neither keeps a score.");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    const std::string repair = std::string(icons::handshake) + "  Talking it through";
    if (ImGui::Button(repair.c_str())) state.screen = Screen::Repair;
    locateLastItem("support/repair");
    ImGui::SameLine();
    const std::string touch = std::string(icons::handPaper) + "  Touch without pressure";
    if (ImGui::Button(touch.c_str())) state.screen = Screen::Programme;
    locateLastItem("support/programme");
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
