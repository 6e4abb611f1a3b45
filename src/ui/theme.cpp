#include "ui/theme.hpp"

#include <initializer_list>

namespace kindling::ui {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

const Palette lightPalette{
    rgb(0xFBF4EC), rgb(0xFFFCF8), rgb(0xF6E6D8), rgb(0x3A2924), rgb(0x8A7167), rgb(0xE0683F),
    rgb(0xF9D9C7), rgb(0xF7C9A6), rgb(0xE9D8CA), rgb(0xE0683F), rgb(0x7A6FC2), rgb(0xA83E5C),
};

const Palette darkPalette{
    rgb(0x1C1412), rgb(0x2A1F1B), rgb(0x3A2B25), rgb(0xF5E8DF), rgb(0xB59D91), rgb(0xF08A5D),
    rgb(0x5A3426), rgb(0x6A3520), rgb(0x453630), rgb(0xF08A5D), rgb(0x9D93E0), rgb(0xF48FA8),
};

} // namespace

const Palette& palette(ThemeVariant variant) {
    return variant == ThemeVariant::Dark ? darkPalette : lightPalette;
}

ImU32 toU32(const ImVec4& colour, float alpha) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.x, colour.y, colour.z, colour.w * alpha));
}

void applyTheme(ThemeVariant variant, float scale) {
    const Palette& p = palette(variant);
    ImGuiStyle style;
    style.WindowPadding = ImVec2(20, 18);
    style.FramePadding = ImVec2(12, 7);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 12;
    // Soft corners, softest on windows and cards; a border only on popups.
    style.WindowRounding = style.ChildRounding = 12;
    style.PopupRounding = 10;
    style.FrameRounding = style.GrabRounding = style.ScrollbarRounding = style.TabRounding = 8;
    style.WindowBorderSize = style.ChildBorderSize = style.FrameBorderSize = 0;
    style.PopupBorderSize = 1;
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    const ImVec4 clear(0, 0, 0, 0);
    // Each colour of the palette and where ImGui uses it.
    c[ImGuiCol_Text] = p.text;
    for (const ImGuiCol used : {ImGuiCol_TextDisabled, ImGuiCol_ScrollbarGrabHovered})
        c[used] = p.textMuted;
    for (const ImGuiCol used : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_BorderShadow,
                                ImGuiCol_ScrollbarBg, ImGuiCol_ResizeGrip, ImGuiCol_TableRowBg})
        c[used] = clear;
    for (const ImGuiCol used : {ImGuiCol_PopupBg, ImGuiCol_TitleBg, ImGuiCol_TitleBgActive,
                                ImGuiCol_TitleBgCollapsed, ImGuiCol_MenuBarBg})
        c[used] = p.surface;
    for (const ImGuiCol used : {ImGuiCol_Border, ImGuiCol_ScrollbarGrab, ImGuiCol_Separator,
                                ImGuiCol_TableBorderStrong, ImGuiCol_TableBorderLight})
        c[used] = p.border;
    for (const ImGuiCol used : {ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_HeaderHovered,
                                ImGuiCol_Tab, ImGuiCol_TabUnfocused, ImGuiCol_TableHeaderBg})
        c[used] = p.surfaceHover;
    for (const ImGuiCol used :
         {ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_ButtonHovered, ImGuiCol_Header,
          ImGuiCol_HeaderActive, ImGuiCol_ResizeGripHovered, ImGuiCol_TabHovered,
          ImGuiCol_TabActive, ImGuiCol_TabUnfocusedActive, ImGuiCol_TextSelectedBg})
        c[used] = p.accentSoft;
    for (const ImGuiCol used :
         {ImGuiCol_ScrollbarGrabActive, ImGuiCol_CheckMark, ImGuiCol_SliderGrab,
          ImGuiCol_SliderGrabActive, ImGuiCol_ButtonActive, ImGuiCol_SeparatorHovered,
          ImGuiCol_SeparatorActive, ImGuiCol_ResizeGripActive, ImGuiCol_PlotLines,
          ImGuiCol_PlotLinesHovered, ImGuiCol_PlotHistogram, ImGuiCol_PlotHistogramHovered,
          ImGuiCol_DragDropTarget, ImGuiCol_NavHighlight, ImGuiCol_NavWindowingHighlight})
        c[used] = p.accent;
    c[ImGuiCol_TableRowBgAlt] = ImVec4(p.surfaceHover.x, p.surfaceHover.y, p.surfaceHover.z, 0.35f);
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
    ImGui::GetStyle() = style;
}

} // namespace kindling::ui
