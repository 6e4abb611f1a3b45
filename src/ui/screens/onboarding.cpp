// The welcome steps: on the first run (and again from Settings) the couple
// gives their names and colours, picks a few rituals from the catalog, may set
// a first goal, and reads how Kindling counts. Nothing is saved until the last
// step; skipping saves only the couple, so the window opens on Today from then on.
#include "app/content.hpp"
#include "app/reminder.hpp"
#include "app/session.hpp"
#include "core/catalog.hpp"
#include "core/icons.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/preference_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

constexpr int stepCount = 5;
constexpr std::array<const char*, stepCount> stepTitles{
    "Welcome to Kindling", "The two of you", "A few small rituals", "A first shared goal",
    "How Kindling counts"};

struct ScheduleChoice {
    Frequency frequency;
    const char* label;
};
constexpr std::array<ScheduleChoice, 7> scheduleChoices{{
    {{1, 1}, "Every day"},
    {{5, 7}, "5 times a week"},
    {{3, 7}, "3 times a week"},
    {{2, 7}, "Twice a week"},
    {{1, 7}, "Once a week"},
    {{2, 30}, "Twice a month"},
    {{1, 30}, "Once a month"},
}};

// Ticked on a first run: two at most, neither daily nor in the touch area, so
// the start is small and nothing about touch is expected (docs/product.md).
constexpr std::array<std::string_view, 2> startingPicks{"question-of-the-night", "time-for-us"};

struct GoalPeriodChoice {
    GoalPeriod period;
    const char* label;
};
constexpr std::array<GoalPeriodChoice, 4> goalPeriods{{
    {GoalPeriod::Week, "This week"},
    {GoalPeriod::Month, "This month"},
    {GoalPeriod::EveryWeek, "Every week"},
    {GoalPeriod::EveryMonth, "Every month"},
}};

std::string scheduleLabel(Frequency frequency) {
    for (const ScheduleChoice& choice : scheduleChoices)
        if (choice.frequency.times == frequency.times &&
            choice.frequency.perDays == frequency.perDays)
            return choice.label;
    return fmt::format("{} times in {} days", frequency.times, frequency.perDays);
}

