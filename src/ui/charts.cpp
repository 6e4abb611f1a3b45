#include "ui/charts.hpp"

#include "ui/item_locator.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

constexpr float pi = 3.14159265f;
constexpr std::array monthNames{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array weekdayNames{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Axis labels and marks are a little smaller than body text.
float smallSize() {
    return ImGui::GetFontSize() * 0.8f;
}

ImVec2 smallTextSize(const char* text) {
    return ImGui::GetFont()->CalcTextSizeA(smallSize(), FLT_MAX, 0.0f, text);
}

void smallText(ImDrawList* draw, ImVec2 at, ImU32 colour, const char* text) {
    draw->AddText(ImGui::GetFont(), smallSize(), at, colour, text);
}

// A glyph centred in a box of `size`.
void centredGlyph(ImDrawList* draw, ImVec2 centre, float size, ImU32 colour, const char* glyph) {
    const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, glyph);
    draw->AddText(
        ImGui::GetFont(), size,
        ImVec2(std::round(centre.x - extent.x * 0.5f), std::round(centre.y - extent.y * 0.5f)),
        colour, glyph);
}

unsigned monthIndex(Day day) {
    return static_cast<unsigned>(std::chrono::year_month_day(day).month()) - 1;
}

bool hoveringHere(ImVec2 min, ImVec2 max) {
    return ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(min, max);
}

std::string percent(double value) {
    return fmt::format("{:.1f}%", value * 100.0);
}

std::string plural(int count, const char* one, const char* many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

struct CellLook {
    ImU32 fill;
    bool line = false;  // paused: a diagonal stroke
    bool flake = false; // frozen: a snowflake
    bool ring = false;  // skipped: a small ring
};

CellLook lookOf(const Palette& p, const HeatmapCell& cell) {
    CellLook look{toU32(p.surfaceHover)};
    if (cell.future) {
        look.fill = toU32(p.surfaceHover, 0.35f);
    } else if (cell.value > 0.0) {
        look.fill =
            toU32(mixColour(p.accentSoft, p.accent, static_cast<float>(0.1 + 0.9 * cell.value)));
    } else if (cell.frozen) {
        look.fill = toU32(frostColour(p), 0.3f);
    } else if (cell.dayOff) {
        look.fill = toU32(p.surfaceHover, 0.45f);
    }
    look.line = cell.paused;
    look.flake = cell.frozen && cell.value <= 0.0;
    look.ring = cell.skipped && cell.logs == 0;
    return look;
}

void drawCell(ImDrawList* draw, const Palette& p, ImVec2 min, float size, const CellLook& look,
              float scale) {
    const ImVec2 max(min.x + size, min.y + size);
    draw->AddRectFilled(min, max, look.fill, size * 0.22f);
    if (look.line)
        draw->AddLine(ImVec2(min.x + size * 0.18f, max.y - size * 0.18f),
                      ImVec2(max.x - size * 0.18f, min.y + size * 0.18f), toU32(p.textMuted, 0.8f),
                      std::max(1.0f, 1.3f * scale));
    if (look.flake && size >= 8.0f)
        centredGlyph(draw, ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), size * 0.8f,
                     toU32(frostColour(p)), icons::snowflake);
    if (look.ring)
        draw->AddCircle(ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), size * 0.22f,
                        toU32(p.textMuted, 0.9f), 12, std::max(1.0f, 1.2f * scale));
}

void partnersLine(const HeatmapText& text, const std::array<bool, 2>& who, const char* prefix) {
    ImGui::TextUnformatted(prefix);
    bool first = true;
    for (std::size_t i = 0; i < 2; ++i) {
        if (!who[i]) continue;
        ImGui::SameLine(0, 0);
        if (!first) {
            ImGui::TextUnformatted(" and ");
            ImGui::SameLine(0, 0);
        }
        ImGui::TextColored(text.partnerColours[i], "%s", text.partnerNames[i].c_str());
        first = false;
    }
}

