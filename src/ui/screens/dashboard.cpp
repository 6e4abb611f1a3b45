// The Dashboard: what the couple looks at together at the weekend. Everything
// it draws comes from one DashboardView, built when the session changes, so a
// frame only draws.
#include "app/content.hpp"
#include "app/session.hpp"
#include "core/icons.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <fmt/format.h>

namespace kindling::ui {

namespace {

const DashboardView& currentView(UiState& state) {
    DashboardCache& cache = state.dashboardCache;
    const Session& session = *state.session;
    // A ritual archived (or gone) since it was chosen: back to every ritual.
    if (!cache.chosenRitual.empty()) {
        const Ritual* chosen = session.history().findRitual(cache.chosenRitual);
        if (chosen == nullptr || chosen->archived) cache.chosenRitual.clear();
    }
    if (!cache.view || cache.revision != session.revision() || cache.asOf != session.asOf() ||
        cache.builtRitual != cache.chosenRitual) {
        cache.view = buildDashboard(session.history(), session.derived(), session.progress(),
                                    shippedContent().levels, cache.chosenRitual);
        cache.revision = session.revision();
        cache.asOf = session.asOf();
        cache.builtRitual = cache.chosenRitual;
    }
    return *cache.view;
}

std::string dayCount(int count) {
    return fmt::format("{} {}", count, count == 1 ? "day" : "days");
}

std::string areaLabel(Area area) {
    std::string name(nameOf(area));
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

std::string rhythmText(const Ritual& ritual) {
    if (ritual.weekdays) return "on its days";
    const Frequency f = normalizedFrequency(ritual.frequency);
    if (f.perDays == 1) return "daily";
    if (f.perDays == 7)
        return f.times == 1 ? "once a week" : fmt::format("{} times a week", f.times);
    if (f.perDays == 30 || f.perDays == 31)
        return f.times == 1 ? "once a month" : fmt::format("{} times a month", f.times);
    return fmt::format("{} times in {} days", f.times, f.perDays);
}

// "23 – 29 Nov", or "30 Nov – 6 Dec" across months.
std::string weekText(Day from, Day to) {
    const std::chrono::year_month_day a(from), b(to);
    const std::string last = shortDay(to).substr(4);
    if (a.month() == b.month())
        return fmt::format("{} \xE2\x80\x93 {}", static_cast<unsigned>(a.day()), last);
    return shortDay(from).substr(4) + " \xE2\x80\x93 " + last;
}

// How settled a ritual is in the couple's days, in words: its strength
// (docs/scoring.md §2) read as a rhythm, never as a mark.
const char* settledWord(double strength) {
    if (strength >= 0.8) return "settled";
    if (strength >= 0.5) return "settling in";
    if (strength >= 0.2) return "finding its rhythm";
    return "just beginning";
}

std::string spanText(Day from, Day to) {
    if (from == to) return shortDay(from, true);
    return shortDay(from, false) + " \xE2\x80\x93 " + shortDay(to, true);
}

// A card's title: an accent icon and a heading, with an optional muted note
// right-aligned on the same line (cut to fit).
void cardTitle(UiState& state, const Palette& p, const char* icon, const char* title,
               float innerWidth, const std::string& note = {}) {
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::PushFont(state.fonts.heading);
    const float headingHeight = ImGui::GetTextLineHeight();
    ImGui::TextColored(p.accent, "%s", icon);
    ImGui::SameLine(0, 10 * state.scale);
    const float titleLeft = ImGui::GetCursorScreenPos().x;
    const float noteRoom = note.empty() ? 0.0f : innerWidth * 0.45f;
    const std::string shown = elideToWidth(title, left + innerWidth - titleLeft - noteRoom);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopFont();
    if (note.empty()) return;
    const std::string noteShown = elideToWidth(note, noteRoom - 8 * state.scale);
    const float noteWidth = ImGui::CalcTextSize(noteShown.c_str()).x;
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(left + innerWidth - noteWidth,
                                     ImGui::GetCursorScreenPos().y +
                                         (headingHeight - ImGui::GetTextLineHeight()) * 0.5f));
    ImGui::TextColored(p.textMuted, "%s", noteShown.c_str());
}

struct Box {
    ImVec2 min, max;
};

// The width inside beginCard's padding (18 × scale, widgets.cpp).
float cardInnerWidth(float width, float scale) {
    return width - 2 * 18.0f * scale;
}

// Tooltips wrap long lines at a readable width.
void beginTooltip() {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
}

void endTooltip() {
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool hoveringBox(const Box& box) {
    return ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(box.min, box.max);
}

// Leaves `gap` between the last item and the next (instead of ItemSpacing).
void verticalGap(float gap) {
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + gap - ImGui::GetStyle().ItemSpacing.y);
}

// ---- Header -----------------------------------------------------------------

void drawHeader(UiState& state, const Palette& p, const DashboardView& view, float width) {
    std::string line;
    if (!view.hasLogs) {
        line = formatLongDay(view.asOf); // nothing shared yet: no placeholder names
    } else {
        line = view.partners[0].name + " & " + view.partners[1].name;
        if (view.firstLog) {
            const std::string first = formatLongDay(*view.firstLog); // "Sunday, 22 November 2026"
            line += ", together here since " + first.substr(first.find(", ") + 2);
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(line, width);
    ImGui::PopStyleColor();
    ImGui::PushFont(state.fonts.display);
    ImGui::TextUnformatted("Dashboard");
    ImGui::PopFont();
}

// ---- The three numbers at the top ------------------------------------------

// Draws a fixed-size surface and clips what is drawn inside it to it.
void beginBox(const Palette& p, const Box& box, float padding) {
    ImGui::GetWindowDrawList()->AddRectFilled(box.min, box.max, toU32(p.surface),
                                              ImGui::GetStyle().ChildRounding);
    ImGui::PushClipRect(box.min, box.max, true);
    ImGui::SetCursorScreenPos(ImVec2(box.min.x + padding, box.min.y + padding));
    ImGui::BeginGroup();
}

void endBox() {
    ImGui::EndGroup();
    ImGui::PopClipRect();
}

void drawStreakBox(UiState& state, const Palette& p, const DashboardView& view, const Box& box,
                   float padding) {
    const float s = state.scale;
    const int current = view.connectionCurrent ? view.connectionCurrent->length : 0;
    const int best = view.connectionBest ? view.connectionBest->length : 0;
    const float innerHeight = box.max.y - box.min.y - 2 * padding;
    const float innerWidth = box.max.x - box.min.x - 2 * padding;
    beginBox(p, box, padding);
    const float flameHeight = std::min(innerHeight, innerWidth * 0.32f / 0.72f);
    ImGui::SetCursorScreenPos(
        ImVec2(box.min.x + padding, box.min.y + padding + innerHeight - flameHeight));
    const float flameWidth = flame(p, flameHeight, current);
    ImGui::SameLine(0, 14 * s);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, box.min.y + padding));
    const float textWidth = innerWidth - flameWidth - 14 * s;
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 2 * s));
    if (current > 0) {
        ImGui::PushFont(state.fonts.display);
        ImGui::TextUnformatted(std::to_string(current).c_str());
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText(current == 1 ? "day of connection" : "days of connection", textWidth);
        ImGui::PopStyleColor();
    } else {
        ImGui::PushFont(state.fonts.heading);
        elidedText("A fresh start", textWidth);
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText("Any ritual today lights the flame", textWidth);
        ImGui::PopStyleColor();
    }
    if (best > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText("Longest: " + dayCount(best), textWidth);
        ImGui::PopStyleColor();
    }
    if (view.freezesBanked > 0 && current > 0) {
        std::string flakes;
        for (int i = 0; i < view.freezesBanked; ++i)
            flakes += icons::snowflake;
        ImGui::PushStyleColor(ImGuiCol_Text, frostColour(p));
        elidedText(flakes + "  " +
                       (view.freezesBanked == 1 ? "1 freeze banked" : "2 freezes banked"),
                   textWidth);
        ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    endBox();

    if (hoveringBox(box)) {
        beginTooltip();
        if (view.connectionCurrent)
            ImGui::Text("Now: %s, since %s", dayCount(current).c_str(),
                        shortDay(view.connectionCurrent->start, true).c_str());
        else
            ImGui::TextUnformatted("No streak running: one ritual starts a new one.");
        if (view.connectionBest)
            ImGui::Text("Longest: %s, %s", dayCount(best).c_str(),
                        spanText(view.connectionBest->start, view.connectionBest->end).c_str());
        ImGui::Text("Freezes banked: %d of 2", view.freezesBanked);
        ImGui::TextColored(p.textMuted, "One for every 7 days you log; each covers a quiet day. "
                                        "Your first week starts with one.");
        endTooltip();
    }
}

void drawLevelBox(UiState& state, const Palette& p, const DashboardView& view, const Box& box,
                  float padding) {
    const float s = state.scale;
    const float innerWidth = box.max.x - box.min.x - 2 * padding;
    const LevelStatus& level = view.level;
    beginBox(p, box, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 4 * s));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(fmt::format("Level {}", level.number), innerWidth);
    ImGui::PopStyleColor();
    ImGui::PushFont(state.fonts.heading);
    elidedText(level.name.empty() ? "Spark" : level.name, innerWidth);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 4 * s));
    const float fraction =
        level.topLevel || level.xpForNextLevel <= 0
            ? 1.0f
            : static_cast<float>(level.xpIntoLevel) / static_cast<float>(level.xpForNextLevel);
    progressBar(p, ImVec2(innerWidth, 10 * s), fraction, p.accent);
    ImGui::Dummy(ImVec2(0, 2 * s));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (level.topLevel || view.nextLevelName.empty())
        elidedText(thousands(level.xp) + " XP  \xC2\xB7  the top of the ladder, still glowing",
                   innerWidth);
    else
        elidedText(fmt::format("{} XP  \xC2\xB7  {} more to {}", thousands(level.xp),
                               thousands(level.xpForNextLevel - level.xpIntoLevel),
                               view.nextLevelName),
                   innerWidth);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    endBox();

    if (hoveringBox(box)) {
        beginTooltip();
        ImGui::Text("Level %d, %s: %s XP", level.number, level.name.c_str(),
                    thousands(level.xp).c_str());
        if (!view.levelDescription.empty()) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextColored(p.textMuted, "%s", view.levelDescription.c_str());
            ImGui::PopTextWrapPos();
        }
        if (!level.topLevel && level.xpForNextLevel > 0)
            ImGui::Text("%s of %s XP into this level", thousands(level.xpIntoLevel).c_str(),
                        thousands(level.xpForNextLevel).c_str());
        ImGui::Separator();
        ImGui::Text("Logs: %s", thousands(view.xp.logs).c_str());
        ImGui::Text("Done together: %s", thousands(view.xp.together).c_str());
        ImGui::Text("Both of you on one day: %s", thousands(view.xp.bothSameDay).c_str());
        ImGui::Text("Streak milestones: %s", thousands(view.xp.streakMilestones).c_str());
        ImGui::Text("Goals reached: %s", thousands(view.xp.goals).c_str());
        if (view.xp.kept > 0)
            ImGui::Text("Earned before and kept: %s", thousands(view.xp.kept).c_str());
        ImGui::TextColored(p.textMuted, "Points only ever add up: what you earned stays yours.");
        endTooltip();
    }
}

