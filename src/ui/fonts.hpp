#pragma once
// Text and icon fonts, found on the system at run time: through fontconfig by
// family (Inter, DejaVu Sans, FontAwesome), else at Debian's paths
// (fonts-inter, fonts-dejavu-core, fonts-font-awesome). Missing fonts fall back
// to ImGui's own, without a word.

#include <imgui.h>
#include <string>

namespace kindling::ui {

// One face of a font file (a collection or a variable font holds several).
struct FontFace {
    std::string file; // empty: not found
    int index = 0;
};

// The faces Kindling draws with.
struct FontFiles {
    FontFace text;         // Inter Regular
    FontFace textSemiBold; // Inter Semi Bold: headings and big numbers
    FontFace symbols;      // DejaVu Sans: the symbols Inter lacks (☕ ♥ ★ ✓)
    FontFace icons;        // Font Awesome 4
};

enum class FontSearch {
    FontconfigThenPaths, // what the app does
    FontconfigOnly,
    PathsOnly,
};

// Looks the faces up. fontconfig is asked afresh each time (it reads
// $FONTCONFIG_FILE then), and only a face of the family asked for is taken:
// fontconfig's nearest match for an unknown family is some other font.
FontFiles findFontFiles(FontSearch search);

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* display = nullptr; // big numbers and celebration headlines
    std::string textFontFile;  // empty when ImGui's built-in font is used
    std::string iconFontFile;  // empty when no icon font was found
};

// Adds the fonts to io.Fonts (not yet built) at sizes multiplied by `scale`.
// The first form looks the files up once per process (FontconfigThenPaths).
Fonts loadFonts(ImGuiIO& io, float scale);
Fonts loadFonts(ImGuiIO& io, float scale, const FontFiles& files);

} // namespace kindling::ui
