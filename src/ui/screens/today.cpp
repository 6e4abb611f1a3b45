// The Today screen: what the couple opens every evening. One click logs a
// ritual; every number comes from the session, so it is current at once.
#include <fmt/format.h>

#include "app/content.hpp"
#include "app/session.hpp"
#include "core/icons.hpp"
#include "core/question_deck.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

namespace {

const std::vector<TodayItem>& currentItems(UiState& state) {
    TodayCache& cache = state.todayCache;
    if (cache.revision != state.session->revision()) {
        cache.items = todayItems(state.session->history(), state.session->derived());
        cache.revision = state.session->revision();
    }
    return cache.items;
}

// Runs a command; a failure is shown in the screen, never a crash.
template <class F> void attempt(UiState& state, F&& command) {
    try {
        command();
        state.lastError.clear();
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
}

std::string scheduleText(const Ritual& ritual) {
    if (ritual.weekdays) return "on its days";
    const Frequency f = normalizedFrequency(ritual.frequency);
    if (f.perDays == 1) return "daily";
    if (f.perDays == 7) return f.times == 1 ? "once a week" : fmt::format("{} times a week", f.times);
    if (f.perDays == 30 || f.perDays == 31)
        return f.times == 1 ? "once a month" : fmt::format("{} times a month", f.times);
    return fmt::format("{} times in {} days", f.times, f.perDays);
}

std::string statusText(const TodayItem& item, const Couple& couple) {
    const Ritual& ritual = *item.ritual;
    switch (item.status) {
    case TodayStatus::Done:
        if (ritual.measure)
            return fmt::format("{:g} {} today", item.amountToday, ritual.unit);
        return ritual.mode == RitualMode::Each ? "Both of you today" : "Done together today";
    case TodayStatus::Partly:
        return fmt::format("{} today", couple.partners[item.doneBy[0] ? 0 : 1].name);
    case TodayStatus::Skipped:
        return "Resting today";
    case TodayStatus::Resting:
        if (!ritual.weekdays && item.doneInPeriod > 0)
            return fmt::format("{} of {} done, {}", item.doneInPeriod,
                               normalizedFrequency(ritual.frequency).times, scheduleText(ritual));
        return "Not today: " + scheduleText(ritual);
    case TodayStatus::Open:
        break;
    }
    if (ritual.measure)
        return fmt::format("{} {:g} {}, {}",
                           ritual.measure->kind == MeasureKind::AtLeast ? "at least" : "at most",
                           ritual.measure->target, ritual.unit, scheduleText(ritual));
    return ritual.why.empty() ? scheduleText(ritual) : ritual.why;
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
    const float flameHeight = bottom - top - 8 * state.scale;
    ImGui::PushFont(state.fonts.display);
    const std::string number = std::to_string(streak);
    const float numberWidth = ImGui::CalcTextSize(number.c_str()).x;
    ImGui::PopFont();
    const char* caption = streak == 1 ? "day of connection" : "days of connection";
    const float captionWidth = ImGui::CalcTextSize(caption).x;
    const float blockWidth = flameHeight * 0.72f + 12 * state.scale +
                             std::max(numberWidth, captionWidth);
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - blockWidth, top + 4 * state.scale));
    ImGui::BeginGroup();
    flame(p, flameHeight, streak);
    ImGui::SameLine(0, 12 * state.scale);
    ImGui::BeginGroup();
    ImGui::PushFont(state.fonts.display);
    ImGui::TextUnformatted(number.c_str());
    ImGui::PopFont();
    ImGui::TextColored(p.textMuted, "%s", caption);
    ImGui::EndGroup();
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) {
        const int best = derived.connection.best ? derived.connection.best->length : 0;
        ImGui::SetTooltip("Days in a row with at least one ritual.\nYour longest: %d days.\n"
                          "Freezes banked: %d (one for every 7 logged days, up to 2; each "
                          "covers a missed day).",
                          best, derived.connection.freezesBanked);
    }
    if (derived.connection.freezesBanked > 0) {
        ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + width - blockWidth, ImGui::GetCursorPosY()));
        std::string flakes;
        for (int i = 0; i < derived.connection.freezesBanked; ++i) flakes += icons::snowflake;
        ImGui::TextColored(p.partner2, "%s  %s", flakes.c_str(),
                           derived.connection.freezesBanked == 1 ? "1 freeze banked"
                                                                 : "2 freezes banked");
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), bottom));
}

