#pragma once
// Font Awesome 4.7 glyphs that rituals, achievements and the UI may name. Assets
// store icon names, not codepoints, so content stays readable and a font upgrade
// only touches this table. Codepoints are FA 4.7.0's (less/variables.less), and
// each one is present in Debian's fontawesome-webfont.ttf.

#include <array>
#include <string>
#include <string_view>

namespace kindling {

struct IconGlyph {
    std::string_view name;
    char32_t codepoint;
};

inline constexpr std::array iconGlyphs{
    IconGlyph{"heart", 0xF004},
    IconGlyph{"heart-o", 0xF08A},
    IconGlyph{"coffee", 0xF0F4},
    IconGlyph{"sun-o", 0xF185},
    IconGlyph{"moon-o", 0xF186},
    IconGlyph{"comments", 0xF086},
    IconGlyph{"comment", 0xF075},
    IconGlyph{"commenting-o", 0xF27B},
    IconGlyph{"handshake-o", 0xF2B5},
    IconGlyph{"hand-paper-o", 0xF256},
    IconGlyph{"hand-peace-o", 0xF25B},
    IconGlyph{"thumbs-o-up", 0xF087},
    IconGlyph{"star", 0xF005},
    IconGlyph{"star-o", 0xF006},
    IconGlyph{"smile-o", 0xF118},
    IconGlyph{"gift", 0xF06B},
    IconGlyph{"leaf", 0xF06C},
    IconGlyph{"tree", 0xF1BB},
    IconGlyph{"bicycle", 0xF206},
    IconGlyph{"music", 0xF001},
    IconGlyph{"book", 0xF02D},
    IconGlyph{"film", 0xF008},
    IconGlyph{"television", 0xF26C},
    IconGlyph{"cutlery", 0xF0F5},
    IconGlyph{"home", 0xF015},
    IconGlyph{"bed", 0xF236},
    IconGlyph{"bath", 0xF2CD},
    IconGlyph{"umbrella", 0xF0E9},
    IconGlyph{"paper-plane", 0xF1D8},
    IconGlyph{"pencil", 0xF040},
    IconGlyph{"question-circle", 0xF059},
    IconGlyph{"lightbulb-o", 0xF0EB},
    IconGlyph{"fire", 0xF06D},
    IconGlyph{"snowflake-o", 0xF2DC},
    IconGlyph{"trophy", 0xF091},
    IconGlyph{"mobile", 0xF10B},
    IconGlyph{"bell", 0xF0F3},
    IconGlyph{"map-signs", 0xF277},
    IconGlyph{"street-view", 0xF21D},
    IconGlyph{"male", 0xF183},
    IconGlyph{"female", 0xF182},
    IconGlyph{"users", 0xF0C0},
    IconGlyph{"user", 0xF007},
    IconGlyph{"child", 0xF1AE},
    IconGlyph{"camera", 0xF030},
    IconGlyph{"puzzle-piece", 0xF12E},
    IconGlyph{"magic", 0xF0D0},
    IconGlyph{"paw", 0xF1B0},
    IconGlyph{"anchor", 0xF13D},
    IconGlyph{"compass", 0xF14E},
    IconGlyph{"calendar", 0xF073},
    IconGlyph{"check", 0xF00C},
    IconGlyph{"clock-o", 0xF017},
    IconGlyph{"hourglass-half", 0xF252},
};

// 0 for a name the table does not know; choosing a fallback is the caller's call.
constexpr char32_t iconCodepoint(std::string_view name) {
    for (const IconGlyph& glyph : iconGlyphs) {
        if (glyph.name == name) return glyph.codepoint;
    }
    return 0;
}

// Empty for 0, surrogates and anything past U+10FFFF, so a bad value never
// reaches the font atlas as a malformed sequence.
inline std::string utf8FromCodepoint(char32_t codepoint) {
    std::string out;
    const auto byte = [&out](char32_t value) { out.push_back(static_cast<char>(value)); };
    if (codepoint == 0 || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF)) {
        return out;
    }
    if (codepoint < 0x80) {
        byte(codepoint);
    } else if (codepoint < 0x800) {
        byte(0xC0 | (codepoint >> 6));
        byte(0x80 | (codepoint & 0x3F));
    } else if (codepoint < 0x10000) {
        byte(0xE0 | (codepoint >> 12));
        byte(0x80 | ((codepoint >> 6) & 0x3F));
        byte(0x80 | (codepoint & 0x3F));
    } else {
        byte(0xF0 | (codepoint >> 18));
        byte(0x80 | ((codepoint >> 12) & 0x3F));
        byte(0x80 | ((codepoint >> 6) & 0x3F));
        byte(0x80 | (codepoint & 0x3F));
    }
    return out;
}

// The glyph as text for ImGui; empty when the name is unknown.
inline std::string iconUtf8(std::string_view name) {
    return utf8FromCodepoint(iconCodepoint(name));
}

} // namespace kindling
