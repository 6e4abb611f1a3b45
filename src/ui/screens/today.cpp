// The Today screen: what the couple opens every evening. One click logs a
// ritual; every number comes from the session, so it is current at once.
#include "app/preferences.hpp"
#include "app/session.hpp"
#include "core/icons.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/ritual_text.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <fmt/format.h>
#include <optional>

namespace kindling::ui {

namespace {

const std::vector<TodayItem>& currentItems(UiState& state) {
    const Session& session = *state.session;
    return state.screens.today.items.get(
        session, [&] { return todayItems(session.history(), session.derived()); });
}

std::string statusText(const TodayItem& item, const Couple& couple) {
    const Ritual& ritual = *item.ritual;
    // Never due (docs/scoring.md §3.7): nothing is asked, nothing is counted.
    if (item.neverDue) {
        if (item.status == TodayStatus::Done) return "Here today";
        if (!ritual.why.empty()) return ritual.why;
        return ritual.whenItHelps ? "Whenever it helps" : "Whenever it feels right";
    }
    switch (item.status) {
    case TodayStatus::Whenever:
        break;
    case TodayStatus::Done:
        if (ritual.measure) return fmt::format("{:g} {} today", item.amountToday, ritual.unit);
        return ritual.mode == RitualMode::Each ? "Both of you today" : "Done together today";
    case TodayStatus::Partly:
        return fmt::format("{} today", couple.partners[item.doneBy[0] ? 0 : 1].name);
    case TodayStatus::Skipped:
        return "Resting today";
    case TodayStatus::Resting:
        if (!ritual.weekdays && item.doneInPeriod > 0)
            return fmt::format("{} of {} done, {}", item.doneInPeriod,
                               normalizedFrequency(ritual.frequency).times, rhythmText(ritual));
        return "Not today: " + rhythmText(ritual);
    case TodayStatus::Open:
        break;
    }
    if (ritual.measure)
        return fmt::format("{} {:g} {}, {}",
                           ritual.measure->kind == MeasureKind::AtLeast ? "at least" : "at most",
                           ritual.measure->target, ritual.unit, rhythmText(ritual));
    return ritual.why.empty() ? rhythmText(ritual) : ritual.why;
}

void drawHeader(UiState& state, const Palette& p, float width) {
    const DerivedState& derived = state.session->derived();
    const int streak = derived.connection.current ? derived.connection.current->length : 0;
    const float top = ImGui::GetCursorPosY();

    ImGui::TextColored(p.textMuted, "%s", formatLongDay(state.today).c_str());
    ImGui::PushFont(state.fonts.display);
    ImGui::TextUnformatted("Today");
    ImGui::PopFont();
    const float bottom = ImGui::GetCursorPosY();

    // The flame and the connection streak, right-aligned beside the title.
    // With no streak running, an invitation instead of a number: Today never
    // shows a loss (docs/product.md §1.1).
    const float flameHeight = bottom - top - 8 * state.scale;
    const bool freshStart = streak == 0;
    ImGui::PushFont(freshStart ? state.fonts.heading : state.fonts.display);
    const std::string number = freshStart ? std::string("A fresh start") : std::to_string(streak);
    const float numberWidth = ImGui::CalcTextSize(number.c_str()).x;
    ImGui::PopFont();
    const char* caption = freshStart    ? "any ritual today lights the flame"
                          : streak == 1 ? "day of connection"
                                        : "days of connection";
    const float captionWidth = ImGui::CalcTextSize(caption).x;
    const float blockWidth =
        flameHeight * 0.72f + 12 * state.scale + std::max(numberWidth, captionWidth);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - blockWidth, top + 4 * state.scale));
    ImGui::BeginGroup();
    flame(p, flameHeight, streak);
    ImGui::SameLine(0, 12 * state.scale);
    ImGui::BeginGroup();
    if (freshStart) ImGui::Dummy(ImVec2(0, 6 * state.scale));
    ImGui::PushFont(freshStart ? state.fonts.heading : state.fonts.display);
    ImGui::TextUnformatted(number.c_str());
    ImGui::PopFont();
    ImGui::TextColored(p.textMuted, "%s", caption);
    ImGui::EndGroup();
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) {
        const int best = derived.connection.best ? derived.connection.best->length : 0;
        if (best > 0)
            ImGui::SetTooltip("Days in a row with at least one ritual.\nYour longest: %d days.\n"
                              "Freezes banked: %d (one for every 7 logged days, up to 2; each "
                              "covers a quiet day).",
                              best, derived.connection.freezesBanked);
        else
            ImGui::SetTooltip("Days in a row with at least one ritual.\nYou start with a freeze "
                              "banked: a quiet day in your first week is covered.");
    }
    if (derived.connection.freezesBanked > 0) {
        ImGui::SetCursorPos(
            ImVec2(ImGui::GetCursorPosX() + width - blockWidth, ImGui::GetCursorPosY()));
        std::string flakes;
        for (int i = 0; i < derived.connection.freezesBanked; ++i)
            flakes += icons::snowflake;
        ImGui::TextColored(p.partner2, "%s  %s", flakes.c_str(),
                           derived.connection.freezesBanked == 1 ? "1 freeze banked"
                                                                 : "2 freezes banked");
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), bottom));
}

