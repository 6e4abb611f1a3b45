// The guided practices (docs/product.md §3.13, §3.14): a guide for a repair
// talk, usable whenever it helps, and "touch without pressure", a programme
// in three stages that moves on only when both partners are ready. Every
// sentence is our own; nothing here has a streak, a due date, a score or XP.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/programme.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <array>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

void heading(UiState& state, const Palette& p, const char* icon, const std::string& text) {
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextColored(p.accent, "%s", icon);
    ImGui::SameLine(0, 10 * state.scale);
    wrappedText(text);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
}

// One numbered step: its name, then what it asks.
void step(UiState& state, const Palette& p, int number, const char* name, const char* text) {
    ImGui::TextColored(p.accent, "%d", number);
    ImGui::SameLine(0, 12 * state.scale);
    ImGui::BeginGroup();
    ImGui::TextUnformatted(name);
    wrappedTextColored(p.textMuted, text);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
}

// ---- Talking it through (the repair talk) ----------------------------------------

void drawRepairGuide(UiState& state, const Palette& p, float width) {
    Session& session = *state.session;
    const float s = state.scale;
    RepairState& view = state.screens.repair;

    beginCard(p, width, s);
    heading(state, p, icons::handshake, "Talking it through");
    wrappedText("For when something between you stung and is still there. There is no schedule "
                "for this: it is here whenever it helps.");
    ImGui::Dummy(ImVec2(0, 2 * s));
    wrappedTextColored(p.textMuted,
                       "Choose a calm moment rather than the heat of it, somewhere you can both "
                       "sit comfortably. Either of you can ask for a break at any point, and "
                       "come back to it later.");
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));

    beginCard(p, width, s);
    // The talk's four steps, each a name and what it asks of you.
    const std::array<std::array<const char*, 2>, 4> steps{{
        {"Each of you says what bothered you",
         "Talk about the moment and how it felt to you (\"when the plans changed at the last "
         "minute, I felt left out\") rather than about what the other is like."},
        {"The other says back what they heard",
         "In their own words, then: \"Did I get that right?\" Keep going until the first one "
         "feels heard. Then swap."},
        {"What each of you needs", "Now or next time: a word, some time alone, a hand on the "
                                   "shoulder, a heads-up before plans change."},
        {"One thing to try next time",
         "Choose one small thing together, small enough to keep. You can write it down below."},
    }};
    for (std::size_t i = 0; i < steps.size(); ++i)
        step(state, p, static_cast<int>(i + 1), steps[i][0], steps[i][1]);
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));

    beginCard(p, width, s);
    const float inner = cardInnerWidth(width, s);
    ImGui::TextUnformatted("Your plan for next time");
    wrappedTextColored(p.textMuted,
                       "Private to the two of you: it is kept as the note of today's repair "
                       "talk, in your Journal.");
    ImGui::SetNextItemWidth(inner);
    inputTextMultiline("##repair-plan", view.plan,
                       ImVec2(inner, ImGui::GetTextLineHeight() * 4.5f));
    locateLastItem("repair/plan");
    if (repairRitual(session.history()) == nullptr)
        wrappedTextColored(p.textMuted, "Keeping it also adds the repair talk to your rituals, "
                                        "done when it helps: never due, no streak.");
    const std::string keep = std::string(icons::check) + "  Keep our plan";
    if (pillButton(keep.c_str(), p.accent, true, pillSize(keep, s))) {
        const bool kept = attemptIn(
            view.error, [&] { session.run(keepRepairPlan, shippedContent().catalog, view.plan); });
        if (kept) {
            view.plan.clear();
            view.notice = "Kept. Thank you for talking it through.";
        }
    }
    locateLastItem("repair/keep");
    if (!view.notice.empty()) doneText(p, view.notice);
    formError(p, view.error);
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));

    beginCard(p, width, s);
    heading(state, p, icons::leaf, "Not every difference settles");
    wrappedText("Some differences stay with a couple for years, and that is all right. The aim "
                "is to keep talking kindly, not to win.");
    ImGui::Dummy(ImVec2(0, 2 * s));
    wrappedTextColored(p.textMuted, "If every talk ends in the same place, or talking feels "
                                    "impossible, a couples therapist can help.");
    const std::string support = std::string(icons::lifeRing) + "  Support";
    if (ImGui::Button(support.c_str())) state.screen = Screen::Support;
    locateLastItem("repair/support");
    endCard();
}

// ---- Touch without pressure (the programme) --------------------------------------

struct Stage {
    const char* name;
    const char* guide;
    const char* more;
};
constexpr std::array<Stage, programmeStages> stages{
    Stage{"Taking turns",
          "One of you gives and one receives, for about fifteen minutes each, with your "
          "clothes on. The one giving explores slowly: hands, arms, shoulders, back. The one "
          "receiving only notices how it feels, and says so if something should change.",
          "Attention stays on the sensation, not on where it might lead. Nothing more is "
          "expected, tonight or afterwards."},
    Stage{"Taking more time",
          "Sessions can be longer now. Before you begin, each of you says what is off-limits "
          "this time, and the other keeps to it without a question.",
          "Keep taking turns. \"Slower\" and \"stop\" are always welcome words, from either of "
          "you, at any moment."},
    Stage{"Together",
          "Now you can touch each other at the same time, still with no goal. Notice what "
          "feels good to give and what feels good to receive.",
          "If one of you wants to slow down, you both slow down."},
};

