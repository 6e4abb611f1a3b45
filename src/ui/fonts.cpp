#include "ui/fonts.hpp"

#include "core/icons.hpp"
#include "ui/font_files.hpp"
#include "ui/widgets.hpp"

#include <cmath>
#include <filesystem>
#include <imgui_freetype.h>
#include <initializer_list>

#ifdef KINDLING_HAS_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace kindling::ui {

namespace {

FontFace firstExisting(std::initializer_list<const char*> candidates) {
    // The same files shipped beside the program win (Windows; ui/font_files.hpp).
    for (const char* candidate : candidates)
        if (auto bundled = bundledFontFile(std::filesystem::path(candidate).filename().string());
            !bundled.empty())
            return {bundled, 0};
    std::error_code error;
    for (const char* candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, error)) return {candidate, 0};
    return {};
}

// fontconfig's weights (fontconfig.h): FC_WEIGHT_REGULAR and FC_WEIGHT_DEMIBOLD.
constexpr int regularWeight = 80;
constexpr int semiBoldWeight = 180;

#ifdef KINDLING_HAS_FONTCONFIG
// One fontconfig configuration, read when made: $FONTCONFIG_FILE, else the
// system's. Fonts it does not know are simply not found.
class FontconfigFonts {
  public:
    FontconfigFonts() : config_(FcInitLoadConfigAndFonts()) {}
    ~FontconfigFonts() {
        if (config_ != nullptr) FcConfigDestroy(config_);
    }
    FontconfigFonts(const FontconfigFonts&) = delete;
    FontconfigFonts& operator=(const FontconfigFonts&) = delete;

    // The upright face of `family` at `weight`, when fontconfig has that very
    // family at about that weight in a format FreeType reads from memory.
    FontFace find(const char* family, int weight) const {
        if (config_ == nullptr) return {};
        FcPattern* pattern = FcPatternCreate();
        const auto* familyText = reinterpret_cast<const FcChar8*>(family);
        FcPatternAddString(pattern, FC_FAMILY, familyText);
        FcPatternAddInteger(pattern, FC_WEIGHT, weight);
        FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
        FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
        FcConfigSubstitute(config_, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcPattern* match = FcFontMatch(config_, pattern, &result);
        FcPatternDestroy(pattern);
        FontFace face;
        if (match != nullptr && hasFamily(match, family) && hasWeight(match, weight) &&
            readableFormat(match)) {
            FcChar8* file = nullptr;
            int index = 0;
            if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
                FcPatternGetInteger(match, FC_INDEX, 0, &index) == FcResultMatch)
                face = {reinterpret_cast<const char*>(file), index};
        }
        if (match != nullptr) FcPatternDestroy(match);
        return face;
    }

  private:
    static bool hasFamily(FcPattern* match, const char* family) {
        FcChar8* name = nullptr;
        for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i)
            if (FcStrCmpIgnoreCase(name, reinterpret_cast<const FcChar8*>(family)) == 0) return true;
        return false;
    }
    // A face without a weight (a symbol font) is taken; a bolder one is not
    // taken for the regular face, nor the regular for the semi-bold.
    static bool hasWeight(FcPattern* match, int weight) {
        double found = 0.0;
        if (FcPatternGetDouble(match, FC_WEIGHT, 0, &found) != FcResultMatch) return true;
        return std::abs(found - weight) <= 20.0;
    }
    static bool readableFormat(FcPattern* match) {
        FcChar8* format = nullptr;
        if (FcPatternGetString(match, FC_FONTFORMAT, 0, &format) != FcResultMatch) return false;
        return FcStrCmpIgnoreCase(format, reinterpret_cast<const FcChar8*>("TrueType")) == 0 ||
               FcStrCmpIgnoreCase(format, reinterpret_cast<const FcChar8*>("CFF")) == 0;
    }

    FcConfig* config_;
};
#endif

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

FontFiles findFontFiles(FontSearch search) {
    FontFiles files;
#ifdef KINDLING_HAS_FONTCONFIG
    if (search != FontSearch::PathsOnly) {
        const FontconfigFonts fontconfig;
        files.text = fontconfig.find("Inter", regularWeight);
        files.textSemiBold = fontconfig.find("Inter", semiBoldWeight);
        files.symbols = fontconfig.find("DejaVu Sans", regularWeight);
        files.icons = fontconfig.find("FontAwesome", regularWeight);
    }
#endif
    if (search == FontSearch::FontconfigOnly) return files;
    // Where Debian 12's packages put them.
    if (files.text.file.empty())
        files.text = firstExisting({"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
                                    "/usr/share/fonts/truetype/inter/Inter-Regular.ttf"});
    if (files.textSemiBold.file.empty())
        files.textSemiBold = firstExisting({"/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
                                            "/usr/share/fonts/truetype/inter/Inter-SemiBold.ttf"});
    if (files.symbols.file.empty())
        files.symbols = firstExisting({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
    if (files.icons.file.empty())
        files.icons =
            firstExisting({"/usr/share/fonts/opentype/font-awesome/FontAwesome.otf",
                           "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"});
    return files;
}

Fonts loadFonts(ImGuiIO& io, float scale) {
    static const FontFiles files = findFontFiles(FontSearch::FontconfigThenPaths);
    return loadFonts(io, scale, files);
}

Fonts loadFonts(ImGuiIO& io, float scale, const FontFiles& files) {
    Fonts fonts;
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    fonts.textFontFile = files.text.file;
    fonts.iconFontFile = files.icons.file;
    const FontFace& semiBold = files.textSemiBold.file.empty() ? files.text : files.textSemiBold;

    auto add = [&](const FontFace& face, float pixels) -> ImFont* {
        ImFont* font = nullptr;
        if (!face.file.empty()) {
            ImFontConfig config;
            config.OversampleH = 1;
            config.FontNo = face.index;
            font = io.Fonts->AddFontFromFileTTF(face.file.c_str(), pixels * scale, &config,
                                                textRanges);
        }
        if (font == nullptr) {
            ImFontConfig config;
            config.SizePixels = pixels * scale;
            font = io.Fonts->AddFontDefault(&config);
        }
        if (!files.symbols.file.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = 1;
            merge.FontNo = files.symbols.index;
            io.Fonts->AddFontFromFileTTF(files.symbols.file.c_str(), pixels * scale, &merge,
                                         symbolRanges);
        }
        if (!files.icons.file.empty()) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.PixelSnapH = true;
            merge.FontNo = files.icons.index;
            merge.GlyphMinAdvanceX = pixels * scale; // icons line up in lists
            merge.GlyphOffset = ImVec2(0, 0.5f * scale);
            io.Fonts->AddFontFromFileTTF(files.icons.file.c_str(), pixels * 0.9f * scale, &merge,
                                         iconRanges());
        }
        return font;
    };

    fonts.body = add(files.text, 17.0f);
    fonts.heading = add(semiBold, 24.0f);
    fonts.display = add(semiBold, 44.0f);
    io.FontDefault = fonts.body;
    return fonts;
}

} // namespace kindling::ui