void drawQuestion(UiState& state, const Palette& p, float width) {
    // The same question as the Questions screen: "next" and answers count.
    const Question* tonight = nullptr;
    try {
        tonight = &state.session->questionOfTheNight();
    } catch (const std::exception& e) {
        state.lastError = e.what();
        return;
    }
    const Question& question = *tonight;
    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::comments);
    ImGui::SameLine();
    ImGui::TextColored(p.textMuted, "Question of the night  ·  %s",
                       questionCategoryLabel(question.category).c_str());
    ImGui::PushFont(state.fonts.heading);
    wrappedText(question.text);
    ImGui::PopFont();
    endCard();
}

// A partner's pill on a ritual's row: `label` cut to fit, filled once they
// logged it today, when a click must not log it twice; otherwise a click logs
// it for them.
void partnerPill(UiState& state, const Ritual& ritual, std::size_t partner,
                 const std::string& label, bool logged, const std::string& tooltip, ImVec2 size) {
    ImGui::PushID(static_cast<int>(partner));
    std::string shown = label;
    while (ImGui::CalcTextSize(shown.c_str()).x > size.x - 16 * state.scale && shown.size() > 4) {
        shown.pop_back();
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
            shown.pop_back();
    }
    if (shown != label) shown += "\xE2\x80\xA6";
    const std::uint32_t colour = state.session->history().couple.partners[partner].colour;
    if (pillButton(shown.c_str(), colourFromRgb(colour), logged, size) && !logged) {
        const Who who = partner == 0 ? Who::Partner1 : Who::Partner2;
        attempt(state,
                [&] { state.session->run(logToday, ritual.id, who, std::optional<double>()); });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip.c_str());
    locateLastItem("log/" + ritual.name + "/" + std::to_string(partner + 1));
    ImGui::PopID();
}