std::string trimmedCopy(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool sameName(const std::string& a, const std::string& b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// The couple has this suggestion already (from the catalog, or by its name).
bool owned(const History& history, const CatalogRitual& entry) {
    for (const Ritual& ritual : history.rituals)
        if (ritual.catalogId == entry.id) return true;
    return history.findRitualByName(entry.name) != nullptr;
}

// Fills the draft from what the couple has: names and colours, the catalog
// with its own schedules, and a goal they can take or leave.
void load(UiState& state) {
    OnboardingState& draft = state.screens.onboarding;
    const Session& session = *state.session;
    const History& history = session.history();
    const bool firstRun = !session.onboarded();
    for (std::size_t i = 0; i < 2; ++i) {
        draft.names[i] = firstRun ? std::string() : history.couple.partners[i].name;
        draft.colours[i] = history.couple.partners[i].colour;
    }
    draft.rituals.clear();
    for (const CatalogRitual& entry : shippedContent().catalog) {
        RitualPick pick;
        pick.catalogId = entry.id;
        pick.picked =
            history.rituals.empty() &&
            std::find(startingPicks.begin(), startingPicks.end(), entry.id) != startingPicks.end();
        pick.frequency = {entry.times, entry.perDays};
        pick.mode = fromName<RitualMode>(entry.mode).value_or(RitualMode::Together);
        draft.rituals.push_back(pick);
    }
    draft.setGoal = history.goals.empty();
    draft.goalTitle = "A good start";
    draft.goalTarget = 5;
    draft.goalPeriod = GoalPeriod::Week;
    draft.goalReward.clear();
    draft.loaded = true;
}

// Whether the step's answers let the couple go on; says why not.
bool stepIsReady(OnboardingState& draft) {
    if (draft.step == 1) {
        const std::string first = trimmedCopy(draft.names[0]);
        const std::string second = trimmedCopy(draft.names[1]);
        if (first.empty() || second.empty()) {
            draft.error = "Each of you needs a name, even a nickname.";
            return false;
        }
        if (sameName(first, second)) {
            draft.error = "Two different names, please, so every log can say who it was.";
            return false;
        }
    }
    if (draft.step == 3 && draft.setGoal) {
        if (trimmedCopy(draft.goalTitle).empty()) {
            draft.error = "Give the goal a few words, or untick it for now.";
            return false;
        }
        if (draft.goalTarget < 1) {
            draft.error = "A goal needs at least one ritual to count.";
            return false;
        }
    }
    draft.error.clear();
    return true;
}

// Runs a command; a failure is kept in the draft and shown above the buttons.
template <class F> bool attempt(OnboardingState& draft, F&& command) {
    try {
        command();
        return true;
    } catch (const std::exception& e) {
        draft.error = e.what();
        return false;
    }
}

// Saves everything in one change (finishWelcome, core/actions.hpp): the
// couple, the picked rituals, the goal. A failure saves nothing and returns to
// the step it belongs to.
void finish(UiState& state) {
    Session& session = *state.session;
    OnboardingState& draft = state.screens.onboarding;
    Couple couple = session.history().couple;
    for (std::size_t i = 0; i < 2; ++i) {
        couple.partners[i].name = draft.names[i];
        couple.partners[i].colour = draft.colours[i];
    }
    std::vector<RitualDraft> rituals;
    for (const RitualPick& pick : draft.rituals) {
        const CatalogRitual* entry = findCatalogRitual(shippedContent().catalog, pick.catalogId);
        if (!pick.picked || entry == nullptr || owned(session.history(), *entry)) continue;
        RitualDraft ritual = draftOf(ritualFromCatalog(*entry));
        ritual.frequency = pick.frequency;
        ritual.mode = pick.mode;
        rituals.push_back(std::move(ritual));
    }
    std::optional<GoalDraft> goal;
    if (draft.setGoal) {
        goal.emplace();
        goal->title = draft.goalTitle;
        goal->target = draft.goalTarget;
        goal->scope = GoalScope::Any;
        goal->period = draft.goalPeriod;
        goal->reward = draft.goalReward;
    }
    const bool remind = draft.eveningReminder;
    try {
        session.run(finishWelcome, couple, rituals, goal);
    } catch (const RuleViolation& e) {
        draft.error = e.what();
        const Field field = e.field();
        draft.step = field == Field::Partner1Name || field == Field::Partner2Name ||
                             field == Field::PartnerColour
                         ? 1
                     : field >= Field::GoalTitle && field <= Field::Goal ? 3
                                                                         : 2;
        return;
    } catch (const std::exception& e) {
        draft.error = e.what();
        return;
    }
    state.screens.onboarding = OnboardingState{};
    state.screen = Screen::Today;
    if (remind) turnOnReminderFromWelcome(state);
}

// "Skip for now": on the first run the couple is saved (with the names and
// colours already given, if any), so the window opens on Today from now on;
// reopened from Settings, nothing changes.
void skip(UiState& state) {
    Session& session = *state.session;
    OnboardingState& draft = state.screens.onboarding;
    const bool firstRun = !session.onboarded();
    if (firstRun) {
        Couple couple = session.history().couple;
        const bool named = !trimmedCopy(draft.names[0]).empty() &&
                           !trimmedCopy(draft.names[1]).empty() &&
                           !sameName(trimmedCopy(draft.names[0]), trimmedCopy(draft.names[1]));
        for (std::size_t i = 0; i < 2; ++i) {
            if (named) couple.partners[i].name = draft.names[i];
            couple.partners[i].colour = draft.colours[i];
        }
        if (!attempt(draft, [&] { session.run(setCouple, couple); })) return;
    }
    state.screens.onboarding = OnboardingState{};
    state.screen = firstRun ? Screen::Today : Screen::Settings;
}

void progressDots(const Palette& p, int step, float scale, float left, float width) {
    const float radius = 5 * scale;
    const float gap = 14 * scale;
    const float total = stepCount * 2 * radius + (stepCount - 1) * gap;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float x0 = origin.x + left + (width - total) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < stepCount; ++i) {
        const ImVec2 centre(x0 + radius + static_cast<float>(i) * (2 * radius + gap),
                            origin.y + radius);
        if (i == step)
            draw->AddCircleFilled(centre, radius + 1.5f * scale, toU32(p.accent), 20);
        else if (i < step)
            draw->AddCircleFilled(centre, radius, toU32(p.accent, 0.45f), 20);
        else
            draw->AddCircle(centre, radius, toU32(p.textMuted), 20, 1.5f * scale);
    }
    ImGui::Dummy(ImVec2(width, 2 * radius + 3 * scale));
}

// An icon, a bold first line and a muted explanation under it.
void explained(UiState& state, const Palette& p, const char* icon, const char* title,
               const char* text) {
    const float s = state.scale;
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextColored(p.accent, "%s", icon);
    ImGui::SameLine(0, 12 * s);
    ImGui::BeginGroup();
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 2 * s));
    wrappedTextColored(p.textMuted, text);
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 2 * s));
}

