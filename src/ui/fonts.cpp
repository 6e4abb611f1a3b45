#include "ui/fonts.hpp"

#include "core/icons.hpp"
#include "ui/font_files.hpp"
#include "ui/widgets.hpp"

#include <filesystem>
#include <imgui_freetype.h>
#include <initializer_list>

namespace kindling::ui {

namespace {

std::string firstExisting(std::initializer_list<const char*> candidates) {
    // The same files shipped beside the program win (Windows; ui/font_files.hpp).
    for (const char* candidate : candidates)
        if (auto bundled = bundledFontFile(std::filesystem::path(candidate).filename().string());
            !bundled.empty())
            return bundled;
    std::error_code error;
    for (const char* candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    return {};
}

// Latin with its common extensions, Greek, Cyrillic and typographic
// punctuation, so names such as "Zoë", "Łukasz" or "Наташа" and curly quotes
// render.
const ImWchar textRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F,
                              0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F,
                              0x20AC, 0x20AC, 0x2190, 0x21FF, 0};
// Symbols people type into names and notes (☕ ♥ ★ ☀ ✓), from DejaVu Sans
// where Inter has none. Emoji beyond U+FFFF cannot be drawn at all: Debian's
// Dear ImGui 1.86 keeps characters in 16 bits, so they show as U+FFFD.
const ImWchar symbolRanges[] = {0x2190, 0x21FF, 0x2300, 0x23FF, 0x25A0, 0x25FF, 0x2600,
                                0x27BF, 0x2B00, 0x2BFF, 0xFFFD, 0xFFFD, 0};
// The Font Awesome glyphs Kindling draws: those a ritual, badge or break may
// name (core/icons.hpp) and the app's own (ui/widgets.hpp). Building all of
// Font Awesome's 700 at three sizes was a sixth of start-up.
const ImWchar* iconRanges() {
    static const ImVector<ImWchar> ranges = [] {
        ImFontGlyphRangesBuilder builder;
        for (const IconGlyph& icon : iconGlyphs)
            builder.AddChar(static_cast<ImWchar>(icon.codepoint));
        for (const char* icon : icons::all)
            builder.AddText(icon);
        ImVector<ImWchar> built;
        builder.BuildRanges(&built);
        return built;
    }();
    return ranges.Data;
}

} // namespace

Fonts loadFonts(ImGuiIO& io, float scale) {
    Fonts fonts;
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    fonts.textFontFile = firstExisting({"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
                                        "/usr/share/fonts/truetype/inter/Inter-Regular.ttf"});
    const std::string semiBold =
        firstExisting({"/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
                       "/usr/share/fonts/truetype/inter/Inter-SemiBold.ttf"});
    const std::string symbolFile =
        firstExisting({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    fonts.iconFontFile =
        firstExisting({"/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf",
                       "/usr/share/fonts/opentype/font-awesome/FontAwesome.otf"});

    auto add = [&](const std::string& file, float pixels) -> ImFont* {
        ImFont* font = nullptr;
        if (!file.empty()) {
            ImFontConfig config;
            config.OversampleH = 1;
            font = io.Fonts->AddFontFromFileTTF(file.c_str(), pixels * scale, &config, textRanges);
        }
        if (font == nullptr) {
            ImFontConfig config;
            config.SizePixels = pixels * scale;
            font = io.Fonts->AddFontDefault(&config);
        }
        if (!symbolFile.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = 1;
            io.Fonts->AddFontFromFileTTF(symbolFile.c_str(), pixels * scale, &merge, symbolRanges);
        }
        if (!fonts.iconFontFile.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.PixelSnapH = true;
            merge.GlyphMinAdvanceX = pixels * scale; // icons line up in lists
            merge.GlyphOffset = ImVec2(0, 0.5f * scale);
            io.Fonts->AddFontFromFileTTF(fonts.iconFontFile.c_str(), pixels * 0.9f * scale, &merge,
                                         iconRanges());
        }
        return font;
    };

    fonts.body = add(fonts.textFontFile, 17.0f);
    fonts.heading = add(semiBold.empty() ? fonts.textFontFile : semiBold, 24.0f);
    fonts.display = add(semiBold.empty() ? fonts.textFontFile : semiBold, 44.0f);
    io.FontDefault = fonts.body;
    return fonts;
}

} // namespace kindling::ui