std::string stageTitle(int stage) {
    return fmt::format("Stage {}: {}", stage, stages[static_cast<std::size_t>(stage - 1)].name);
}

// One partner's private answer: two buttons, or a note that it is in (never
// what it was) and a way to change it while the other has not answered.
void answerRow(UiState& state, const Palette& p, std::size_t partner, bool answered,
               const char* yesLabel, const char* noLabel, const std::string& keyPrefix,
               ChangeSet (*action)(const History&, const ActionContext&, Who, bool)) {
    Session& session = *state.session;
    ProgrammePageState& view = state.screens.programme;
    const Partner& who = session.history().couple.partners[partner];
    ImGui::PushID(static_cast<int>(partner));
    const ImVec4 colour = colourFromRgb(who.colour);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(colour, "%s", icons::heart);
    ImGui::SameLine(0, 8 * state.scale);
    ImGui::TextUnformatted(who.name.c_str());
    ImGui::SameLine(0, 16 * state.scale);
    if (answered && !view.changing[partner]) {
        ImGui::TextColored(p.textMuted, "%s", "has answered, privately");
        ImGui::SameLine(0, 12 * state.scale);
        if (ImGui::SmallButton("Change my answer")) view.changing[partner] = true;
        locateLastItem(keyPrefix + "/change/" + std::to_string(partner + 1));
    } else {
        const Who whoAnswers = partner == 0 ? Who::Partner1 : Who::Partner2;
        const auto answer = [&](bool yes) {
            if (attemptIn(view.error, [&] { session.run(action, whoAnswers, yes); }))
                view.changing[partner] = false;
        };
        if (pillButton(yesLabel, p.accent, false, pillSize(yesLabel, state.scale))) answer(true);
        locateLastItem(keyPrefix + "/yes/" + std::to_string(partner + 1));
        ImGui::SameLine();
        if (pillButton(noLabel, p.textMuted, false, pillSize(noLabel, state.scale))) answer(false);
        locateLastItem(keyPrefix + "/no/" + std::to_string(partner + 1));
    }
    ImGui::PopID();
}

// The quiet word after a round of answers; it names nobody.
const char* outcomeText(ProgrammeOutcome outcome) {
    switch (outcome) {
    case ProgrammeOutcome::Began:
        return "You have both chosen this. The first stage is yours whenever you like.";
    case ProgrammeOutcome::GoingOn:
        return "You have both chosen to go on. Welcome back to it.";
    case ProgrammeOutcome::NotNow:
        return "Not now, and that is perfectly fine. Either of you can answer again whenever "
               "you like.";
    case ProgrammeOutcome::MovedOn:
        return "You are both ready. The next stage is open whenever you like.";
    case ProgrammeOutcome::StayAwhile:
        return "One of you would like more time with this stage. There is no hurry: that is "
               "exactly how it is meant to go.";
    case ProgrammeOutcome::None:
        break;
    }
    return nullptr;
}

void drawProgrammeRules(UiState& state, const Palette& p, float width) {
    beginCard(p, width, state.scale);
    heading(state, p, icons::leaf, "How it works");
    for (const char* line :
         {"Either of you can pause or stop it at any time, on your own, and you never have to "
          "say why. Kindling keeps no name with a pause or a stop.",
          "The next stage opens only when both of you have said you are ready, each on your "
          "own. Neither of you sees the other's answer until you have both answered.",
          "Spending longer with a stage, or returning to an earlier one, is part of it.",
          "There is nothing to keep up: no streak, no dates, no score.",
          "It is as private as the rest of Kindling: with a PIN set, nobody sees it without "
          "the PIN."}) {
        ImGui::Bullet();
        ImGui::SameLine();
        wrappedText(line);
    }
    endCard();
}