// Returns true when the couple asked to join Kindling on the other computer
// instead of setting up here (first run only).
bool drawWelcome(UiState& state, const Palette& p, float width) {
    beginCard(p, width, state.scale);
    ImGui::PushFont(state.fonts.heading);
    wrappedText("Small moments, often, bring two people closer.");
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    wrappedText("Kindling helps the two of you keep little rituals of closeness going: a hug "
                "before leaving, coffee together, a thank-you at the end of the day. In the "
                "evening you note what happened, and watch the moments add up.");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    wrappedTextColored(p.textMuted, "Setting up takes about a minute: your names, a few "
                                    "rituals and, if you like, a first goal. You can change "
                                    "all of it later in Settings.");
    endCard();
    ImGui::Dummy(ImVec2(0, 8 * state.scale));
    beginCard(p, width, state.scale);
    explained(state, p, icons::heart, "Kind by design",
              "Nothing here scolds you. A quiet day costs almost nothing, and points never "
              "go down.");
    explained(state, p, icons::lock, "Yours alone",
              "Everything stays on this computer, unless you choose a folder the two of you "
              "already share to see it on both. Kindling sends nothing anywhere.");
    endCard();
    if (state.session->onboarded()) return false;
    ImGui::Dummy(ImVec2(0, 8 * state.scale));
    beginCard(p, width, state.scale);
    explained(state, p, icons::exchange, "Already using Kindling on the other computer?",
              "Then there is nothing to set up here. Join it, and your names, rituals and "
              "history come over; have the pairing code from its Settings at hand.");
    const bool join = ImGui::Button("Join the other computer");
    locateLastItem("onboarding/join");
    endCard();
    return join;
}

// Returns true when Enter was pressed in the second name.
bool drawNames(UiState& state, const Palette& p, float width) {
    OnboardingState& draft = state.screens.onboarding;
    const float s = state.scale;
    const bool entering = draft.shownStep != draft.step;
    static constexpr std::array<const char*, 2> labels{"Your name", "Your partner's name"};
    static constexpr std::array<const char*, 2> hints{"Alex", "Sam"};
    // Enter in the first name moves to the second; in the second, on to the next step.
    bool focusSecond = false, submitted = false;
    for (std::size_t i = 0; i < 2; ++i) {
        ImGui::PushID(static_cast<int>(i));
        beginCard(p, width, s);
        ImGui::TextColored(p.textMuted, "%s and colour", labels[i]);
        if ((entering && i == 0) || (focusSecond && i == 1)) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(std::min(width - 36 * s, 240 * s));
        if (inputText("##name", draft.names[i], hints[i], ImGuiInputTextFlags_EnterReturnsTrue))
            (i == 0 ? focusSecond : submitted) = true;
        locateLastItem("onboarding/name/" + std::to_string(i + 1));
        // The colours beside the name, or under it when the window is narrow.
        ImGui::SameLine(0, 16 * s);
        colourSwatches(state, "onboarding/colour/" + std::to_string(i + 1), draft.colours[i],
                       draft.colours[1 - i]);
        endCard();
        ImGui::Dummy(ImVec2(0, 8 * s));
        ImGui::PopID();
    }
    // How the two will look on Today's buttons.
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(p.textMuted, "On the Today screen:");
    const float pill = 120 * s;
    for (std::size_t i = 0; i < 2; ++i) {
        ImGui::SameLine(0, 10 * s);
        const std::string name = trimmedCopy(draft.names[i]);
        std::string shown = name.empty() ? (i == 0 ? "You" : "Your partner") : name;
        if (ImGui::CalcTextSize(shown.c_str()).x > pill - 20 * s)
            shown = elideToWidth(shown, pill - 20 * s);
        ImGui::PushID(static_cast<int>(i));
        pillButton(shown.c_str(), colourFromRgb(draft.colours[i]), true,
                   ImVec2(pill, ImGui::GetFrameHeight()));
        ImGui::PopID();
    }
    return submitted;
}

