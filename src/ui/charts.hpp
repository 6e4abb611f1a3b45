#pragma once
// The Dashboard's own widgets, drawn with ImDrawList: the year calendar, rings,
// trend lines and bars. Each reads prepared numbers (core/dashboard.hpp) and
// tells the exact numbers and dates in a tooltip when hovered.

#include "core/dashboard.hpp"
#include "ui/theme.hpp"

#include <array>
#include <imgui.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling::ui {

// The colour of streak freezes (snowflakes): icy, apart from the partners' colours.
ImVec4 frostColour(const Palette& palette);
ImVec4 mixColour(const ImVec4& a, const ImVec4& b, float t);

// `text` cut with "…" to fit `maxWidth` in the current font (whole code points).
std::string elideToWidth(std::string_view text, float maxWidth);

// "Mon 17 Nov" / "17 Nov 2026": short dates for labels and tooltips.
std::string shortDay(Day day, bool withYear = false);

// What the calendar's tooltip says about the chosen ritual and the partners.
struct HeatmapText {
    std::string ritualName; // empty: every ritual
    std::string unit;       // a measured ritual's unit
    bool measured = false;
    bool together = false; // a `together` ritual
    std::string keptRule;  // why a day without a log is kept: "3 times a week"
    std::array<std::string, 2> partnerNames;
    std::array<ImVec4, 2> partnerColours;
    int weekStart = 0; // 0 = Monday
    bool skippable = false; // a click on a day offers to skip it (or take the skip back)
};

// The year calendar at the cursor, `width` wide: weeks as columns, month names
// above, weekday names on the left. Hovering a day shows what happened.
// Returns the day clicked, if one (not in the future) was.
std::optional<Day> heatmapChart(const Palette& palette, const Heatmap& heatmap,
                                const HeatmapText& text, Day asOf, float width, float scale);
// The key under it: less … more, and the marks the calendar uses: `kept`
// (a ritual kept by its rhythm) and `skipped` only where they can appear.
void heatmapLegend(const Palette& palette, bool kept, bool skipped, float scale);

// A ring `diameter` across at the cursor, filled to `fraction` (0..1) from the
// top, clockwise; `label` centred inside in `labelFont`. It is the last item,
// so the caller can ask IsItemHovered for its tooltip.
void progressRing(const Palette& palette, float diameter, float fraction, const ImVec4& colour,
                  const char* label, ImFont* labelFont, float scale);

// A rounded bar at the cursor filled to `fraction`; the last item.
void progressBar(const Palette& palette, ImVec2 size, float fraction, const ImVec4& colour);

struct TrendLine {
    const std::vector<double>* values = nullptr; // one per day, 0..1
    std::string label;
    ImVec4 colour;
    float thickness = 1.0f; // before scale
    bool filled = false;    // a soft area under the line
    bool inTooltip = true;
};

// Lines over `days` (ascending) in a box `size` at the cursor, 0–100% up the
// side and months along the bottom. Lines are drawn in order, the last on top;
// hovering shows the day and each line's value that day, the top line first.
void trendChart(const Palette& palette, const std::vector<Day>& days,
                const std::vector<TrendLine>& lines, ImVec2 size, float scale);

} // namespace kindling::ui