void heatmapTooltip(const Palette& p, const HeatmapCell& cell, const HeatmapText& text) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(formatLongDay(cell.day).c_str());
    if (!text.ritualName.empty()) {
        ImGui::TextColored(p.textMuted, "%s", text.ritualName.c_str());
        if (cell.logs > 0) {
            if (text.measured) {
                ImGui::Text("%s", fmt::format("{:g} {}", cell.amount, text.unit).c_str());
                partnersLine(text, cell.partners, "Logged by ");
            } else if (text.together) {
                partnersLine(text, cell.partners, "Done together, logged by ");
            } else if (cell.partners[0] && cell.partners[1]) {
                partnersLine(text, cell.partners, "Done by ");
            } else {
                partnersLine(text, cell.partners, "Done by ");
                ImGui::TextColored(p.textMuted, "(one of you so far)");
            }
        } else if (cell.kept) {
            ImGui::TextWrapped("Kept by its rhythm (%s): no need to do it every day.",
                               text.keptRule.c_str());
        } else if (cell.skipped) {
            ImGui::TextUnformatted("Skipped: a day off for this ritual");
        } else if (cell.dayOff) {
            ImGui::TextColored(p.textMuted, "Not one of its days");
        } else {
            ImGui::TextColored(p.textMuted, "A quiet day for this one");
        }
    } else if (cell.logs > 0) {
        ImGui::Text("%s, %s", plural(cell.rituals, "ritual", "rituals").c_str(),
                    plural(cell.logs, "log", "logs").c_str());
        partnersLine(text, cell.partners, "By ");
    } else {
        ImGui::TextColored(p.textMuted, "A quiet day");
    }
    if (cell.paused) {
        ImGui::TextColored(p.textMuted, "%s", icons::pause);
        ImGui::SameLine();
        ImGui::TextUnformatted("Paused: streaks rest");
    }
    if (cell.frozen) {
        ImGui::TextColored(frostColour(p), "%s", icons::snowflake);
        ImGui::SameLine();
        ImGui::TextWrapped("A streak freeze kept your connection streak going");
    }
    if (text.skippable && cell.logs == 0)
        ImGui::TextColored(p.textMuted, "%s",
                           cell.skipped ? "Click to undo the skip" : "Click to skip this day");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

} // namespace

ImVec4 frostColour(const Palette& palette) {
    const float light = palette.background.x + palette.background.y + palette.background.z;
    return light > 1.5f ? ImVec4(0.27f, 0.58f, 0.80f, 1.0f) : ImVec4(0.55f, 0.80f, 0.95f, 1.0f);
}

ImVec4 mixColour(const ImVec4& a, const ImVec4& b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
                  a.w + (b.w - a.w) * t);
}

std::string elideToWidth(std::string_view text, float maxWidth) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (ImGui::CalcTextSize(begin, end).x <= maxWidth) return std::string(text);
    static constexpr const char* ellipsis = "\xE2\x80\xA6";
    const float room = maxWidth - ImGui::CalcTextSize(ellipsis).x;
    const char* cut = begin;
    while (cut < end) {
        const char* next = cut + 1;
        while (next < end && (static_cast<unsigned char>(*next) & 0xC0) == 0x80)
            ++next;
        if (ImGui::CalcTextSize(begin, next).x > room) break;
        cut = next;
    }
    return std::string(begin, cut) + ellipsis;
}

std::string shortDay(Day day, bool withYear) {
    const std::chrono::year_month_day date(day);
    const unsigned weekday = static_cast<unsigned>(isoWeekdayIndex(day));
    if (withYear)
        return fmt::format("{} {} {} {}", weekdayNames[weekday], static_cast<unsigned>(date.day()),
                           monthNames[monthIndex(day)], static_cast<int>(date.year()));
    return fmt::format("{} {} {}", weekdayNames[weekday], static_cast<unsigned>(date.day()),
                       monthNames[monthIndex(day)]);
}