void drawRitual(UiState& state, const Palette& p, const TodayItem& item, float width) {
    Session& session = *state.session;
    const Ritual& ritual = *item.ritual;
    const Couple& couple = session.history().couple;
    const bool done = item.status == TodayStatus::Done;
    ImGui::PushID(ritual.id.c_str());

    const float buttonHeight = ImGui::GetFrameHeight();
    // Actions on the right: their width decides how much room the name has.
    const float pill = 96 * state.scale;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float actionsWidth = 0;
    const float amountWidth = 120 * state.scale;
    if (ritual.measure)
        actionsWidth = amountWidth + gap + pill;
    else if (ritual.mode == RitualMode::Each || item.neverDue)
        actionsWidth = 3 * pill + 2 * gap;
    else
        actionsWidth = 1.3f * pill;
    // A ritual never due has nothing to skip (docs/scoring.md §3.7).
    const bool canSkip = item.status == TodayStatus::Open && !item.neverDue;
    const float skipWidth =
        ImGui::CalcTextSize("Skip today").x + 2 * ImGui::GetStyle().FramePadding.x;
    const float rightBlock = actionsWidth + (canSkip ? skipWidth + gap : 0);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float padding = 14 * state.scale;
    const float rowHeight =
        std::max(buttonHeight, ImGui::GetTextLineHeight() * 2 + 4 * state.scale) + 2 * padding;
    draw->AddRectFilled(start, ImVec2(start.x + width, start.y + rowHeight),
                        toU32(done ? p.accentSoft : p.surface, done ? 0.75f : 1.0f),
                        ImGui::GetStyle().ChildRounding);

    // Icon in a soft circle.
    const float iconRadius = 18 * state.scale;
    const ImVec2 iconCentre(start.x + padding + iconRadius, start.y + rowHeight * 0.5f);
    draw->AddCircleFilled(iconCentre, iconRadius, toU32(p.accentSoft));
    std::string glyph = iconUtf8(ritual.icon);
    if (glyph.empty()) glyph = icons::heart;
    const ImVec2 glyphSize = ImGui::CalcTextSize(glyph.c_str());
    draw->AddText(ImVec2(iconCentre.x - glyphSize.x * 0.5f, iconCentre.y - glyphSize.y * 0.5f),
                  toU32(p.accent), glyph.c_str());

    // Name and status line.
    const float textLeft = padding + 2 * iconRadius + 12 * state.scale;
    const float textWidth = std::max(40.0f, width - textLeft - rightBlock - 2 * padding);
    ImGui::SetCursorScreenPos(
        ImVec2(start.x + textLeft,
               start.y + rowHeight * 0.5f - ImGui::GetTextLineHeight() - 2 * state.scale));
    elidedText(ritual.name, textWidth);
    ImGui::SetCursorScreenPos(
        ImVec2(start.x + textLeft, start.y + rowHeight * 0.5f + 2 * state.scale));
    ImGui::PushStyleColor(ImGuiCol_Text, done ? p.accent : p.textMuted);
    elidedText((done ? std::string(icons::check) + "  " : std::string()) + statusText(item, couple),
               textWidth);
    ImGui::PopStyleColor();

    // Actions.
    const float actionsLeft = start.x + width - padding - rightBlock;
    ImGui::SetCursorScreenPos(ImVec2(actionsLeft, start.y + (rowHeight - buttonHeight) * 0.5f));
    if (canSkip) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        if (ImGui::Button("Skip today", ImVec2(skipWidth, buttonHeight)))
            attempt(state, [&] { session.run(skipDay, ritual.id, session.asOf()); });
        locateLastItem("skip/" + ritual.name);
        ImGui::PopStyleColor(2);
        ImGui::SameLine(0, gap);
    }
    if (ritual.measure) {
        double& amount =
            state.screens.today.amountDrafts.try_emplace(ritual.id, ritual.measure->target)
                .first->second;
        ImGui::SetNextItemWidth(amountWidth);
        // The unit is part of the shown text ("20 minutes"); '%' in it is escaped.
        std::string format = "%g ";
        for (char c : ritual.unit)
            format += c == '%' ? std::string("%%") : std::string(1, c);
        ImGui::InputDouble("##amount", &amount, 0, 0, format.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("How many %s", ritual.unit.c_str());
        locateLastItem("amount/" + ritual.name);
        ImGui::SameLine(0, gap);
        if (pillButton(done ? "Add more" : "Log", p.accent, false, ImVec2(pill, buttonHeight)))
            attempt(state, [&] { session.run(logToday, ritual.id, Who::Both, amount); });
        locateLastItem("log/" + ritual.name);
    } else if (item.neverDue) {
        // Logged when it happens: by either of you for yourself, or together.
        for (std::size_t i = 0; i < 2; ++i) {
            partnerPill(state, ritual, i, couple.partners[i].name, item.doneBy[i],
                        couple.partners[i].name + ", for yourself", ImVec2(pill, buttonHeight));
            ImGui::SameLine(0, gap);
        }
        const bool together = done && item.doneBy[0] && item.doneBy[1];
        if (pillButton("Together", p.accent, together, ImVec2(pill, buttonHeight)) && !together)
            attempt(state,
                    [&] { session.run(logToday, ritual.id, Who::Both, std::optional<double>()); });
        locateLastItem("log/" + ritual.name + "/both");
    } else if (ritual.mode == RitualMode::Each) {
        for (std::size_t i = 0; i < 2; ++i) {
            const std::string label =
                (item.doneBy[i] ? std::string(icons::check) + " " : std::string()) +
                couple.partners[i].name;
            partnerPill(state, ritual, i, label, item.doneBy[i],
                        couple.partners[i].name + " did it", ImVec2(pill, buttonHeight));
            ImGui::SameLine(0, gap);
        }
        // After one partner, "Both" completes the day with the other's log only.
        if (pillButton("Both", p.accent, done, ImVec2(pill, buttonHeight)) && !done) {
            const Who who = item.doneBy[0]   ? Who::Partner2
                            : item.doneBy[1] ? Who::Partner1
                                             : Who::Both;
            attempt(state, [&] { session.run(logToday, ritual.id, who, std::optional<double>()); });
        }
        locateLastItem("log/" + ritual.name + "/both");
    } else {
        const std::string label = done ? std::string(icons::check) + "  Done" : "We did it";
        if (pillButton(label.c_str(), p.accent, done, ImVec2(1.3f * pill, buttonHeight)) && !done)
            attempt(state,
                    [&] { session.run(logToday, ritual.id, Who::Both, std::optional<double>()); });
        locateLastItem("log/" + ritual.name);
    }

    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + rowHeight));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
}