void drawStrengthBox(UiState& state, const Palette& p, const DashboardView& view, const Box& box,
                     float padding) {
    const float s = state.scale;
    const float innerHeight = box.max.y - box.min.y - 2 * padding;
    const float innerWidth = box.max.x - box.min.x - 2 * padding;
    beginBox(p, box, padding);
    const float diameter = std::min(innerHeight, innerWidth * 0.42f);
    ImGui::SetCursorScreenPos(
        ImVec2(box.min.x + padding, box.min.y + padding + (innerHeight - diameter) * 0.5f));
    progressRing(p, diameter, static_cast<float>(view.coupleStrength), p.accent, icons::leaf,
                 diameter > 84 * s ? state.fonts.heading : nullptr, s);
    ImGui::SameLine(0, 16 * s);
    const float textWidth = innerWidth - diameter - 16 * s;
    ImGui::SetCursorScreenPos(
        ImVec2(ImGui::GetCursorScreenPos().x,
               box.min.y + padding +
                   std::max(0.0f, (innerHeight - 3 * ImGui::GetTextLineHeight() - 8 * s) * 0.5f)));
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 4 * s));
    elidedText("How settled", textWidth);
    ImGui::PushFont(state.fonts.heading);
    elidedText(std::string(settledWord(view.coupleStrength)), textWidth);
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText("slow to change", textWidth);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    endBox();

    if (hoveringBox(box)) {
        beginTooltip();
        ImGui::Text("How settled your rituals are: %.0f%%", view.coupleStrength * 100.0);
        ImGui::TextColored(p.textMuted, "How much of a rhythm your rituals have found, on "
                                        "average. It grows with every log and eases only slowly "
                                        "on quiet days; touch and rituals done when they help "
                                        "are never counted.");
        endTooltip();
    }
}