std::optional<Day> heatmapChart(const Palette& p, const Heatmap& heatmap, const HeatmapText& text,
                                Day asOf, float width, float scale) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float small = smallSize();

    float gutter = 0.0f;
    for (const char* name : weekdayNames)
        gutter = std::max(gutter, smallTextSize(name).x);
    gutter += 8.0f * scale;
    const int weeks = static_cast<int>(heatmap.cells.size() / 7);
    if (weeks == 0) return std::nullopt;
    // The pitch is fractional so the calendar fills its width; each cell is
    // snapped to whole pixels, so sizes stay even.
    const float pitch =
        std::max(4.0f, std::min((width - gutter) / static_cast<float>(weeks), 22.0f * scale));
    const float gap = std::max(1.0f, std::round(pitch * 0.16f));
    const float cell = std::round(pitch - gap);
    const float monthRow = small + 6.0f * scale;
    const ImVec2 grid(origin.x + gutter, origin.y + monthRow);
    const ImVec2 gridMax(std::round(grid.x + static_cast<float>(weeks - 1) * pitch) + cell,
                         std::round(grid.y + 6 * pitch) + cell);

    // Month names over the column where each month begins; January shows its year.
    struct Label {
        float x;
        std::string text;
        bool firstColumn;
    };
    std::vector<Label> labels;
    for (int w = 0; w < weeks; ++w) {
        const Day first = heatmap.cells[static_cast<std::size_t>(w * 7)].day;
        if (w > 0 && monthIndex(first) == monthIndex(first - days{7})) continue;
        const std::chrono::year_month_day date(first + days{6});
        const unsigned month = monthIndex(first + days{6});
        const std::string label = month == 0 ? std::to_string(static_cast<int>(date.year()))
                                             : std::string(monthNames[month]);
        const float x = grid.x + static_cast<float>(w) * pitch;
        if (x + smallTextSize(label.c_str()).x > gridMax.x) continue;
        if (!labels.empty() &&
            x < labels.back().x + smallTextSize(labels.back().text.c_str()).x + 6.0f * scale) {
            if (!labels.back().firstColumn) continue;
            labels.pop_back();
        }
        labels.push_back({x, label, w == 0});
    }
    for (const Label& label : labels)
        smallText(draw, ImVec2(label.x, origin.y), toU32(p.textMuted), label.text.c_str());

    // Weekday names: every row when there is room, else every other one.
    const int step = pitch >= small * 1.05f ? 1 : 2;
    for (int row = 0; row < 7; row += step) {
        const char* name = weekdayNames[static_cast<std::size_t>((text.weekStart + row) % 7)];
        smallText(
            draw,
            ImVec2(origin.x, grid.y + static_cast<float>(row) * pitch + (cell - small) * 0.5f),
            toU32(p.textMuted), name);
    }

    int hovered = -1;
    if (hoveringHere(grid, gridMax)) {
        const ImVec2 mouse = ImGui::GetMousePos();
        const int w = static_cast<int>((mouse.x - grid.x) / pitch);
        const int row = static_cast<int>((mouse.y - grid.y) / pitch);
        if (w >= 0 && w < weeks && row >= 0 && row < 7) hovered = w * 7 + row;
    }

    for (std::size_t i = 0; i < heatmap.cells.size(); ++i) {
        const HeatmapCell& c = heatmap.cells[i];
        const ImVec2 min(std::round(grid.x + static_cast<float>(i / 7) * pitch),
                         std::round(grid.y + static_cast<float>(i % 7) * pitch));
        drawCell(draw, p, min, cell, lookOf(p, c), scale);
        if (c.day == asOf)
            draw->AddRect(min, ImVec2(min.x + cell, min.y + cell), toU32(p.text, 0.75f),
                          cell * 0.22f, 0, std::max(1.0f, 1.5f * scale));
        if (static_cast<int>(i) == hovered && !c.future)
            draw->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(min.x + cell + 1, min.y + cell + 1),
                          toU32(p.accent), cell * 0.22f, 0, std::max(1.0f, 2.0f * scale));
        if (locating())
            locateRect("calendar/" + formatDay(c.day), min, ImVec2(min.x + cell, min.y + cell));
    }

    ImGui::Dummy(ImVec2(gridMax.x - origin.x, gridMax.y - origin.y));
    if (hovered < 0 || heatmap.cells[static_cast<std::size_t>(hovered)].future) return std::nullopt;
    const HeatmapCell& day = heatmap.cells[static_cast<std::size_t>(hovered)];
    heatmapTooltip(p, day, text);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return day.day;
    return std::nullopt;
}

void heatmapLegend(const Palette& p, bool kept, bool skipped, float scale) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float size = std::round(ImGui::GetTextLineHeight() * 0.7f);
    const float gap = 3.0f * scale;
    const float lineHeight = ImGui::GetTextLineHeight();
    auto swatch = [&](const CellLook& look) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        drawCell(draw, p, ImVec2(at.x, at.y + (lineHeight - size) * 0.5f), size, look, scale);
        ImGui::Dummy(ImVec2(size, lineHeight));
    };
    auto caption = [&](const char* label) {
        ImGui::SameLine(0, 6.0f * scale);
        ImGui::TextColored(p.textMuted, "%s", label);
        ImGui::SameLine(0, 18.0f * scale);
    };

    ImGui::TextColored(p.textMuted, "Less");
    ImGui::SameLine(0, 6.0f * scale);
    for (double value : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        HeatmapCell cell;
        cell.value = value;
        swatch(lookOf(p, cell));
        ImGui::SameLine(0, gap);
    }
    ImGui::SameLine(0, 6.0f * scale - gap);
    ImGui::TextColored(p.textMuted, "More");
    ImGui::SameLine(0, 18.0f * scale);

    // The marks wrap to the next line when the card is narrow.
    auto mark = [&](const CellLook& look, const char* label) {
        const float need = size + 6.0f * scale + ImGui::CalcTextSize(label).x;
        if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
        swatch(look);
        caption(label);
    };
    if (kept) {
        HeatmapCell cell;
        cell.value = 0.35;
        mark(lookOf(p, cell), "Kept by its rhythm");
    }
    if (skipped) {
        HeatmapCell cell;
        cell.skipped = true;
        mark(lookOf(p, cell), "Skipped");
    }
    HeatmapCell paused;
    paused.paused = true;
    mark(lookOf(p, paused), "Paused");
    HeatmapCell frozen;
    frozen.frozen = true;
    mark(lookOf(p, frozen), "Freeze");
    ImGui::NewLine();
}

