#pragma once
// Text and icon fonts, found on the system at run time (fonts-inter,
// fonts-font-awesome). Missing fonts fall back to ImGui's own, without error.

#include <imgui.h>
#include <string>

namespace kindling::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* display = nullptr; // big numbers and celebration headlines
    std::string textFontFile;  // empty when ImGui's built-in font is used
    std::string iconFontFile;  // empty when no icon font was found
};

// Adds the fonts to io.Fonts (not yet built) at sizes multiplied by `scale`.
Fonts loadFonts(ImGuiIO& io, float scale);

} // namespace kindling::ui
