// The badge wall (docs/product.md §3.8): every badge the couple can earn.
// Earned ones show the day they were earned; the others say how to get there
// and how far along the couple is. Nothing here says a badge was missed: a
// badge not earned yet is simply still ahead.
#include "app/session.hpp"
#include "core/icons.hpp"
#include "ui/charts.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screen_title.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kindling::ui {

namespace {

struct BadgeLayout {
    float cardWidth = 0;
    float padding = 0;
    float iconDiameter = 0;
    float textWidth = 0; // right of the icon
};

// "22 Nov 2026".
std::string dateText(Day day) {
    return shortDay(day, true).substr(4);
}

float fractionOf(const AchievementStatus& status) {
    if (status.target <= 0) return 0.0f;
    return std::clamp(static_cast<float>(status.progress) / static_cast<float>(status.target), 0.0f,
                      1.0f);
}

std::string footerText(const AchievementStatus& status) {
    if (status.unlocked)
        return status.unlockedOn ? "Earned " + dateText(*status.unlockedOn) : "Earned";
    if (status.target > 1) return fmt::format("{} of {}", status.progress, status.target);
    return "Not yet";
}

const std::string& bodyText(const AchievementStatus& status) {
    return status.unlocked ? status.definition.description : status.definition.hint;
}

float cardHeight(UiState& state, const AchievementStatus& status, const BadgeLayout& layout) {
    ImGui::PushFont(state.fonts.heading);
    const float name =
        ImGui::CalcTextSize(status.definition.name.c_str(), nullptr, false, layout.textWidth).y;
    ImGui::PopFont();
    const float body =
        ImGui::CalcTextSize(bodyText(status).c_str(), nullptr, false, layout.textWidth).y;
    const float spacing = 4 * state.scale;
    const float text = name + spacing + body + 2 * spacing + ImGui::GetTextLineHeight();
    return 2 * layout.padding + std::max(layout.iconDiameter, text);
}

void drawBadge(UiState& state, const Palette& p, const AchievementStatus& status,
               const BadgeLayout& layout, ImVec2 origin, float height) {
    const float s = state.scale;
    const AchievementDefinition& badge = status.definition;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + layout.cardWidth, origin.y + height);
    const float rounding = ImGui::GetStyle().ChildRounding;
    draw->AddRectFilled(origin, max, toU32(p.surface), rounding);
    if (status.unlocked) draw->AddRect(origin, max, toU32(p.accent, 0.45f), rounding, 0, 1.5f * s);

    // The icon: warm when earned, quiet while still ahead.
    const float radius = layout.iconDiameter * 0.5f;
    const ImVec2 centre(origin.x + layout.padding + radius, origin.y + layout.padding + radius);
    draw->AddCircleFilled(centre, radius, toU32(status.unlocked ? p.accentSoft : p.surfaceHover));
    std::string glyph = iconUtf8(badge.icon);
    if (glyph.empty()) glyph = icons::star;
    ImGui::PushFont(state.fonts.heading);
    const ImVec2 glyphSize = ImGui::CalcTextSize(glyph.c_str());
    draw->AddText(ImVec2(centre.x - glyphSize.x * 0.5f, centre.y - glyphSize.y * 0.5f),
                  toU32(status.unlocked ? p.accent : p.textMuted), glyph.c_str());
    ImGui::PopFont();