void drawSummary(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float gap = 14 * s;
    const float padding = 18 * s;
    ImGui::PushFont(state.fonts.display);
    const float displayHeight = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    const float height = 2 * padding + displayHeight + 3 * (ImGui::GetTextLineHeight() + 2 * s);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    Box boxes[3];
    if (width >= 820 * s) { // three side by side
        const float w = (width - 2 * gap) / 3;
        for (int i = 0; i < 3; ++i)
            boxes[i] = {ImVec2(start.x + static_cast<float>(i) * (w + gap), start.y),
                        ImVec2(start.x + static_cast<float>(i) * (w + gap) + w, start.y + height)};
    } else { // streak and level side by side, strength below
        const float w = (width - gap) / 2;
        boxes[0] = {start, ImVec2(start.x + w, start.y + height)};
        boxes[1] = {ImVec2(start.x + w + gap, start.y), ImVec2(start.x + width, start.y + height)};
        boxes[2] = {ImVec2(start.x, start.y + height + gap),
                    ImVec2(start.x + width, start.y + 2 * height + gap)};
    }
    drawStreakBox(state, p, view, boxes[0], padding);
    drawLevelBox(state, p, view, boxes[1], padding);
    drawStrengthBox(state, p, view, boxes[2], padding);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, boxes[2].max.y - start.y));
}

// ---- The year calendar ------------------------------------------------------

