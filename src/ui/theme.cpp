#include "ui/theme.hpp"

namespace kindling::ui {

namespace {

ImVec4 rgb(int hex, float alpha = 1.0f) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f,
                  static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                  static_cast<float>(hex & 0xff) / 255.0f, alpha);
}

const Palette lightPalette{
    rgb(0xFBF4EC), rgb(0xFFFCF8), rgb(0xF6E6D8), rgb(0x3A2924), rgb(0x8A7167),
    rgb(0xE0683F), rgb(0xF9D9C7), rgb(0xF7C9A6), rgb(0xE9D8CA), rgb(0xE0683F), rgb(0x7A6FC2),
    rgb(0xA83E5C),
};

const Palette darkPalette{
    rgb(0x1C1412), rgb(0x2A1F1B), rgb(0x3A2B25), rgb(0xF5E8DF), rgb(0xB59D91),
    rgb(0xF08A5D), rgb(0x5A3426), rgb(0x6A3520), rgb(0x453630), rgb(0xF08A5D), rgb(0x9D93E0),
    rgb(0xF48FA8),
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
    style.WindowRounding = 12;
    style.ChildRounding = 12;
    style.FrameRounding = 8;
    style.PopupRounding = 10;
    style.GrabRounding = 8;
    style.ScrollbarRounding = 8;
    style.TabRounding = 8;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 0;
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    const ImVec4 clear(0, 0, 0, 0);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textMuted;
    c[ImGuiCol_WindowBg] = clear;
    c[ImGuiCol_ChildBg] = clear;
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = clear;
    c[ImGuiCol_FrameBg] = p.surfaceHover;
    c[ImGuiCol_FrameBgHovered] = p.accentSoft;
    c[ImGuiCol_FrameBgActive] = p.accentSoft;
    c[ImGuiCol_TitleBg] = p.surface;
    c[ImGuiCol_TitleBgActive] = p.surface;
    c[ImGuiCol_TitleBgCollapsed] = p.surface;
    c[ImGuiCol_MenuBarBg] = p.surface;
    c[ImGuiCol_ScrollbarBg] = clear;
    c[ImGuiCol_ScrollbarGrab] = p.border;
    c[ImGuiCol_ScrollbarGrabHovered] = p.textMuted;
    c[ImGuiCol_ScrollbarGrabActive] = p.accent;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = p.surfaceHover;
    c[ImGuiCol_ButtonHovered] = p.accentSoft;
    c[ImGuiCol_ButtonActive] = p.accent;
    c[ImGuiCol_Header] = p.accentSoft;
    c[ImGuiCol_HeaderHovered] = p.surfaceHover;
    c[ImGuiCol_HeaderActive] = p.accentSoft;
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = clear;
    c[ImGuiCol_ResizeGripHovered] = p.accentSoft;
    c[ImGuiCol_ResizeGripActive] = p.accent;
    c[ImGuiCol_Tab] = p.surfaceHover;
    c[ImGuiCol_TabHovered] = p.accentSoft;
    c[ImGuiCol_TabActive] = p.accentSoft;
    c[ImGuiCol_TabUnfocused] = p.surfaceHover;
    c[ImGuiCol_TabUnfocusedActive] = p.accentSoft;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotLinesHovered] = p.accent;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_PlotHistogramHovered] = p.accent;
    c[ImGuiCol_TableHeaderBg] = p.surfaceHover;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = clear;
    c[ImGuiCol_TableRowBgAlt] = ImVec4(p.surfaceHover.x, p.surfaceHover.y, p.surfaceHover.z, 0.35f);
    c[ImGuiCol_TextSelectedBg] = p.accentSoft;
    c[ImGuiCol_DragDropTarget] = p.accent;
    c[ImGuiCol_NavHighlight] = p.accent;
    c[ImGuiCol_NavWindowingHighlight] = p.accent;
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.35f);
    ImGui::GetStyle() = style;
}

} // namespace kindling::ui
