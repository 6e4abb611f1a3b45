// The Settings screen: the couple (names, colours), their days (when a day
// and a week start), how Kindling looks, the optional PIN, the evening
// reminder (reminder_card.cpp), the welcome steps, and then the data cards
// (settings_data.cpp). Each change is saved at once.
#include "app/preferences.hpp"
#include "app/session.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/preference_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <fmt/format.h>

namespace kindling::ui {

namespace {

constexpr std::array<const char*, 7> weekdayNames{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

// A row of choices drawn as pills, the chosen one filled. Returns the index
// clicked, or -1.
template <std::size_t N>
int choicePills(UiState& state, const std::array<std::string, N>& labels, std::size_t chosen,
                const std::string& key) {
    const Palette& p = palette(state.theme);
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    int clicked = -1;
    for (std::size_t i = 0; i < N; ++i) {
        const float width =
            std::max(70 * state.scale, ImGui::CalcTextSize(labels[i].c_str()).x + 28 * state.scale);
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
        }
        ImGui::PushID(static_cast<int>(i));
        if (pillButton(labels[i].c_str(), p.accent, i == chosen,
                       ImVec2(width, ImGui::GetFrameHeight())))
            clicked = static_cast<int>(i);
        locateLastItem(key + "/" + std::to_string(i));
        ImGui::PopID();
    }
    return clicked;
}

// ---- The two of you -----------------------------------------------------------

void saveNames(UiState& state) {
    Session& session = *state.session;
    SettingsState& draft = state.screens.settings;
    Couple couple = session.history().couple;
    for (std::size_t i = 0; i < 2; ++i)
        couple.partners[i].name = draft.names[i];
    attempt(draft.coupleNotice, "Your names are saved.", [&] { session.run(setCouple, couple); });
}

void drawCouple(UiState& state, const Palette& p, float width, float inner) {
    Session& session = *state.session;
    SettingsState& draft = state.screens.settings;
    const Couple& couple = session.history().couple;
    const float s = state.scale;
    // The fields follow the saved names unless they are being changed.
    for (std::size_t i = 0; i < 2; ++i)
        if (couple.partners[i].name != draft.namesFrom[i])
            draft.names[i] = draft.namesFrom[i] = couple.partners[i].name;

    beginCard(p, width, s);
    cardTitle(state, p, icons::users, "The two of you");
    wrappedTextColored(p.textMuted, "Your names and colours, as every log and chart shows them.");
    bool save = false;
    for (std::size_t i = 0; i < 2; ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Dummy(ImVec2(0, 2 * s));
        // The name, and its colours beside it (below it when the card is narrow).
        ImGui::SetNextItemWidth(std::min(inner, 240 * s));
        save = inputText("##name", draft.names[i], i == 0 ? "A name" : "The other name",
                         ImGuiInputTextFlags_EnterReturnsTrue) ||
               save;
        locateLastItem("settings/name/" + std::to_string(i + 1));
        ImGui::SameLine(0, 16 * s);
        std::uint32_t colour = couple.partners[i].colour;
        if (colourSwatches(state, "settings/colour/" + std::to_string(i + 1), colour,
                           couple.partners[1 - i].colour)) {
            Couple changed = couple;
            changed.partners[i].colour = colour;
            attempt(draft.coupleNotice, "The colour is saved.",
                    [&] { session.run(setCouple, changed); });
        }
        ImGui::PopID();
    }
    const bool edited =
        draft.names[0] != couple.partners[0].name || draft.names[1] != couple.partners[1].name;
    if (edited) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        if (pillButton("Save names", p.accent, true, ImVec2(130 * s, ImGui::GetFrameHeight())))
            save = true;
        locateLastItem("settings/save-names");
        ImGui::SameLine();
        if (ImGui::Button("Keep the old ones")) draft.names = draft.namesFrom;
        locateLastItem("settings/revert-names");
    }
    if (save && edited) saveNames(state);
    showNotice(p, draft.coupleNotice, false);
    endCard();
}

// ---- Days and weeks -------------------------------------------------------------

void drawDays(UiState& state, const Palette& p, float width) {
    Session& session = *state.session;
    SettingsState& draft = state.screens.settings;
    const Settings current = session.history().settings;
    const float s = state.scale;
    const float label = 190 * s;

    beginCard(p, width, s);
    cardTitle(state, p, icons::clock, "Your days");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("A new day starts at");
    ImGui::SameLine(label);
    ImGui::SetNextItemWidth(120 * s);
    const std::string hour = fmt::format("{:02}:00", current.dayStartHour);
    if (ImGui::BeginCombo("##day-start", hour.c_str())) {
        for (int h = 0; h < 24; ++h) {
            const bool selected = h == current.dayStartHour;
            if (ImGui::Selectable(fmt::format("{:02}:00", h).c_str(), selected) && !selected) {
                Settings changed = current;
                changed.dayStartHour = h;
                attempt(draft.daysNotice, "Saved. Every streak was counted again.",
                        [&] { session.run(setSettings, changed); });
            }
            locateLastItem("settings/day-start/" + std::to_string(h));
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    locateLastItem("settings/day-start");
    if (current.dayStartHour > 0) {
        wrappedTextColored(p.textMuted,
                           fmt::format("A hug at {:02}:30 still counts for the evening before.",
                                       current.dayStartHour - 1));
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Weeks start on");
    ImGui::SameLine(label);
    ImGui::SetNextItemWidth(160 * s);
    const auto weekStart = static_cast<std::size_t>(current.weekStart);
    if (ImGui::BeginCombo("##week-start", weekdayNames[weekStart])) {
        for (std::size_t d = 0; d < weekdayNames.size(); ++d) {
            const bool selected = d == weekStart;
            if (ImGui::Selectable(weekdayNames[d], selected) && !selected) {
                Settings changed = current;
                changed.weekStart = static_cast<int>(d);
                attempt(draft.daysNotice,
                        "Saved. Weekly goals and charts now start on " +
                            std::string(weekdayNames[d]) + ".",
                        [&] { session.run(setSettings, changed); });
            }
            locateLastItem("settings/week-start/" + std::to_string(d));
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    locateLastItem("settings/week-start");
    showNotice(p, draft.daysNotice, false);
    endCard();
}

// ---- Look and feel ------------------------------------------------------------

void drawLook(UiState& state, const Palette& p, float width) {
    SettingsState& draft = state.screens.settings;
    const float s = state.scale;
    const float label = 190 * s;
    beginCard(p, width, s);
    cardTitle(state, p, icons::paintBrush, "Look and feel");

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Theme");
    ImGui::SameLine(label);
    const std::array<std::string, 2> themes{std::string(icons::sun) + "  Light",
                                            std::string(icons::moon) + "  Dark"};
    const int theme =
        choicePills(state, themes, state.theme == ThemeVariant::Dark ? 1 : 0, "settings/theme");
    if (theme >= 0) setTheme(state, theme == 1 ? ThemeVariant::Dark : ThemeVariant::Light);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text and buttons");
    ImGui::SameLine(label);
    std::array<std::string, uiScales.size()> sizes;
    std::size_t chosen = 1;
    for (std::size_t i = 0; i < uiScales.size(); ++i) {
        sizes[i] = fmt::format("{:.0f}%", uiScales[i] * 100);
        if (uiScales[i] == state.uiScale) chosen = i;
    }
    const int size = choicePills(state, sizes, chosen, "settings/scale");
    if (size >= 0 && uiScales[static_cast<std::size_t>(size)] != state.uiScale) {
        const float scale = uiScales[static_cast<std::size_t>(size)];
        state.uiScale = scale; // the platform applies it before the next frame
        attempt(draft.lookNotice, "", [&] {
            changePreferences(*state.session,
                              [&](Preferences& preferences) { preferences.uiScale = scale; });
        });
    }

    ImGui::Dummy(ImVec2(0, 2 * s));
    bool calm = state.reduceMotion;
    if (ImGui::Checkbox("Calm celebrations (less motion)", &calm)) {
        state.reduceMotion = calm;
        attempt(draft.lookNotice, "", [&] {
            changePreferences(*state.session,
                              [&](Preferences& preferences) { preferences.reduceMotion = calm; });
        });
    }
    locateLastItem("settings/reduce-motion");
    showNotice(p, draft.lookNotice, false);
    endCard();
}

// ---- The PIN --------------------------------------------------------------------

void clearPins(SettingsState& draft) {
    draft.currentPin.clear();
    draft.newPin.clear();
    draft.repeatPin.clear();
}

void savePin(UiState& state, bool hadPin) {
    SettingsState& draft = state.screens.settings;
    if (draft.newPin != draft.repeatPin) {
        draft.pinNotice = {"the two new PINs are not the same; type them again", true};
        draft.repeatPin.clear();
        return;
    }
    attempt(draft.pinNotice,
            hadPin ? "The PIN is changed."
                   : "The PIN lock is on. Kindling will ask for it when it opens.",
            [&] { state.session->setPin(draft.currentPin, draft.newPin); });
    if (!draft.pinNotice.problem) clearPins(draft);
}

void drawPin(UiState& state, const Palette& p, float width, float inner) {
    Session& session = *state.session;
    SettingsState& draft = state.screens.settings;
    const float s = state.scale;
    const float field = std::min(inner, 220 * s);
    const float label = 190 * s;
    bool hasPin = false;
    try {
        hasPin = session.hasPin();
    } catch (const std::exception& e) {
        draft.pinNotice = {e.what(), true};
    }

    beginCard(p, width, s);
    cardTitle(state, p, icons::lock, "PIN lock");
    wrappedTextColored(p.textMuted,
                       hasPin ? "On: Kindling asks for the PIN each time it opens."
                              : "A PIN of 4 to 12 digits hides what is here from a passing "
                                "glance. Kindling then asks for it each time it opens.");
    ImGui::Dummy(ImVec2(0, 2 * s));
    bool submit = false;
    const auto row = [&](const char* text, const char* id, std::string& pin, const char* key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
        ImGui::SameLine(label);
        submit = pinInput(id, pin, field, "") || submit;
        locateLastItem(key);
    };
    if (hasPin) row("Current PIN", "##current", draft.currentPin, "settings/pin/current");
    row(hasPin ? "New PIN" : "PIN", "##new", draft.newPin, "settings/pin/new");
    row("Once more", "##repeat", draft.repeatPin, "settings/pin/repeat");
    ImGui::Dummy(ImVec2(0, 2 * s));
    const char* saveLabel = hasPin ? "Change the PIN" : "Turn the PIN on";
    const bool ready =
        !draft.newPin.empty() && !draft.repeatPin.empty() && (!hasPin || !draft.currentPin.empty());
    ImGui::BeginDisabled(!ready);
    if (pillButton(saveLabel, p.accent, true,
                   ImVec2(ImGui::CalcTextSize(saveLabel).x + 32 * s, ImGui::GetFrameHeight())))
        submit = true;
    ImGui::EndDisabled();
    locateLastItem("settings/pin/save");
    if (submit && ready) savePin(state, hasPin);
    if (hasPin) {
        ImGui::SameLine();
        ImGui::BeginDisabled(draft.currentPin.empty());
        if (ImGui::Button("Turn the PIN off")) {
            attempt(draft.pinNotice, "The PIN lock is off.",
                    [&] { session.removePin(draft.currentPin); });
            if (!draft.pinNotice.problem) clearPins(draft);
        }
        ImGui::EndDisabled();
        locateLastItem("settings/pin/remove");
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Type the current PIN first");
        ImGui::SameLine();
        const std::string lockLabel = std::string(icons::lock) + "  Lock now";
        if (ImGui::Button(lockLabel.c_str())) {
            clearPins(draft);
            draft.pinNotice = {};
            state.lock.locked = true;
        }
        locateLastItem("settings/pin/lock-now");
    }
    showNotice(p, draft.pinNotice, false);
    endCard();
}

// ---- Talking about us -------------------------------------------------------------

// The question deck's opt-in category (core/question_deck.hpp): a setting of
// the couple's, so it is the same on both computers.
void drawTalkingAboutUs(UiState& state, const Palette& p, float width) {
    Session& session = *state.session;
    SettingsState& draft = state.screens.settings;
    const Settings current = session.history().settings;
    beginCard(p, width, state.scale);
    cardTitle(state, p, icons::comments, "Talking about us");
    wrappedTextColored(p.textMuted,
                       "Questions about closeness itself: what it means to each of you, which "
                       "touch comforts and which feels like pressure, how to say \"not tonight\" "
                       "kindly. Turn them on when you both would like them among the nights' "
                       "questions; you can read them in Questions either way.");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    bool on = current.talkingAboutUs;
    if (ImGui::Checkbox("We would both like these questions too", &on)) {
        Settings changed = current;
        changed.talkingAboutUs = on;
        attempt(draft.talkNotice,
                on ? "Saved. They join the nights' questions from today."
                   : "Saved. The nights leave them out from today.",
                [&] { session.run(setSettings, changed); });
    }
    locateLastItem("settings/talking-about-us");
    showNotice(p, draft.talkNotice, false);
    endCard();
}

// ---- The welcome steps -----------------------------------------------------------

void drawWelcomeAgain(UiState& state, const Palette& p, float width) {
    beginCard(p, width, state.scale);
    cardTitle(state, p, icons::heart, "The welcome steps");
    wrappedTextColored(p.textMuted, "Pick more of the suggested rituals, set a goal, or read "
                                    "again how streaks, skips, pauses and freezes work.");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    if (ImGui::Button("Open the welcome steps")) {
        state.screens.onboarding = OnboardingState{};
        state.screen = Screen::Onboarding;
    }
    locateLastItem("settings/onboarding");
    endCard();
}

} // namespace

void drawSettingsScreen(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const float inner = width - 2 * 18.0f * s; // inside a card's padding

    drawScreenTitle(state, "Settings", "Yours to change whenever you like", width);
    ImGui::Dummy(ImVec2(0, 4 * s));

    ImGui::PushID("settings");
    drawCouple(state, p, width, inner);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawDays(state, p, width);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawLook(state, p, width);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawTalkingAboutUs(state, p, width);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawPin(state, p, width, inner);
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawReminderCard(state, width); // reminder_card.cpp
    ImGui::Dummy(ImVec2(0, 8 * s));
    drawWelcomeAgain(state, p, width);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 8 * s));

    // Two computers (settings_sync.cpp).
    drawSyncSection(state);
    ImGui::Dummy(ImVec2(0, 8 * s));

    // Export, import, backups and where the file is (settings_data.cpp).
    drawSettingsDataSection(state);
}

} // namespace kindling::ui