void drawChooser(UiState& state, const DashboardView& view, float comboWidth) {
    DashboardCache& cache = state.dashboardCache;
    const RitualRow* chosen = nullptr;
    for (const RitualRow& row : view.rituals)
        if (row.id == view.heatmap.ritualId) chosen = &row;
    const float textRoom =
        comboWidth - ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().FramePadding.x;
    const std::string preview = elideToWidth(chosen ? chosen->name : "All rituals", textRoom);
    ImGui::SetNextItemWidth(comboWidth);
    const bool open = ImGui::BeginCombo("##calendar-ritual", preview.c_str());
    locateLastItem("dashboard/ritual-chooser");
    if (!open) {
        if (chosen && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", chosen->name.c_str());
        return;
    }
    const float itemRoom = comboWidth - 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::Selectable("All rituals", chosen == nullptr)) cache.chosenRitual.clear();
    locateLastItem("dashboard/ritual/all");
    for (const RitualRow& row : view.rituals) {
        ImGui::PushID(row.id.c_str());
        const std::string shown = elideToWidth(row.name, itemRoom);
        if (ImGui::Selectable(shown.c_str(), chosen == &row)) cache.chosenRitual = row.id;
        if (shown != row.name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.name.c_str());
        locateLastItem("dashboard/ritual/" + row.name);
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

// A day of the chosen ritual, clicked on the calendar: skip it, or take the
// skip back (docs/product.md §3.4).
void drawDayMenu(UiState& state, const Palette& p, const Heatmap& heatmap, const Ritual& ritual) {
    CalendarDayMenu& menu = state.calendarMenu;
    if (!ImGui::BeginPopup("##calendar-day")) return;
    const long index = menu.day ? daysBetween(heatmap.firstDay, *menu.day) : -1;
    if (index < 0 || index >= static_cast<long>(heatmap.cells.size())) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const HeatmapCell& cell = heatmap.cells[static_cast<std::size_t>(index)];
    Session& session = *state.session;
    const float width = 300 * state.scale;
    ImGui::TextUnformatted(formatLongDay(cell.day).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(ritual.name, width);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    auto run = [&](auto&& command) {
        try {
            command();
            menu.error.clear();
            ImGui::CloseCurrentPopup();
        } catch (const std::exception& e) {
            menu.error = e.what();
        }
    };
    if (cell.logs > 0) {
        ImGui::TextUnformatted("Logged that day: nothing to skip.");
    } else if (cell.skipped) {
        ImGui::TextUnformatted("A day off for this ritual.");
        if (pillButton("Undo skip", p.accent, false, ImVec2(0, ImGui::GetFrameHeight())))
            run([&] { session.run(unskipDay, ritual.id, cell.day); });
        locateLastItem("calendar/unskip");
    } else {
        if (pillButton("Skip this day", p.accent, true, ImVec2(0, ImGui::GetFrameHeight())))
            run([&] { session.run(skipDay, ritual.id, cell.day); });
        locateLastItem("calendar/skip");
        ImGui::TextColored(p.textMuted, "A skipped day never breaks a streak.");
    }
    if (!menu.error.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        problemText(p, "That did not work: " + menu.error);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndPopup();
}

void drawCalendar(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    beginCard(p, width, s);
    const float left = ImGui::GetCursorScreenPos().x;
    const float top = ImGui::GetCursorScreenPos().y;
    const float comboWidth = std::min(240 * s, inner * 0.45f);
    ImGui::PushFont(state.fonts.heading);
    const float headingHeight = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextColored(p.accent, "%s", icons::calendar);
    ImGui::SameLine(0, 10 * s);
    const std::string title = elideToWidth("Your year", left + inner - comboWidth - 12 * s -
                                                            ImGui::GetCursorScreenPos().x);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(
        ImVec2(left + inner - comboWidth, top + (headingHeight - ImGui::GetFrameHeight()) * 0.5f));
    drawChooser(state, view, comboWidth);
    ImGui::SetCursorScreenPos(ImVec2(left, top + std::max(headingHeight, ImGui::GetFrameHeight()) +
                                               ImGui::GetStyle().ItemSpacing.y));

    const Heatmap& heatmap = view.heatmap;
    const Session& session = *state.session;
    HeatmapText text;
    text.weekStart = session.history().settings.weekStart;
    for (std::size_t i = 0; i < 2; ++i) {
        text.partnerNames[i] = view.partners[i].name;
        text.partnerColours[i] = colourFromRgb(view.partners[i].colour);
    }
    const Ritual* ritual =
        heatmap.ritualId.empty() ? nullptr : session.history().findRitual(heatmap.ritualId);
    if (ritual != nullptr) {
        text.ritualName = ritual->name;
        text.unit = ritual->unit;
        text.measured = ritual->measure.has_value();
        text.together = ritual->mode == RitualMode::Together;
        text.keptRule = rhythmText(*ritual);
        text.skippable = true;
    }
    const std::optional<Day> clicked = heatmapChart(p, heatmap, text, view.asOf, inner, s);
    locateLastItem("dashboard/calendar");
    if (clicked && ritual != nullptr) {
        state.calendarMenu = {clicked, {}};
        ImGui::OpenPopup("##calendar-day");
    }
    if (ritual != nullptr) drawDayMenu(state, p, heatmap, *ritual);
    ImGui::Dummy(ImVec2(0, 2 * s));
    // Only boolean rituals done less than daily have days kept without a log
    // (docs/scoring.md §1).
    const bool keeps = ritual != nullptr && !ritual->measure && !ritual->weekdays &&
                       normalizedFrequency(ritual->frequency).perDays > 1;
    heatmapLegend(p, keeps, ritual != nullptr, s);

    // Counted over the days the calendar shows, or since the first log when
    // the couple began within them (a new couple is not measured against a year).
    const auto shown = std::count_if(heatmap.cells.begin(), heatmap.cells.end(),
                                     [](const HeatmapCell& c) { return !c.future; });
    const bool recent = view.firstLog && *view.firstLog > heatmap.firstDay;
    const long counted =
        recent ? daysBetween(*view.firstLog, view.asOf) + 1 : static_cast<long>(shown);
    std::string summary = fmt::format("{} on {} of {} {}", ritual != nullptr ? "Done" : "Together",
                                      heatmap.activeDays, recent ? "your" : "the last", counted);
    summary += recent ? (counted == 1 ? " day so far" : " days so far") : " days";
    if (heatmap.frozenDays > 0)
        summary += fmt::format("  \xC2\xB7  {} kept by a freeze", dayCount(heatmap.frozenDays));
    if (heatmap.pausedDays > 0)
        summary += fmt::format("  \xC2\xB7  {} paused", dayCount(heatmap.pausedDays));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    elidedText(summary, inner);
    ImGui::PopStyleColor();
    endCard();
}

// ---- Rituals ----------------------------------------------------------------

void ritualTooltip(const Palette& p, const RitualRow& row, bool chosen) {
    beginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextWrapped("%s", row.name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (row.neverDue) {
        ImGui::TextUnformatted(row.whenItHelps ? "Done when it helps: never due, no streak"
                                               : "Whenever it feels right: never due, no streak");
        if (row.lastLogged) ImGui::Text("Last time: %s", shortDay(*row.lastLogged, true).c_str());
    } else {
        if (row.current)
            ImGui::Text("Streak: %s, since %s", dayCount(row.currentStreak).c_str(),
                        shortDay(row.current->start, true).c_str());
        else if (row.best)
            ImGui::TextUnformatted("Streak: ready for a new one");
        if (row.best)
            ImGui::Text("Longest: %s, %s", dayCount(row.bestStreak).c_str(),
                        spanText(row.best->start, row.best->end).c_str());
        ImGui::Text("How settled: %s (%.0f%%)", settledWord(row.strength), row.strength * 100.0);
    }
    ImGui::Text("Logged %s in all",
                row.totalLogs == 1 ? "once"
                                   : fmt::format("{} times", thousands(row.totalLogs)).c_str());
    ImGui::TextColored(p.textMuted, "%s",
                       chosen ? "Click to see every ritual on the calendar"
                              : "Click to see it on the calendar");
    endTooltip();
}

void drawRituals(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    beginCard(p, width, s);
    const float streakWidth = 86 * s;
    const float strengthWidth = std::min(150 * s, inner * 0.3f);
    const float columnGap = 14 * s;
    cardTitle(state, p, icons::list, "Rituals", inner);
    // Column captions, over the columns they name.
    const float left = ImGui::GetCursorScreenPos().x;
    const float captionY = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(
        ImVec2(left + inner - strengthWidth - columnGap - streakWidth, captionY));
    ImGui::TextColored(p.textMuted, "Streak");
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(left + inner - strengthWidth, captionY));
    ImGui::TextColored(p.textMuted, "How settled");

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float rowHeight = 2 * line + 14 * s;
    const float iconRadius = 15 * s;
    for (const RitualRow& row : view.rituals) {
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const ImVec2 end(start.x + inner, start.y + rowHeight);
        // The whole row is a button: it shows the ritual on the calendar.
        const bool chosen = row.id == view.heatmap.ritualId;
        ImGui::PushID(row.id.c_str());
        if (ImGui::InvisibleButton("##row", ImVec2(inner, rowHeight)))
            state.dashboardCache.chosenRitual = chosen ? std::string() : row.id;
        locateLastItem("dashboard/row/" + row.name);
        ImGui::PopID();
        const bool hovered = ImGui::IsItemHovered();
        if (chosen || hovered)
            draw->AddRectFilled(ImVec2(start.x - 8 * s, start.y), ImVec2(end.x + 8 * s, end.y),
                                chosen ? toU32(p.accentSoft, 0.55f) : toU32(p.surfaceHover, 0.6f),
                                8 * s);
        const float middle = start.y + rowHeight * 0.5f;
        const ImVec2 iconCentre(start.x + iconRadius, middle);
        draw->AddCircleFilled(iconCentre, iconRadius, toU32(chosen ? p.surface : p.accentSoft));
        std::string glyph = iconUtf8(row.icon);
        if (glyph.empty()) glyph = icons::heart;
        const ImVec2 glyphSize = ImGui::CalcTextSize(glyph.c_str());
        draw->AddText(ImVec2(iconCentre.x - glyphSize.x * 0.5f, iconCentre.y - glyphSize.y * 0.5f),
                      toU32(p.accent), glyph.c_str());

        const float textLeft = start.x + 2 * iconRadius + 12 * s;
        const float textWidth = std::max(30 * s, inner - (textLeft - start.x) - streakWidth -
                                                     strengthWidth - 2 * columnGap);
        ImGui::SetCursorScreenPos(ImVec2(textLeft, middle - line - 1 * s));
        elidedText(row.name, textWidth);
        ImGui::SetCursorScreenPos(ImVec2(textLeft, middle + 1 * s));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        const std::string detail =
            row.neverDue         ? std::string(row.whenItHelps ? "when it helps" : "as it happens")
            : row.bestStreak > 0 ? "longest " + dayCount(row.bestStreak)
                                 : std::string("ready when you are");
        elidedText(detail + (row.mode == RitualMode::Each ? "  \xC2\xB7  each of you" : ""),
                   textWidth);
        ImGui::PopStyleColor();

        if (row.neverDue) {
            // No streak and no settling to show (docs/scoring.md §3.7): how
            // often it happened, and nothing to keep up.
            const std::string times = row.totalLogs == 0   ? std::string("whenever you like")
                                      : row.totalLogs == 1 ? std::string("once so far")
                                                           : thousands(row.totalLogs) + " times";
            const float timesWidth = ImGui::CalcTextSize(times.c_str()).x;
            ImGui::SetCursorScreenPos(ImVec2(start.x + inner - timesWidth, middle - line * 0.5f));
            ImGui::TextColored(p.textMuted, "%s", times.c_str());
            ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
            ImGui::Dummy(ImVec2(inner, 0));
            if (hovered) ritualTooltip(p, row, chosen);
            continue;
        }

        // Streak column: a small flame glyph and the days.
        const float streakLeft = start.x + inner - strengthWidth - columnGap - streakWidth;
        ImGui::SetCursorScreenPos(ImVec2(streakLeft, middle - line * 0.5f));
        // No streak running: the column stays quiet, no empty mark.
        if (row.currentStreak > 0) {
            ImGui::TextColored(p.accent, "%s", icons::fire);
            ImGui::SameLine(0, 6 * s);
            elidedText(dayCount(row.currentStreak),
                       streakWidth - (ImGui::GetCursorScreenPos().x - streakLeft));
        }

        // How settled: a soft bar and a word, the number in the tooltip.
        ImGui::SetCursorScreenPos(ImVec2(start.x + inner - strengthWidth, middle - line - 1 * s));
        progressBar(p, ImVec2(strengthWidth, 6 * s), static_cast<float>(row.strength), p.accent);
        ImGui::SetCursorScreenPos(ImVec2(start.x + inner - strengthWidth, middle + 1 * s));
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText(settledWord(row.strength), strengthWidth);
        ImGui::PopStyleColor();

        ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
        ImGui::Dummy(ImVec2(inner, 0));
        if (hovered) ritualTooltip(p, row, chosen);
    }
    endCard();
}

// ---- This week ----------------------------------------------------------------

// The couple's week, one row of days: what the two of you did, never one
// partner's count beside the other's. Who did what is in a day's tooltip; a
// day with nothing is simply left blank.
void drawWeek(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    const ThisWeek& week = view.week;
    beginCard(p, width, s);
    cardTitle(state, p, icons::users, "Your week together", inner,
              weekText(week.days.front().day, week.days.back().day));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const float column = inner / 7;
    const float left = ImGui::GetCursorScreenPos().x;
    float y = ImGui::GetCursorScreenPos().y;

    // Day names; today's in the accent.
    static constexpr const char* initials[] = {"M", "T", "W", "T", "F", "S", "S"};
    static constexpr const char* shortNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const bool roomy = column >= ImGui::CalcTextSize("Wed").x + 8 * s;
    for (std::size_t d = 0; d < 7; ++d) {
        const int weekday = isoWeekdayIndex(week.days[d].day);
        const char* name = roomy ? shortNames[weekday] : initials[weekday];
        const float textWidth = ImGui::CalcTextSize(name).x;
        const bool today = week.days[d].day == view.asOf;
        draw->AddText(ImVec2(left + column * (static_cast<float>(d) + 0.5f) - textWidth * 0.5f, y),
                      toU32(today ? p.accent : p.textMuted), name);
    }
    y += line + 8 * s;

    const float rowHeight = 2 * line + 14 * s;
    const float radius = std::min(column * 0.5f - 3 * s, rowHeight * 0.42f);
    const float middle = y + rowHeight * 0.5f;
    for (std::size_t d = 0; d < 7; ++d) {
        const WeekDay& day = week.days[d];
        const ImVec2 centre(left + column * (static_cast<float>(d) + 0.5f), middle);
        const auto count = static_cast<int>(day.rituals.size());
        if (count == 0) continue; // a quiet day, or one still to come: nothing to mark
        const float fill = std::min(1.0f, 0.35f + 0.65f * static_cast<float>(count) / 5.0f);
        draw->AddCircleFilled(centre, radius, toU32(p.accent, fill));
        const std::string number = std::to_string(count);
        const ImVec2 size = ImGui::CalcTextSize(number.c_str());
        if (size.x < radius * 1.6f)
            draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f),
                          fill > 0.6f ? IM_COL32(255, 255, 255, 255) : toU32(p.text),
                          number.c_str());
        const ImVec2 hoverMin(centre.x - column * 0.5f, y);
        const ImVec2 hoverMax(centre.x + column * 0.5f, y + rowHeight);
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(hoverMin, hoverMax)) {
            beginTooltip();
            ImGui::TextUnformatted(formatLongDay(day.day).c_str());
            for (const WeekRitual& ritual : day.rituals) {
                ImGui::TextColored(p.accent, "%s", icons::check);
                ImGui::SameLine();
                std::string who;
                if (ritual.together) who = "together";
                for (std::size_t i = 0; i < 2; ++i)
                    if (ritual.by[i]) who += (who.empty() ? "" : ", ") + view.partners[i].name;
                ImGui::TextUnformatted(ritual.name.c_str());
                ImGui::SameLine();
                ImGui::TextColored(p.textMuted, "%s", who.c_str());
            }
            endTooltip();
        }
    }
    y += rowHeight + 4 * s;
    ImGui::SetCursorScreenPos(ImVec2(left, y));
    ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
    if (week.logs > 0)
        elidedText(fmt::format("{} small {} this week, shared between the two of you", week.logs,
                               week.logs == 1 ? "moment" : "moments"),
                   inner);
    else
        elidedText("A new week: whatever you do together lands here", inner);
    ImGui::PopStyleColor();
    endCard();
}

// ---- Balance across areas -------------------------------------------------------

void drawBalance(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    beginCard(p, width, s);
    cardTitle(state, p, icons::pieChart, "Balance", inner,
              fmt::format("last {} days", balanceDays));
    int most = 0, total = 0;
    for (const AreaBalance& area : view.balance) {
        most = std::max(most, area.logs);
        total += area.logs;
    }
    float labelWidth = 0;
    for (const AreaBalance& area : view.balance)
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(areaLabel(area.area).c_str()).x);
    labelWidth = std::min(labelWidth + 14 * s, inner * 0.4f);
    const float countWidth = ImGui::CalcTextSize("0000").x;
    const float barWidth = std::max(20 * s, inner - labelWidth - countWidth - 10 * s);
    const float line = ImGui::GetTextLineHeight();
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 8 * s));
    for (const AreaBalance& area : view.balance) {
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const bool empty = area.logs == 0 && area.activeRituals == 0;
        ImGui::PushStyleColor(ImGuiCol_Text, empty ? p.textMuted : p.text);
        elidedText(areaLabel(area.area), labelWidth - 8 * s);
        ImGui::PopStyleColor();
        ImGui::SetCursorScreenPos(ImVec2(left + labelWidth, start.y + (line - 8 * s) * 0.5f));
        progressBar(p, ImVec2(barWidth, 8 * s),
                    most > 0 ? static_cast<float>(area.logs) / static_cast<float>(most) : 0.0f,
                    p.accent);
        const std::string count = empty ? "\xE2\x80\x93" : std::to_string(area.logs);
        const float countShown = ImGui::CalcTextSize(count.c_str()).x;
        ImGui::SetCursorScreenPos(ImVec2(left + inner - countShown, start.y));
        ImGui::TextColored(empty ? p.textMuted : p.text, "%s", count.c_str());
        if (ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(ImVec2(left, start.y),
                                       ImVec2(left + inner, start.y + line))) {
            beginTooltip();
            ImGui::Text("%s", areaLabel(area.area).c_str());
            if (empty) {
                ImGui::TextColored(p.textMuted, "No ritual in this area yet");
            } else {
                ImGui::Text("%s in the last %d days (%.0f%% of all)",
                            area.logs == 1 ? "1 log" : fmt::format("{} logs", area.logs).c_str(),
                            balanceDays, total > 0 ? 100.0 * area.logs / total : 0.0);
                ImGui::TextColored(p.textMuted, "%s",
                                   area.activeRituals == 1
                                       ? "1 ritual"
                                       : fmt::format("{} rituals", area.activeRituals).c_str());
            }
            endTooltip();
        }
    }
    ImGui::PopStyleVar();
    endCard();
}