void drawRitualPick(UiState& state, const Palette& p, const CatalogRitual& entry, RitualPick& pick,
                    bool alreadyOwned) {
    const float s = state.scale;
    ImGui::PushID(entry.id.c_str());
    // Close lines within a suggestion; the list spaces the suggestions.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 4 * s));
    std::string glyph = iconUtf8(entry.icon);
    if (glyph.empty()) glyph = icons::heart;
    const std::string label = glyph + "   " + entry.name + "###pick";
    if (alreadyOwned) {
        bool yes = true;
        ImGui::BeginDisabled();
        ImGui::Checkbox(label.c_str(), &yes);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextColored(p.accent, "already one of yours");
    } else {
        ImGui::Checkbox(label.c_str(), &pick.picked);
        locateLastItem("onboarding/pick/" + entry.id);
    }
    const float indent = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::Indent(indent);
    wrappedTextColored(p.textMuted, entry.why);
    if (pick.picked && !alreadyOwned) {
        ImGui::SetNextItemWidth(170 * s);
        if (ImGui::BeginCombo("##often", scheduleLabel(pick.frequency).c_str())) {
            for (std::size_t i = 0; i < scheduleChoices.size(); ++i) {
                const Frequency f = scheduleChoices[i].frequency;
                const bool selected =
                    f.times == pick.frequency.times && f.perDays == pick.frequency.perDays;
                if (ImGui::Selectable(scheduleChoices[i].label, selected)) pick.frequency = f;
                locateLastItem("onboarding/often/" + entry.id + "/" + std::to_string(i));
                if (selected) ImGui::SetItemDefaultFocus();
            }
            ImGui::EndCombo();
        }
        locateLastItem("onboarding/often/" + entry.id);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("How often");
        ImGui::SameLine();
        if (entry.measure) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextColored(p.textMuted, "%s %g %s",
                               entry.measure->kind == "atMost" ? "at most" : "at least",
                               entry.measure->target, entry.measure->unit.c_str());
        } else {
            ImGui::SetNextItemWidth(150 * s);
            const char* modeLabel = pick.mode == RitualMode::Each ? "Each of us" : "Together";
            if (ImGui::BeginCombo("##who", modeLabel)) {
                if (ImGui::Selectable("Together", pick.mode == RitualMode::Together))
                    pick.mode = RitualMode::Together;
                locateLastItem("onboarding/who/" + entry.id + "/together");
                if (ImGui::Selectable("Each of us", pick.mode == RitualMode::Each))
                    pick.mode = RitualMode::Each;
                locateLastItem("onboarding/who/" + entry.id + "/each");
                ImGui::EndCombo();
            }
            locateLastItem("onboarding/who/" + entry.id);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Together: one tick counts for both of you.\nEach of us: each "
                                  "of you does it for the other, and it is kept on the days "
                                  "you both did.");
        }
    }
    ImGui::PopStyleVar();
    ImGui::Unindent(indent);
    ImGui::PopID();
}

void drawRituals(UiState& state, const Palette& p, float width) {
    OnboardingState& draft = state.screens.onboarding;
    const History& history = state.session->history();
    wrappedTextColored(p.textMuted,
                       "Tick the ones that feel right and adjust how often. Two or three is "
                       "plenty to begin with; you can add your own later under Rituals.");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    const auto& catalog = shippedContent().catalog;
    std::size_t i = 0;
    while (i < catalog.size()) {
        const std::string& group = catalog[i].group;
        beginCard(p, width, state.scale);
        ImGui::PushFont(state.fonts.heading);
        ImGui::TextUnformatted(group.c_str());
        ImGui::PopFont();
        for (; i < catalog.size() && catalog[i].group == group; ++i) {
            RitualPick* pick = nullptr;
            for (RitualPick& candidate : draft.rituals)
                if (candidate.catalogId == catalog[i].id) pick = &candidate;
            if (pick == nullptr) continue;
            ImGui::Dummy(ImVec2(0, 6 * state.scale));
            drawRitualPick(state, p, catalog[i], *pick, owned(history, catalog[i]));
        }
        endCard();
        ImGui::Dummy(ImVec2(0, 8 * state.scale));
    }
}