void drawQuestion(UiState& state, const Palette& p, float width) {
    const auto& questions = shippedContent().questions;
    if (questions.empty()) return;
    const Question& question = questionForDay(questions, state.today);
    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::comments);
    ImGui::SameLine();
    ImGui::TextColored(p.textMuted, "Question of the night  ·  %s", question.category.c_str());
    ImGui::PushFont(state.fonts.heading);
    wrappedText(question.text);
    ImGui::PopFont();
    endCard();
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
    if (ritual.measure) actionsWidth = amountWidth + gap + pill;
    else if (ritual.mode == RitualMode::Each) actionsWidth = 3 * pill + 2 * gap;
    else actionsWidth = 1.3f * pill;
    const bool canSkip = item.status == TodayStatus::Open;
    const float skipWidth =
        ImGui::CalcTextSize("Skip today").x + 2 * ImGui::GetStyle().FramePadding.x;
    const float rightBlock = actionsWidth + (canSkip ? skipWidth + gap : 0);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float padding = 14 * state.scale;
    const float rowHeight = std::max(buttonHeight, ImGui::GetTextLineHeight() * 2 + 4 * state.scale) +
                            2 * padding;
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
    ImGui::SetCursorScreenPos(ImVec2(start.x + textLeft,
                                     start.y + rowHeight * 0.5f - ImGui::GetTextLineHeight() -
                                         2 * state.scale));
    elidedText(ritual.name, textWidth);
    ImGui::SetCursorScreenPos(ImVec2(start.x + textLeft, start.y + rowHeight * 0.5f + 2 * state.scale));
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
            attempt(state, [&] { session.skipToday(ritual.id); });
        locateLastItem("skip/" + ritual.name);
        ImGui::PopStyleColor(2);
        ImGui::SameLine(0, gap);
    }
    if (ritual.measure) {
        double& amount = state.amountDrafts.try_emplace(ritual.id, ritual.measure->target).first->second;
        ImGui::SetNextItemWidth(amountWidth);
        // The unit is part of the shown text ("20 minutes"); '%' in it is escaped.
        std::string format = "%g ";
        for (char c : ritual.unit) format += c == '%' ? std::string("%%") : std::string(1, c);
        ImGui::InputDouble("##amount", &amount, 0, 0, format.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("How many %s", ritual.unit.c_str());
        locateLastItem("amount/" + ritual.name);
        ImGui::SameLine(0, gap);
        if (pillButton(done ? "Add more" : "Log", p.accent, false, ImVec2(pill, buttonHeight)))
            attempt(state, [&] { session.logToday(ritual.id, Who::Both, amount); });
        locateLastItem("log/" + ritual.name);
    } else if (ritual.mode == RitualMode::Each) {
        for (std::size_t i = 0; i < 2; ++i) {
            const ImVec4 colour = colourFromRgb(couple.partners[i].colour);
            ImGui::PushID(static_cast<int>(i));
            const std::string label =
                (item.doneBy[i] ? std::string(icons::check) + " " : std::string()) + couple.partners[i].name;
            // Long names are cut to fit the pill.
            std::string shown = label;
            while (ImGui::CalcTextSize(shown.c_str()).x > pill - 16 * state.scale && shown.size() > 4) {
                shown.pop_back();
                while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
                    shown.pop_back();
            }
            if (shown != label) shown += "\xE2\x80\xA6";
            if (pillButton(shown.c_str(), colour, item.doneBy[i], ImVec2(pill, buttonHeight)))
                attempt(state, [&] { session.logToday(ritual.id, i == 0 ? Who::Partner1 : Who::Partner2); });
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s did it", couple.partners[i].name.c_str());
            locateLastItem("log/" + ritual.name + "/" + std::to_string(i + 1));
            ImGui::PopID();
            ImGui::SameLine(0, gap);
        }
        if (pillButton("Both", p.accent, done, ImVec2(pill, buttonHeight)))
            attempt(state, [&] { session.logToday(ritual.id, Who::Both); });
        locateLastItem("log/" + ritual.name + "/both");
    } else {
        const std::string label = done ? std::string(icons::check) + "  Done" : "We did it";
        if (pillButton(label.c_str(), p.accent, done, ImVec2(1.3f * pill, buttonHeight)) && !done)
            attempt(state, [&] { session.logToday(ritual.id, Who::Both); });
        locateLastItem("log/" + ritual.name);
    }

    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + rowHeight));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
}

void drawEmpty(UiState& state, const Palette& p, float width) {
    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::leaf);
    ImGui::SameLine();
    ImGui::TextUnformatted("No rituals yet");
    wrappedTextColored(p.textMuted,
                       "Your rituals will live here: the small things you do for each other, "
                       "like a hug before leaving, a walk after dinner, or a thank-you.");
    endCard();
}

} // namespace

void drawTodayScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float width = std::min(ImGui::GetContentRegionAvail().x, 820 * state.scale);
    if (state.session == nullptr) return;
    Session& session = *state.session;

    // Ctrl+Z undoes the last log or skip, like the button.
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z)) && session.canUndo())
        attempt(state, [&] { session.undo(); });

    drawHeader(state, p, width);
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    drawQuestion(state, p, width);
    ImGui::Dummy(ImVec2(0, 6 * state.scale));

    if (!state.lastError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        wrappedText("That did not work: " + state.lastError);
        ImGui::PopStyleColor();
    }

    const auto& items = currentItems(state);
    if (items.empty()) {
        drawEmpty(state, p, width);
        return;
    }
    for (const TodayItem& item : items)
        if (isDue(item)) {
            drawRitual(state, p, item, width);
        }

    const auto resting = std::count_if(items.begin(), items.end(),
                                       [](const TodayItem& i) { return !isDue(i); });
    if (resting > 0) {
        ImGui::Dummy(ImVec2(0, 4 * state.scale));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        const bool open = ImGui::CollapsingHeader(
            fmt::format("Not due today ({})###resting", resting).c_str());
        ImGui::PopStyleColor();
        locateLastItem("resting");
        if (open)
            for (const TodayItem& item : items)
                if (!isDue(item)) {
                    drawRitual(state, p, item, width);
                }
    }

    if (session.canUndo()) {
        ImGui::Dummy(ImVec2(0, 6 * state.scale));
        const std::string label = std::string(icons::undo) + "  " + session.undoDescription();
        if (ImGui::Button(label.c_str())) attempt(state, [&] { session.undo(); });
        locateLastItem("undo");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+Z");
    }
}

} // namespace kindling::ui