// ---- Goals --------------------------------------------------------------------

void drawGoals(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    beginCard(p, width, s);
    cardTitle(state, p, icons::bullseye, "Shared goals", inner);
    if (view.goals.empty()) {
        wrappedTextColored(p.textMuted, "No shared goal right now. When you feel like it, pick "
                                        "one together: a few walks this month, a thank-you a day.");
        endCard();
        return;
    }
    const float diameter = 76 * s;
    const float gap = 12 * s;
    const float slot = std::max(diameter + 16 * s, 132 * s);
    const int perRow = std::max(1, static_cast<int>((inner + gap) / (slot + gap)));
    const float slotWidth =
        (inner - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
    const float left = ImGui::GetCursorScreenPos().x;
    const float line = ImGui::GetTextLineHeight();
    const float slotHeight = diameter + 8 * s + 2 * line + 4 * s;
    float top = ImGui::GetCursorScreenPos().y;
    for (std::size_t i = 0; i < view.goals.size(); ++i) {
        const GoalRing& goal = view.goals[i];
        const int column = static_cast<int>(i) % perRow;
        if (i > 0 && column == 0) top += slotHeight + gap;
        const float x = left + static_cast<float>(column) * (slotWidth + gap);
        ImGui::PushID(goal.goalId.c_str());
        ImGui::SetCursorScreenPos(ImVec2(x + (slotWidth - diameter) * 0.5f, top));
        const float fraction =
            static_cast<float>(goal.progress) / static_cast<float>(std::max(1, goal.target));
        const std::string label = goal.completed ? std::string(icons::check)
                                                 : fmt::format("{}/{}", goal.progress, goal.target);
        progressRing(p, diameter, fraction, p.accent, label.c_str(),
                     goal.completed ? state.fonts.heading : nullptr, s);
        auto centred = [&](const std::string& text, const ImVec4& colour, float y) {
            const std::string shown = elideToWidth(text, slotWidth);
            const float w = ImGui::CalcTextSize(shown.c_str()).x;
            ImGui::SetCursorScreenPos(ImVec2(x + (slotWidth - w) * 0.5f, y));
            ImGui::TextColored(colour, "%s", shown.c_str());
        };
        centred(goal.title, p.text, top + diameter + 8 * s);
        const std::string when = goal.completed           ? "reached, well done"
                                 : goal.start > view.asOf ? "starts " + shortDay(goal.start)
                                                          : "until " + shortDay(goal.end);
        centred(when, goal.completed ? p.accent : p.textMuted, top + diameter + 10 * s + line);
        if (ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(ImVec2(x, top), ImVec2(x + slotWidth, top + slotHeight))) {
            beginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextWrapped("%s", goal.title.c_str());
            ImGui::Text("%d of %d", goal.progress, goal.target);
            ImGui::TextColored(p.textMuted, "%s%s", spanText(goal.start, goal.end).c_str(),
                               goal.repeating ? ", and again after" : "");
            if (goal.completedOn)
                ImGui::Text("Reached on %s", shortDay(*goal.completedOn, true).c_str());
            if (!goal.reward.empty()) ImGui::TextWrapped("Your reward: %s", goal.reward.c_str());
            ImGui::PopTextWrapPos();
            endTooltip();
        }
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(left, top + slotHeight));
    ImGui::Dummy(ImVec2(inner, 0));
    endCard();
}

// ---- Strength over time ---------------------------------------------------------

void drawTrend(UiState& state, const Palette& p, const DashboardView& view, float width) {
    const float s = state.scale;
    const float inner = cardInnerWidth(width, s);
    beginCard(p, width, s);
    const bool fullYear = !view.trendDays.empty() &&
                          daysBetween(view.trendDays.front(), view.asOf) >= 7 * (trendWeeks - 1);
    const RitualRow* chosen = nullptr;
    for (const RitualRow& row : view.rituals)
        if (row.id == view.heatmap.ritualId) chosen = &row;
    cardTitle(state, p, icons::lineChart,
              fullYear ? "How settled, over the year" : "How settled, so far", inner);
    if (view.trendDays.size() < 2) {
        wrappedTextColored(p.textMuted, "The line begins after your first days together here.");
        endCard();
        return;
    }
    std::vector<TrendLine> lines;
    for (const RitualRow& row : view.rituals)
        if (&row != chosen)
            lines.push_back({&row.trend, row.name,
                             ImVec4(p.textMuted.x, p.textMuted.y, p.textMuted.z, 0.35f), 1.2f,
                             false, true});
    if (chosen != nullptr)
        lines.push_back({&chosen->trend, chosen->name, p.text, 2.2f, false, true});
    lines.push_back({&view.coupleTrend, "All rituals, on average", p.accent, 3.0f, true, true});
    trendChart(p, view.trendDays, lines, ImVec2(inner, 190 * s), s);
    // A quieter stretch eases the line; said kindly, never as a fall.
    const std::size_t points = view.coupleTrend.size();
    const std::size_t monthBack = view.trendDays.size() > 20 ? 4 : 28;
    if (points > monthBack &&
        view.coupleTrend.back() + 0.02 < view.coupleTrend[points - 1 - monthBack])
        wrappedTextColored(p.textMuted, "A quieter stretch eases the line a little. It comes back "
                                        "as gently as it went, one ritual at a time.");

    // A small key.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    auto key = [&](const ImVec4& colour, float thickness, const std::string& label, float room) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw->AddLine(ImVec2(at.x, at.y + line * 0.5f), ImVec2(at.x + 18 * s, at.y + line * 0.5f),
                      toU32(colour), thickness * s);
        ImGui::Dummy(ImVec2(18 * s, line));
        ImGui::SameLine(0, 6 * s);
        ImGui::PushStyleColor(ImGuiCol_Text, p.textMuted);
        elidedText(label, room);
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 18 * s);
    };
    const float room = inner / 3 - 30 * s;
    key(p.accent, 3.0f, "All rituals, on average", room);
    if (chosen != nullptr) key(p.text, 2.2f, chosen->name, room);
    key(ImVec4(p.textMuted.x, p.textMuted.y, p.textMuted.z, 0.6f), 1.2f, "Each ritual", room);
    ImGui::NewLine();
    endCard();
}