void drawGoal(UiState& state, const Palette& p, float width) {
    OnboardingState& draft = state.screens.onboarding;
    const float s = state.scale;
    wrappedTextColored(p.textMuted,
                       "Something to aim for together: a number of rituals, by either of you, "
                       "in a week or a month. Reaching it is celebrated.");
    ImGui::Dummy(ImVec2(0, 4 * s));
    beginCard(p, width, s);
    ImGui::Checkbox("Set a shared goal now", &draft.setGoal);
    locateLastItem("onboarding/goal");
    if (draft.setGoal) {
        const float field = std::min(width - 36 * s, 360 * s);
        ImGui::Dummy(ImVec2(0, 2 * s));
        ImGui::TextColored(p.textMuted, "Call it");
        ImGui::SetNextItemWidth(field);
        inputText("##title", draft.goalTitle, "A good start");
        locateLastItem("onboarding/goal-title");

        ImGui::TextColored(p.textMuted, "How many rituals, by either of you");
        ImGui::SetNextItemWidth(160 * s);
        if (ImGui::InputInt("##target", &draft.goalTarget))
            draft.goalTarget = std::clamp(draft.goalTarget, 1, 999);
        locateLastItem("onboarding/goal-target");

        ImGui::TextColored(p.textMuted, "When");
        for (std::size_t i = 0; i < goalPeriods.size(); ++i) {
            if (i > 0) ImGui::SameLine(0, 16 * s);
            if (ImGui::RadioButton(goalPeriods[i].label, draft.goalPeriod == goalPeriods[i].period))
                draft.goalPeriod = goalPeriods[i].period;
            locateLastItem("onboarding/goal-period/" + std::to_string(i));
        }

        ImGui::TextColored(p.textMuted, "A treat you promise yourselves (if you like)");
        ImGui::SetNextItemWidth(field);
        inputText("##reward", draft.goalReward, "dinner at our favourite place");
        locateLastItem("onboarding/goal-reward");
    }
    endCard();
}

void drawHowItCounts(UiState& state, const Palette& p, float width) {
    wrappedTextColored(p.textMuted, "Kindling keeps count the gentle way. Nothing is ever "
                                    "taken away, and a quiet day costs almost nothing.");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    beginCard(p, width, state.scale);
    explained(state, p, icons::fire, "Streaks",
              "Each ritual has its own streak, and the two of you share a connection streak: "
              "every day either of you does any ritual keeps it going. A ritual planned for "
              "three times a week only asks for three days in seven.");
    explained(state, p, icons::forward, "Skips",
              "Some days a ritual just does not fit: one of you is away, or it is pouring "
              "with rain. Skip it for that day and its streak stays whole.");
    explained(state, p, icons::pause, "Pauses",
              "For bigger things, like travel, illness, grief or a new baby, pause everything "
              "for as long as you need. Every streak waits for you.");
    explained(state, p, icons::snowflake, "Freezes",
              "You start with one freeze already banked, so a quiet day in your first week "
              "is covered. After that, every 7 days of connection in a row earns a freeze, and "
              "you can keep two. When a day slips by, a freeze covers it on its own.");
    explained(state, p, icons::handPaper, "Touch, and what you do when it helps",
              "Touch is never on a list of things to do, and neither is anything you do only "
              "when it helps, like a repair talk: no due days, no streaks. Mark them when they "
              "happen, if you like.");
    explained(state, p, icons::heart, "How settled, and points",
              "How settled a ritual is grows slowly and eases slowly, so one quiet day after a "
              "good run barely shows. Points only ever go up: what you earn stays yours, even "
              "when you change a day in the past.");
    endCard();
    if (!reminderSettings(*state.session).on) drawReminderOffer(state, width); // reminder_card.cpp
}

} // namespace