// The guide behind a practice from the catalog, when it has one.
std::optional<Screen> guideFor(const Ritual& ritual) {
    if (ritual.catalogId == repairRitualId || ritual.area == Area::Repair) return Screen::Repair;
    if (ritual.catalogId == "touch-without-pressure") return Screen::Programme;
    return std::nullopt;
}

// A quiet link under a row: "The guide".
void drawGuideLink(UiState& state, const Palette& p, const Ritual& ritual) {
    const std::optional<Screen> guide = guideFor(ritual);
    if (!guide) return;
    ImGui::PushID(ritual.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 64 * state.scale);
    const std::string label = std::string(icons::compass) + "  " +
                              (*guide == Screen::Repair ? "A guide for talking it through"
                                                        : "The gentle programme, in stages");
    if (ImGui::SmallButton(label.c_str())) state.screen = *guide;
    locateLastItem("guide/" + ritual.name);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    ImGui::PopID();
}

// ---- Welcome back (docs/product.md §4.2) -----------------------------------------

// Kept in the preferences once the couple answered it.
void markWelcomed(Session& session, Day lastQuietDay) {
    changePreferences(
        session, [&](Preferences& preferences) { preferences.welcomeBackSeen = lastQuietDay; });
}

void drawWelcomeBack(UiState& state, const Palette& p, float width) {
    Session& session = *state.session;
    const std::optional<QuietGap> gap = quietGapBeforeToday(session.history(), session.derived());
    if (!gap) return;
    if (loadPreferences(session).welcomeBackSeen == gap->last) return;
    const float s = state.scale;
    ImGui::Dummy(ImVec2(0, 6 * s));
    beginCard(p, width, s);
    cardTitle(state, p, icons::heart, "Welcome back");
    wrappedText("It's good to see you two. Life fills up sometimes, and nothing you built is "
                "lost. Start wherever feels right: one small moment is plenty.");
    // A break may begin in the past (docs/product.md §3.4), at most a year long.
    const Day from = std::max(gap->first, gap->last - days{366});
    ImGui::Dummy(ImVec2(0, 2 * s));
    wrappedTextColored(
        p.textMuted,
        fmt::format("If those {} were a time away, you can count them as a break: your "
                    "streaks rest through a break as if it never happened.",
                    gap->quietDays == 1 ? std::string("day")
                                        : fmt::format("{} days", gap->quietDays)));
    ImGui::Dummy(ImVec2(0, 2 * s));
    const std::string label = fmt::format("Count {} to {} as a break", shortDay(from),
                                          shortDay(gap->last, from < gap->last - days{300}));
    if (pillButton(label.c_str(), p.accent, true, pillSize(label, s)))
        attempt(state, [&] {
            session.run(startPause, from, gap->last, std::string("Time away"));
            markWelcomed(session, gap->last);
        });
    locateLastItem("welcome-back/break");
    ImGui::SameLine();
    if (ImGui::Button("Thank you")) attempt(state, [&] { markWelcomed(session, gap->last); });
    locateLastItem("welcome-back/close");
    endCard();
    ImGui::Dummy(ImVec2(0, 4 * s));
}

