#include "ui/fonts.hpp"

#include <filesystem>
#include <imgui_freetype.h>
#include <initializer_list>

namespace kindling::ui {

namespace {

std::string firstExisting(std::initializer_list<const char*> candidates) {
    std::error_code error;
    for (const char* candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, error)) return candidate;
    return {};
}

// Latin with its common extensions and typographic punctuation, so names such
// as "Zoë" or "Łukasz" and curly quotes render.
const ImWchar textRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F,
                              0x2000, 0x206F, 0x20AC, 0x20AC, 0x2190, 0x21FF, 0};
// Font Awesome 4.7's private-use block.
const ImWchar iconRanges[] = {0xF000, 0xF2E0, 0};

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
        if (!fonts.iconFontFile.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.PixelSnapH = true;
            merge.GlyphMinAdvanceX = pixels * scale; // icons line up in lists
            merge.GlyphOffset = ImVec2(0, 0.5f * scale);
            io.Fonts->AddFontFromFileTTF(fonts.iconFontFile.c_str(), pixels * 0.9f * scale,
                                         &merge, iconRanges);
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