void drawOnboardingScreen(UiState& state) {
    if (state.session == nullptr) return;
    OnboardingState& draft = state.screens.onboarding;
    if (!draft.loaded) load(state);
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const bool lastStep = draft.step == stepCount - 1;
    const bool firstRun = !state.session->onboarded();

    // Enter goes on and Escape goes back, unless a field or a list has them.
    const ImGuiIO& io = ImGui::GetIO();
    const bool keysFree =
        !io.WantTextInput &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
    bool goNext = keysFree && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
    bool joining = false;
    bool goBack = keysFree && draft.step > 0 &&
                  ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float width = std::min(room.x, 760 * s);
    const float left = std::max(0.0f, (room.x - width) * 0.5f);
    const float top = ImGui::GetCursorPosY();

    // The header: the app's name, the step, and where it is among the steps.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::TextColored(p.accent, "%s", icons::fire);
    ImGui::SameLine();
    ImGui::TextColored(p.textMuted, "Kindling");
    const std::string counter = fmt::format("Step {} of {}", draft.step + 1, stepCount);
    ImGui::SameLine(left + width - ImGui::CalcTextSize(counter.c_str()).x +
                    ImGui::GetStyle().WindowPadding.x);
    ImGui::TextColored(p.textMuted, "%s", counter.c_str());
    progressDots(p, draft.step, s, left, width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::PushFont(state.fonts.display);
    elidedText(stepTitles[static_cast<std::size_t>(draft.step)], width);
    ImGui::PopFont();

    // The step, scrolling on its own above the buttons that stay in place.
    const float footer = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().ItemSpacing.y +
                         (draft.error.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing() * 2);
    const float stepHeight = std::max(80 * s, room.y - (ImGui::GetCursorPosY() - top) - footer);
    ImGui::BeginChild("##step", ImVec2(0, stepHeight), false);
    if (draft.shownStep != draft.step) ImGui::SetScrollY(0);
    ImGui::Indent(left + 1.0f);
    // Narrower than the column when a scrollbar takes its share.
    const float stepWidth = std::min(width, ImGui::GetContentRegionAvail().x);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + stepWidth);
    switch (draft.step) {
    case 0:
        joining = drawWelcome(state, p, stepWidth);
        break;
    case 1:
        goNext = drawNames(state, p, stepWidth) || goNext;
        break;
    case 2:
        drawRituals(state, p, stepWidth);
        break;
    case 3:
        drawGoal(state, p, stepWidth);
        break;
    default:
        drawHowItCounts(state, p, stepWidth);
        break;
    }
    ImGui::PopTextWrapPos();
    ImGui::Unindent(left + 1.0f);
    ImGui::EndChild();
    draft.shownStep = draft.step;

    // The buttons: Back on the left; Skip and Next (or Start) on the right.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    if (!draft.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        problemText(p, draft.error);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    }
    const float height = ImGui::GetFrameHeight();
    const float buttonWidth = 130 * s;
    const float rowLeft = ImGui::GetStyle().WindowPadding.x + left;
    const float rowTop = ImGui::GetCursorPosY();
    if (draft.step > 0) {
        ImGui::SetCursorPos(ImVec2(rowLeft, rowTop));
        const std::string back = std::string(icons::arrowLeft) + "  Back";
        if (pillButton(back.c_str(), p.accent, false, ImVec2(buttonWidth, height))) goBack = true;
        locateLastItem("onboarding/back");
    }
    // On the first run the last step has only one way on: beginning.
    const bool canSkip = !firstRun || !lastStep;
    const char* skipLabel = firstRun ? "Skip for now" : "Close";
    const float skipWidth = ImGui::CalcTextSize(skipLabel).x + 2 * ImGui::GetStyle().FramePadding.x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorPos(ImVec2(rowLeft + width - buttonWidth - gap - skipWidth, rowTop));
    bool skipped = false;
    if (canSkip) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        skipped = ImGui::Button(skipLabel, ImVec2(skipWidth, height));
        ImGui::PopStyleColor(2);
        locateLastItem("onboarding/skip");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(firstRun ? "You can come back to these steps from Settings."
                                       : "Back to Settings; nothing changes.");
        ImGui::SameLine(0, gap);
    } else {
        ImGui::SetCursorPos(ImVec2(rowLeft + width - buttonWidth, rowTop));
    }
    const std::string next = lastStep ? std::string(firstRun ? "Let's begin" : "Save")
                                      : "Next  " + std::string(icons::arrowRight);
    if (pillButton(next.c_str(), p.accent, true, ImVec2(buttonWidth, height))) goNext = true;
    locateLastItem("onboarding/next");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Enter");

    if (joining) {
        // Saved as a skip (nothing but the couple), then straight to the card
        // that joins; the names come from the other computer.
        skip(state);
        if (state.screen == Screen::Today) {
            state.screen = Screen::Settings;
            state.sync.scrollIntoView = true;
        }
    } else if (skipped) {
        skip(state);
    } else if (goBack) {
        draft.error.clear();
        --draft.step;
    } else if (goNext && stepIsReady(draft)) {
        if (lastStep)
            finish(state);
        else
            ++draft.step;
    }
}

} // namespace kindling::ui