// ---- Breaks (docs/product.md §3.4) --------------------------------------------

struct BreakReason {
    const char* label;
    const char* icon; // core/icons.hpp name
};
constexpr std::array breakReasons{
    BreakReason{"Travel", "paper-plane"},   BreakReason{"Illness", "bed"},
    BreakReason{"Grief", "leaf"},           BreakReason{"A new baby", "child"},
    BreakReason{"A hard time", "umbrella"}, BreakReason{"Other", "pencil"},
};
// The reason is saved as "Travel: a few words", within a name's length.
constexpr std::size_t maxBreakNoteLength = 60;

void openBreakForm(UiState& state) {
    PauseDraft& draft = state.screens.today.pause;
    draft = PauseDraft{};
    draft.open = true;
    draft.from = formatDay(state.today);
    draft.to = formatDay(state.today + days{6});
}

std::string trimmedNote(std::string text) {
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    while (!text.empty() && text.front() == ' ')
        text.erase(text.begin());
    return text;
}

void startBreak(UiState& state) {
    PauseDraft& draft = state.screens.today.pause;
    const std::optional<Day> from = parseDay(draft.from);
    const std::optional<Day> to = parseDay(draft.to);
    if (!from || !to) {
        draft.error = "Write the days like " + formatDay(state.today) + " (year, month, day).";
        return;
    }
    if (*to < *from) {
        draft.error = "The break ends before it starts.";
        return;
    }
    if (*to - *from > days{366}) {
        draft.error = "A break is at most a year long; you can start another after it.";
        return;
    }
    const std::string note = trimmedNote(draft.note);
    if (utf8Length(note).value_or(0) > maxBreakNoteLength) {
        draft.error =
            fmt::format("A few words are enough: at most {} characters.", maxBreakNoteLength);
        return;
    }
    std::string reason = breakReasons[static_cast<std::size_t>(draft.reason)].label;
    if (!note.empty()) reason += ": " + note;
    try {
        state.session->run(startPause, *from, *to, reason);
        draft = PauseDraft{};
    } catch (const std::exception& e) {
        draft.error = e.what();
    }
}

void drawBreakForm(UiState& state, const Palette& p, float width) {
    PauseDraft& draft = state.screens.today.pause;
    const float s = state.scale;
    const float inner = width - 36 * s;
    beginCard(p, width, s);
    cardTitle(state, p, icons::pause, "Take a break");
    wrappedTextColored(p.textMuted,
                       "Life happens. During a break every streak rests, and nothing is "
                       "lost. You can still log whatever you do.");
    ImGui::Dummy(ImVec2(0, 2 * s));

    const float left = ImGui::GetCursorScreenPos().x;
    for (std::size_t i = 0; i < breakReasons.size(); ++i) {
        const BreakReason& reason = breakReasons[i];
        const std::string label = iconUtf8(reason.icon) + "  " + reason.label;
        const float needed = ImGui::CalcTextSize(label.c_str()).x + 28 * s;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + needed > left + inner) ImGui::NewLine();
        }
        const bool chosen = draft.reason == static_cast<int>(i);
        if (pillButton(label.c_str(), p.accent, chosen, ImVec2(needed, ImGui::GetFrameHeight())))
            draft.reason = static_cast<int>(i);
        locateLastItem(std::string("break/reason/") + reason.label);
    }
    // A loss or a hard time may need more than a pause: Support says where to turn.
    const std::string_view chosen = breakReasons[static_cast<std::size_t>(draft.reason)].label;
    if (chosen == "Grief" || chosen == "A hard time") {
        ImGui::Dummy(ImVec2(0, 2 * s));
        wrappedTextColored(p.textMuted, "Go gently with yourselves. If it is a lot to carry, "
                                        "you don't have to carry it alone: Support says where "
                                        "to find someone to talk to.");
        if (ImGui::Button((std::string(icons::lifeRing) + "  Support").c_str()))
            state.screen = Screen::Support;
        locateLastItem("break/support");
    }
    ImGui::Dummy(ImVec2(0, 2 * s));
    ImGui::SetNextItemWidth(inner);
    inputText("##break-note", draft.note, "A few words, if you like");
    locateLastItem("break/note");

    const float dayWidth =
        ImGui::CalcTextSize("2026-11-22").x + 2 * ImGui::GetStyle().FramePadding.x + 8 * s;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("From");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(dayWidth);
    inputText("##break-from", draft.from, "YYYY-MM-DD");
    locateLastItem("break/from");
    ImGui::SameLine(0, 12 * s);
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(dayWidth);
    inputText("##break-to", draft.to, "YYYY-MM-DD");
    locateLastItem("break/to");
    // Quick lengths, counted from the first day.
    const std::optional<Day> from = parseDay(draft.from);
    for (const auto& [label, length] :
         {std::pair{"A weekend", 2}, std::pair{"A week", 7}, std::pair{"Two weeks", 14}}) {
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(label).x + 20 * s > left + inner)
            ImGui::NewLine();
        if (ImGui::Button(label) && from) {
            draft.to = formatDay(*from + days{length - 1});
            draft.error.clear();
        }
        locateLastItem(std::string("break/length/") + label);
    }
    const std::optional<Day> to = parseDay(draft.to);
    if (from && to && *from <= *to) {
        const long length = daysBetween(*from, *to) + 1;
        ImGui::TextColored(p.textMuted, "%s",
                           fmt::format("{} {}: {} to {}", length, length == 1 ? "day" : "days",
                                       shortDay(*from), shortDay(*to, true))
                               .c_str());
    }
    if (!draft.error.empty()) problemText(p, draft.error);
    ImGui::Dummy(ImVec2(0, 2 * s));
    if (pillButton("Start the break", p.accent, true, ImVec2(0, ImGui::GetFrameHeight())))
        startBreak(state);
    locateLastItem("break/start");
    ImGui::SameLine();
    if (ImGui::Button("Not now")) draft = PauseDraft{};
    locateLastItem("break/cancel");
    endCard();
}