void drawProgramme(UiState& state, const Palette& p, float width) {
    Session& session = *state.session;
    const float s = state.scale;
    ProgrammePageState& view = state.screens.programme;
    const ProgrammeState programme = programmeState(session.history());
    const auto run = [&](ChangeSet (*action)(const History&, const ActionContext&)) {
        if (attemptIn(view.error, [&] { session.run(action); })) view.changing = {false, false};
    };

    beginCard(p, width, s);
    heading(state, p, icons::handPaper, "Touch without pressure");
    wrappedText("A gentle programme in three stages, for when touch has come to feel like a "
                "question rather than a comfort. Each stage is about noticing, not about where "
                "it leads.");
    if (const char* said = outcomeText(programme.outcome)) {
        ImGui::Dummy(ImVec2(0, 4 * s));
        wrappedTextColored(p.accent, said);
    }
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));

    if (programme.status != ProgrammeStatus::Active) {
        beginCard(p, width, s);
        const bool paused = programme.status == ProgrammeStatus::Paused;
        if (paused) {
            heading(state, p, icons::pause, "Resting");
            wrappedText(fmt::format("The programme rests at {}, for as long as you like. To go "
                                    "on, each of you says so, on your own.",
                                    stageTitle(programme.stage)));
        } else {
            heading(state, p, icons::heart, "Only if you both would like to");
            wrappedText("It stays off until each of you has chosen it, on your own. Take turns "
                        "at the screen, or answer on your own computer.");
        }
        ImGui::Dummy(ImVec2(0, 4 * s));
        for (std::size_t partner = 0; partner < 2; ++partner)
            answerRow(state, p, partner, programme.answered[partner],
                      paused ? "Yes, let's go on" : "Yes, I'd like to try", "Not now",
                      "programme/join", answerProgrammeJoin);
        if (paused) {
            ImGui::Dummy(ImVec2(0, 4 * s));
            if (ImGui::SmallButton("Stop the programme")) run(stopProgramme);
            locateLastItem("programme/stop");
        }
        formError(p, view.error);
        endCard();
        ImGui::Dummy(ImVec2(0, 8 * s));
        if (!paused) {
            // What it holds, so each can choose knowing.
            beginCard(p, width, s);
            heading(state, p, icons::leaf, "The three stages");
            for (int stage = 1; stage <= programmeStages; ++stage) {
                ImGui::TextUnformatted(stageTitle(stage).c_str());
                wrappedTextColored(p.textMuted, stages[static_cast<std::size_t>(stage - 1)].guide);
                ImGui::Dummy(ImVec2(0, 2 * s));
            }
            endCard();
            ImGui::Dummy(ImVec2(0, 8 * s));
        }
        drawProgrammeRules(state, p, width);
        return;
    }

    // Under way: the stage's guide, the quiet choices, and the way on.
    const Stage& stage = stages[static_cast<std::size_t>(programme.stage - 1)];
    beginCard(p, width, s);
    ImGui::TextColored(p.textMuted, "Where you are");
    heading(state, p, icons::leaf, stageTitle(programme.stage));
    wrappedText(stage.guide);
    ImGui::Dummy(ImVec2(0, 2 * s));
    wrappedTextColored(p.textMuted, stage.more);
    ImGui::Dummy(ImVec2(0, 6 * s));
    if (programme.stage > 1) {
        const std::string again = fmt::format(
            "Spend time with \"{}\"", stages[static_cast<std::size_t>(programme.stage - 2)].name);
        if (pillButton(again.c_str(), p.accent, false, pillSize(again, s)))
            run(goBackProgrammeStage);
        locateLastItem("programme/earlier");
        ImGui::SameLine();
    }
    const std::string pause = std::string(icons::pause) + "  Pause";
    if (ImGui::Button(pause.c_str())) run(pauseProgramme);
    locateLastItem("programme/pause");
    ImGui::SameLine();
    const std::string stop = std::string(icons::stop) + "  Stop";
    if (ImGui::Button(stop.c_str())) run(stopProgramme);
    locateLastItem("programme/stop");
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));

    beginCard(p, width, s);
    if (programme.stage < programmeStages) {
        heading(state, p, icons::heart, "When you both feel ready");
        wrappedText(fmt::format("Whenever you like, each of you can say, on your own, whether "
                                "you feel ready for {}. There is no right time.",
                                stageTitle(programme.stage + 1)));
        ImGui::Dummy(ImVec2(0, 4 * s));
        for (std::size_t partner = 0; partner < 2; ++partner)
            answerRow(state, p, partner, programme.answered[partner], "Ready", "Not yet",
                      "programme/ready", answerProgrammeReady);
    } else {
        heading(state, p, icons::heart, "Beyond this stage");
        wrappedText("The programme ends here, and you can stay with any stage for as long as "
                    "you like. For what comes after, or when desire, pain or worry stands "
                    "between you, a sex therapist can guide you further, kindly and in "
                    "private.");
        const std::string support = std::string(icons::lifeRing) + "  Support";
        if (ImGui::Button(support.c_str())) state.screen = Screen::Support;
        locateLastItem("programme/support");
    }
    formError(p, view.error);
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawProgrammeRules(state, p, width);
}

} // namespace

void drawGuidesScreen(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float width = ImGui::GetContentRegionAvail().x;
    drawScreenTitle(state, "Guides", "For the two of you, whenever it helps", width);
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    Flow pages(width, state.scale);
    pages.choice(p, "Talking it through", state.screen, Screen::Repair, "guides/repair");
    pages.choice(p, "Touch without pressure", state.screen, Screen::Programme, "guides/programme");
    ImGui::Dummy(ImVec2(0, 6 * state.scale));
    if (state.screen == Screen::Programme)
        drawProgramme(state, p, width);
    else
        drawRepairGuide(state, p, width);
}

} // namespace kindling::ui