void progressRing(const Palette& p, float diameter, float fraction, const ImVec4& colour,
                  const char* label, ImFont* labelFont, float scale) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float thickness = std::max(4.0f * scale, diameter * 0.11f);
    const float radius = diameter * 0.5f - thickness * 0.5f;
    const ImVec2 centre(origin.x + diameter * 0.5f, origin.y + diameter * 0.5f);
    const int segments = std::clamp(static_cast<int>(diameter * 0.6f), 24, 96);
    draw->AddCircle(centre, radius, toU32(p.surfaceHover), segments, thickness);
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    if (fraction > 0.0f) {
        const float start = -pi * 0.5f;
        const float end = start + 2.0f * pi * fraction;
        draw->PathArcTo(centre, radius, start, end,
                        std::max(2, static_cast<int>(static_cast<float>(segments) * fraction)));
        draw->PathStroke(toU32(colour), 0, thickness);
        // Round ends.
        draw->AddCircleFilled(
            ImVec2(centre.x + radius * std::cos(start), centre.y + radius * std::sin(start)),
            thickness * 0.5f, toU32(colour), 16);
        draw->AddCircleFilled(
            ImVec2(centre.x + radius * std::cos(end), centre.y + radius * std::sin(end)),
            thickness * 0.5f, toU32(colour), 16);
    }
    if (label != nullptr && *label != '\0') {
        if (labelFont != nullptr) ImGui::PushFont(labelFont);
        const ImVec2 size = ImGui::CalcTextSize(label);
        draw->AddText(
            ImVec2(std::round(centre.x - size.x * 0.5f), std::round(centre.y - size.y * 0.5f)),
            toU32(p.text), label);
        if (labelFont != nullptr) ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(diameter, diameter));
}

void progressBar(const Palette& p, ImVec2 size, float fraction, const ImVec4& colour) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 max(origin.x + size.x, origin.y + size.y);
    draw->AddRectFilled(origin, max, toU32(p.surfaceHover), size.y * 0.5f);
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    if (fraction > 0.0f) {
        const float fill = std::max(size.y, size.x * fraction);
        draw->AddRectFilled(origin, ImVec2(origin.x + fill, max.y), toU32(colour), size.y * 0.5f);
    }
    ImGui::Dummy(size);
}