// On a break: a calm banner with a way back. Otherwise a small way to start
// one, and the break already planned, if there is one.
// Returns whether it drew only the quiet one-line link (room beside it).
bool drawBreak(UiState& state, const Palette& p, float width) {
    Session& session = *state.session;
    const float s = state.scale;
    if (const Pause* pause = pauseCovering(session.history(), session.asOf())) {
        beginCard(p, width, s);
        const char* endLabel = "End the break";
        const float endWidth = ImGui::CalcTextSize(endLabel).x + 32 * s;
        const float top = ImGui::GetCursorPosY();
        const float room = width - 36 * s - endWidth - 12 * s;
        ImGui::PushFont(state.fonts.heading);
        elidedText(std::string(icons::pause) + "  On a break until " +
                       shortDay(pause->last, pause->last - state.today > days{300}),
                   room);
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText(pause->reason, room);
        wrappedText("Your streaks rest with you. Log anything you like: it all still counts.");
        ImGui::PopStyleColor();
        const float bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - 36 * s - endWidth, top));
        if (pillButton(endLabel, p.accent, false, ImVec2(endWidth, ImGui::GetFrameHeight())))
            attempt(state, [&] { session.run(endPause); });
        locateLastItem("break/end");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to your usual rhythm from today");
        ImGui::SetCursorPosY(bottom);
        endCard();
        return false;
    }
    if (state.screens.today.pause.open) {
        drawBreakForm(state, p, width);
        return false;
    }
    // A quiet link, lined up with the title.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    const std::string label = std::string(icons::pause) + "  Taking a break?";
    if (ImGui::SmallButton(label.c_str())) openBreakForm(state);
    locateLastItem("break/open");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Travel, illness, a new baby: let every ritual rest for a while");
    if (const Pause* planned = pauseAfter(session.history(), session.asOf())) {
        ImGui::SameLine(0, 16 * s);
        ImGui::TextUnformatted(fmt::format("A break is planned from {} to {}.",
                                           shortDay(planned->first), shortDay(planned->last))
                                   .c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel it")) {
            const std::string id = planned->id;
            attempt(state, [&] { session.run(removePause, id); });
        }
        locateLastItem("break/cancel-planned");
    }
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    return true;
}