    const float textLeft = origin.x + layout.padding + layout.iconDiameter + 14 * s;
    ImGui::SetCursorScreenPos(ImVec2(textLeft, origin.y + layout.padding));
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * s, 4 * s));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + layout.textWidth);
    ImGui::PushFont(state.fonts.heading);
    wrappedText(badge.name);
    ImGui::PopFont();
    wrappedTextColored(p.textMuted, bodyText(status));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 2 * s));
    const std::string footer = footerText(status);
    if (status.unlocked) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        elidedText(std::string(icons::check) + "  " + footer, layout.textWidth);
        ImGui::PopStyleColor();
    } else if (status.target > 1) {
        // How far along: a bar and "7 of 10".
        const float textWidth = ImGui::CalcTextSize(footer.c_str()).x;
        const float barWidth = std::max(30 * s, layout.textWidth - textWidth - 12 * s);
        const float line = ImGui::GetTextLineHeight();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + (line - 8 * s) * 0.5f));
        progressBar(p, ImVec2(barWidth, 8 * s), fractionOf(status), p.accent);
        ImGui::SameLine(0, 12 * s);
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, at.y));
        ImGui::TextColored(p.textMuted, "%s", footer.c_str());
    } else {
        ImGui::TextColored(p.textMuted, "%s", footer.c_str());
    }
    ImGui::PopStyleVar();
    ImGui::EndGroup();

    // The whole card answers a hover with what it is about.
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton(("##badge-" + badge.id).c_str(), ImVec2(layout.cardWidth, height));
    locateLastItem("badge/" + badge.id);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextUnformatted(badge.name.c_str());
        ImGui::TextColored(p.textMuted, "%s", badge.description.c_str());
        if (status.unlocked) {
            if (status.unlockedOn)
                ImGui::TextColored(p.accent, "Earned on %s",
                                   formatLongDay(*status.unlockedOn).c_str());
        } else {
            ImGui::TextUnformatted(badge.hint.c_str());
            if (status.target > 1)
                ImGui::TextColored(p.accent, "%d of %d so far", status.progress, status.target);
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// A wall of badges in rows of `columns`, each row as tall as its tallest card.
void drawWall(UiState& state, const Palette& p, const std::vector<const AchievementStatus*>& badges,
              float width) {
    const float s = state.scale;
    const float gap = 14 * s;
    const int columns = std::clamp(static_cast<int>((width + gap) / (250 * s + gap)), 1, 3);
    BadgeLayout layout;
    layout.cardWidth =
        (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    layout.padding = 16 * s;
    layout.iconDiameter = 48 * s;
    layout.textWidth = layout.cardWidth - 2 * layout.padding - layout.iconDiameter - 14 * s;
    const auto perRow = static_cast<std::size_t>(columns);
    for (std::size_t first = 0; first < badges.size(); first += perRow) {
        const std::size_t last = std::min(badges.size(), first + perRow);
        float height = 0;
        for (std::size_t i = first; i < last; ++i)
            height = std::max(height, cardHeight(state, *badges[i], layout));
        const ImVec2 start = ImGui::GetCursorScreenPos();
        for (std::size_t i = first; i < last; ++i) {
            const ImVec2 origin(start.x + static_cast<float>(i - first) * (layout.cardWidth + gap),
                                start.y);
            drawBadge(state, p, *badges[i], layout, origin, height);
        }
        ImGui::SetCursorScreenPos(start);
        ImGui::Dummy(ImVec2(width, height + gap - ImGui::GetStyle().ItemSpacing.y));
    }
}

void sectionTitle(UiState& state, const Palette& p, const char* icon, const char* title) {
    cardTitle(state, p, icon, title);
    ImGui::Dummy(ImVec2(0, 2 * state.scale));
}

} // namespace

void drawAchievementsScreen(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const std::vector<AchievementStatus>& statuses = state.session->progress().achievements;

    // Earned: the newest first. Still ahead: in the order the badges are
    // defined, which leads from the first steps to the long roads.
    std::vector<const AchievementStatus*> earned, ahead;
    for (const AchievementStatus& status : statuses)
        (status.unlocked ? earned : ahead).push_back(&status);
    std::stable_sort(earned.begin(), earned.end(), [](const auto* a, const auto* b) {
        return a->unlockedOn.value_or(Day{}) > b->unlockedOn.value_or(Day{});
    });

    drawScreenTitle(state, "Badges",
                    earned.empty() ? std::string("Your first badge is one ritual away")
                                   : fmt::format("{} of {} badges earned together", earned.size(),
                                                 statuses.size()),
                    width);
    ImGui::Dummy(ImVec2(0, 4 * s));

    if (!earned.empty()) {
        sectionTitle(state, p, icons::trophy, "Earned together");
        drawWall(state, p, earned, width);
        ImGui::Dummy(ImVec2(0, 6 * s));
    }
    if (!ahead.empty()) {
        sectionTitle(state, p, icons::star, "Still ahead");
        drawWall(state, p, ahead, width);
    }
}

} // namespace kindling::ui