// ---- Empty states -------------------------------------------------------------

void drawNoRituals(UiState& state, const Palette& p, float width) {
    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::leaf);
    ImGui::SameLine();
    ImGui::TextUnformatted("Nothing to show yet, and that is fine");
    wrappedTextColored(p.textMuted,
                       "This page fills up as your rituals add up: the streak you keep together, "
                       "a calendar of your year, and how each ritual settles into your days. Choose "
                       "a first ritual, and come back in a few days.");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    const std::string choose = std::string(icons::list) + "  Choose a first ritual";
    if (pillButton(choose.c_str(), p.accent, true, pillSize(choose, state.scale)))
        state.screen = Screen::Rituals;
    locateLastItem("dashboard/choose-rituals");
    endCard();
}

void drawNoLogs(UiState& state, const Palette& p, float width) {
    beginCard(p, width, state.scale);
    ImGui::TextColored(p.accent, "%s", icons::fire);
    ImGui::SameLine();
    ImGui::TextUnformatted("Your first log lights this page");
    wrappedTextColored(p.textMuted,
                       "Tick a ritual on the Today screen tonight. Tomorrow this is where you will "
                       "see the first day of your year together, and your streak beginning. A "
                       "freeze is already banked for you, so a quiet day in your first week "
                       "costs nothing.");
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
    if (pillButton("Go to Today", p.accent, true, ImVec2(0, ImGui::GetFrameHeight())))
        state.screen = Screen::Today;
    locateLastItem("dashboard/go-today");
    endCard();
}

} // namespace