void trendChart(const Palette& p, const std::vector<Day>& days, const std::vector<TrendLine>& lines,
                ImVec2 size, float scale) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float small = smallSize();
    const float gutter = smallTextSize("100%").x + 10.0f * scale;
    const ImVec2 min(origin.x + gutter, origin.y + small * 0.5f);
    const ImVec2 max(origin.x + size.x - 6.0f * scale, origin.y + size.y - small - 8.0f * scale);
    const std::size_t n = days.size();

    for (int quarter = 0; quarter <= 4; ++quarter) {
        const float y = std::round(max.y - (max.y - min.y) * static_cast<float>(quarter) * 0.25f);
        draw->AddLine(ImVec2(min.x, y), ImVec2(max.x, y),
                      toU32(p.border, quarter == 0 ? 1.0f : 0.6f), 1.0f);
        if (quarter % 2 == 0) {
            const std::string label = fmt::format("{}%", quarter * 25);
            const ImVec2 extent = smallTextSize(label.c_str());
            smallText(draw, ImVec2(min.x - 8.0f * scale - extent.x, y - extent.y * 0.5f),
                      toU32(p.textMuted), label.c_str());
        }
    }
    const auto xOf = [&](std::size_t i) {
        return n > 1 ? min.x + (max.x - min.x) * static_cast<float>(i) / static_cast<float>(n - 1)
                     : max.x;
    };
    const auto yOf = [&](double value) {
        return max.y - (max.y - min.y) * static_cast<float>(std::clamp(value, 0.0, 1.0));
    };

    // Along the bottom: month names where a month begins (January shows its
    // year); over a span of a few weeks, day and month wherever they fit.
    const bool fewWeeks = n > 1 && daysBetween(days.front(), days.back()) < 62;
    float lastEnd = -FLT_MAX;
    for (std::size_t i = 0; i < n; ++i) {
        std::string label;
        if (fewWeeks) {
            label = fmt::format("{} {}",
                                static_cast<unsigned>(std::chrono::year_month_day(days[i]).day()),
                                monthNames[monthIndex(days[i])]);
        } else {
            if (i > 0 && monthIndex(days[i]) == monthIndex(days[i - 1])) continue;
            const unsigned month = monthIndex(days[i]);
            label =
                month == 0
                    ? std::to_string(static_cast<int>(std::chrono::year_month_day(days[i]).year()))
                    : std::string(monthNames[month]);
        }
        const float width = smallTextSize(label.c_str()).x;
        const float x = std::clamp(xOf(i) - width * 0.5f, origin.x + gutter * 0.5f, max.x - width);
        if (x < lastEnd + (fewWeeks ? 24.0f : 8.0f) * scale) continue;
        smallText(draw, ImVec2(x, max.y + 6.0f * scale), toU32(p.textMuted), label.c_str());
        lastEnd = x + width;
    }

    std::vector<ImVec2> points(n);
    for (const TrendLine& line : lines) {
        if (line.values == nullptr || line.values->size() != n || n == 0) continue;
        for (std::size_t i = 0; i < n; ++i)
            points[i] = ImVec2(xOf(i), yOf((*line.values)[i]));
        if (line.filled && n > 1) {
            // Trapezoids down to the axis; without anti-aliasing their shared
            // edges leave no seams.
            const ImDrawListFlags flags = draw->Flags;
            draw->Flags &= ~ImDrawListFlags_AntiAliasedFill;
            const ImU32 fill = toU32(line.colour, 0.12f);
            for (std::size_t i = 0; i + 1 < n; ++i)
                draw->AddQuadFilled(points[i], points[i + 1], ImVec2(points[i + 1].x, max.y),
                                    ImVec2(points[i].x, max.y), fill);
            draw->Flags = flags;
        }
        if (n == 1)
            draw->AddCircleFilled(points[0], line.thickness * scale * 1.5f, toU32(line.colour));
        else
            draw->AddPolyline(points.data(), static_cast<int>(n), toU32(line.colour), 0,
                              line.thickness * scale);
    }

    ImGui::Dummy(size);
    if (n == 0 ||
        !hoveringHere(ImVec2(min.x - 4.0f * scale, min.y), ImVec2(max.x + 4.0f * scale, max.y)))
        return;
    const float t = n > 1 ? (ImGui::GetMousePos().x - min.x) / (max.x - min.x) : 1.0f;
    const std::size_t i = static_cast<std::size_t>(
        std::clamp(std::lround(t * static_cast<float>(n - 1)), 0L, static_cast<long>(n - 1)));
    draw->AddLine(ImVec2(xOf(i), min.y), ImVec2(xOf(i), max.y), toU32(p.textMuted, 0.6f), 1.0f);
    for (const TrendLine& line : lines)
        if (line.values != nullptr && line.values->size() == n && line.inTooltip)
            draw->AddCircleFilled(ImVec2(xOf(i), yOf((*line.values)[i])), 3.5f * scale,
                                  toU32(line.colour));

    ImGui::BeginTooltip();
    ImGui::TextUnformatted(shortDay(days[i], true).c_str());
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const TrendLine& line = *it;
        if (line.values == nullptr || line.values->size() != n || !line.inTooltip) continue;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float lineHeight = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(at.x + 4.0f * scale, at.y + lineHeight * 0.5f), 4.0f * scale,
            toU32(ImVec4(line.colour.x, line.colour.y, line.colour.z, 1.0f)));
        ImGui::Dummy(ImVec2(8.0f * scale, lineHeight));
        ImGui::SameLine();
        ImGui::Text("%s  %s", percent((*line.values)[i]).c_str(), line.label.c_str());
    }
    ImGui::EndTooltip();
}

} // namespace kindling::ui