// Undo stands right under the flame, never far from the click it takes back,
// on the line that `lineTop` starts (beside the quiet break link) or, below a
// break's card or form, on a line of its own. Ctrl+Z does the same.
void drawUndo(UiState& state, float width, std::optional<float> lineTop) {
    Session& session = *state.session;
    if (!session.canUndo()) return;
    const std::string label =
        elideToWidth(std::string(icons::undo) + "  " + session.undoDescription(), width * 0.55f);
    const ImVec2 size(ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x,
                      ImGui::GetFrameHeight());
    const float bottom = ImGui::GetCursorPosY();
    const float left = ImGui::GetCursorPosX() + width - size.x;
    if (lineTop)
        ImGui::SetCursorPos(ImVec2(left, *lineTop + (ImGui::GetTextLineHeight() - size.y) * 0.5f));
    else
        ImGui::SetCursorPosX(left);
    if (ImGui::Button(label.c_str(), size)) attempt(state, [&] { session.undo(); });
    locateLastItem("undo");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (Ctrl+Z)", session.undoDescription().c_str());
    // Beside the link, nothing below moves when the button comes and goes.
    if (lineTop) ImGui::SetCursorPosY(bottom);
}

void drawEmpty(UiState& state, const Palette& p, float width) {
    beginEmptyState(p, width, state.scale, icons::leaf, "No rituals yet",
                    "Your rituals will live here: the small things you do for each other, "
                    "like a hug before leaving, a walk after dinner, or a thank-you.");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    const std::string choose = std::string(icons::list) + "  Choose your rituals";
    if (pillButton(choose.c_str(), p.accent, true, pillSize(choose, state.scale)))
        state.screen = Screen::Rituals;
    locateLastItem("today/choose-rituals");
    endCard();
}

} // namespace

void drawTodayScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float width = ImGui::GetContentRegionAvail().x;
    if (state.session == nullptr) return;
    Session& session = *state.session;

    // Ctrl+Z undoes the last log or skip, like the button; while a field is
    // being typed in, it belongs to the field.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) &&
        session.canUndo())
        attempt(state, [&] { session.undo(); });

    drawHeader(state, p, width);
    if (!session.history().rituals.empty()) drawWelcomeBack(state, p, width);
    const float breakTop = ImGui::GetCursorPosY();
    bool roomBeside = false;
    if (!session.history().rituals.empty() ||
        pauseCovering(session.history(), session.asOf()) != nullptr)
        roomBeside = drawBreak(state, p, width);
    drawUndo(state, width, roomBeside ? std::optional<float>(breakTop) : std::nullopt);
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    drawQuestion(state, p, width);
    ImGui::Dummy(ImVec2(0, 6 * state.scale));

    showFailure(p, state.lastError);

    const auto& items = currentItems(state);
    if (items.empty()) {
        drawEmpty(state, p, width);
        return;
    }
    for (const TodayItem& item : items)
        if (isDue(item)) {
            drawRitual(state, p, item, width);
            drawGuideLink(state, p, *item.ritual);
        }

    // Touch and "when it helps" rituals: never on a list of things to do,
    // there whenever they happen (docs/scoring.md §3.7).
    const auto whenever =
        std::count_if(items.begin(), items.end(), [](const TodayItem& i) { return i.neverDue; });
    if (whenever > 0) {
        ImGui::Dummy(ImVec2(0, 6 * state.scale));
        ImGui::TextColored(p.textMuted, "%s", "Whenever it feels right");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Nothing here is ever due, and none of it has a streak. Mark it "
                              "when it happens, if you like.");
        for (const TodayItem& item : items)
            if (item.neverDue) {
                drawRitual(state, p, item, width);
                drawGuideLink(state, p, *item.ritual);
            }
    }

    const auto resting = std::count_if(items.begin(), items.end(),
                                       [](const TodayItem& i) { return !isDue(i) && !i.neverDue; });
    if (resting > 0) {
        ImGui::Dummy(ImVec2(0, 4 * state.scale));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        const bool open =
            ImGui::CollapsingHeader(fmt::format("Not due today ({})###resting", resting).c_str());
        ImGui::PopStyleColor();
        locateLastItem("resting");
        if (open)
            for (const TodayItem& item : items)
                if (!isDue(item) && !item.neverDue) {
                    drawRitual(state, p, item, width);
                }
    }
}

} // namespace kindling::ui