void drawDashboardScreen(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const DashboardView& view = currentView(state);
    const float gap = 14 * s;

    drawHeader(state, p, view, width);
    ImGui::Dummy(ImVec2(0, 2 * s));
    if (!view.hasRituals) {
        drawNoRituals(state, p, width);
        return;
    }
    if (!view.hasLogs) {
        drawNoLogs(state, p, width);
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        if (!view.goals.empty()) drawGoals(state, p, view, width);
        return;
    }

    drawSummary(state, p, view, width);
    verticalGap(gap);
    drawCalendar(state, p, view, width);
    verticalGap(gap);

    if (width >= 900 * s) {
        const float leftWidth = std::floor((width - gap) * 0.56f);
        const float rightWidth = width - gap - leftWidth;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        // A short list of rituals leaves room on the left for the balance.
        const bool balanceLeft = view.rituals.size() <= 6;
        ImGui::BeginGroup();
        drawRituals(state, p, view, leftWidth);
        if (balanceLeft) {
            verticalGap(gap);
            drawBalance(state, p, view, leftWidth);
        }
        ImGui::EndGroup();
        const float leftBottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(start.x + leftWidth + gap, start.y));
        ImGui::BeginGroup();
        drawGoals(state, p, view, rightWidth);
        verticalGap(gap);
        drawWeek(state, p, view, rightWidth);
        if (!balanceLeft) {
            verticalGap(gap);
            drawBalance(state, p, view, rightWidth);
        }
        ImGui::EndGroup();
        const float rightBottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(leftBottom, rightBottom)));
        ImGui::Dummy(ImVec2(width, 0));
        verticalGap(gap);
    } else {
        for (auto draw : {drawGoals, drawWeek, drawRituals, drawBalance}) {
            draw(state, p, view, width);
            verticalGap(gap);
        }
    }
    drawTrend(state, p, view, width);
}

} // namespace kindling::ui
