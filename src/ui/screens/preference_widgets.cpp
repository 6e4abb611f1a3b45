#include "ui/screens/preference_widgets.hpp"

#include "ui/item_locator.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cstring>

namespace kindling::ui {

const std::array<Swatch, 12>& partnerSwatches() {
    // Warm first; checked against white, #FBF4EC and #1C1412 / #2A1F1B.
    static const std::array<Swatch, 12> swatches{{
        {0xE0683F, "Ember"},
        {0xD9604F, "Coral"},
        {0xB45A38, "Terracotta"},
        {0xB7791F, "Honey"},
        {0xD0506F, "Rose"},
        {0xC2457F, "Raspberry"},
        {0x9B4F96, "Berry"},
        {0x7A6FC2, "Lavender"},
        {0x3A7FC0, "Sky"},
        {0x2A8C86, "Teal"},
        {0x4F8F4A, "Sage"},
        {0x6B8A2E, "Moss"},
    }};
    return swatches;
}

bool colourSwatches(UiState& state, const std::string& key, std::uint32_t& colour,
                    std::uint32_t otherColour) {
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float size = ImGui::GetFrameHeight(); // level with a field beside them
    const float gap = 6 * s;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const auto& swatches = partnerSwatches();
    // The whole row on the next line when it does not fit beside what came before.
    const float rowWidth = static_cast<float>(swatches.size()) * (size + gap) - gap;
    if (ImGui::GetCursorScreenPos().x + rowWidth > right) ImGui::NewLine();
    bool changed = false;
    ImGui::PushID(key.c_str());
    for (std::size_t i = 0; i < swatches.size(); ++i) {
        const Swatch& swatch = swatches[i];
        if (i > 0) {
            ImGui::SameLine(0, gap);
            if (ImGui::GetCursorScreenPos().x + size > right) ImGui::NewLine();
        }
        const bool taken = swatch.rgb == otherColour;
        const bool chosen = swatch.rgb == colour;
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 min = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##swatch", ImVec2(size, size)) && !taken && !chosen) {
            colour = swatch.rgb;
            changed = true;
        }
        locateLastItem(key + "/" + std::to_string(i));
        const bool hovered = ImGui::IsItemHovered();
        const bool focused = ImGui::IsItemFocused();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 centre(min.x + size * 0.5f, min.y + size * 0.5f);
        const float radius = size * 0.5f - 4 * s;
        draw->AddCircleFilled(centre, radius, toU32(colourFromRgb(swatch.rgb), taken ? 0.3f : 1.0f),
                              24);
        if (chosen || hovered || focused)
            draw->AddCircle(centre, radius + 2.5f * s, toU32(chosen ? p.text : p.textMuted), 24,
                            (focused ? 2.5f : 1.5f) * s);
        if (chosen) {
            const ImVec2 glyph = ImGui::CalcTextSize(icons::check);
            draw->AddText(ImVec2(centre.x - glyph.x * 0.5f, centre.y - glyph.y * 0.5f),
                          IM_COL32_WHITE, icons::check);
        }
        if (hovered)
            ImGui::SetTooltip("%s%s", swatch.name, taken ? " (your partner's colour)" : "");
        ImGui::PopID();
    }
    ImGui::PopID();
    return changed;
}

bool pinInput(const char* label, std::string& pin, float width, const char* hint) {
    // A fixed buffer: ImGui then stops at 12 digits by itself.
    char buffer[13] = {};
    std::memcpy(buffer, pin.data(), std::min(pin.size(), sizeof buffer - 1));
    const auto digitsOnly = [](ImGuiInputTextCallbackData* data) {
        return data->EventChar >= '0' && data->EventChar <= '9' ? 0 : 1;
    };
    ImGui::SetNextItemWidth(width);
    const bool entered = ImGui::InputTextWithHint(label, hint, buffer, sizeof buffer,
                                                  ImGuiInputTextFlags_Password |
                                                      ImGuiInputTextFlags_CallbackCharFilter |
                                                      ImGuiInputTextFlags_EnterReturnsTrue,
                                                  digitsOnly);
    pin = buffer;
    return entered;
}

} // namespace kindling::ui
