// The fonts found at run time (thirdparty/install-deps.sh installs them): what
// couples type into names and notes has a glyph, in every size.
#include "ui/fonts.hpp"
#include "ui_fixture.hpp"

#include <catch2/catch.hpp>

using namespace kindling;

TEST_CASE("names and notes in Latin, Greek and Cyrillic, and common symbols, have glyphs") {
    testing::UiFixture ui; // loads the fonts and builds the atlas
    const ui::Fonts& fonts = ui.state.fonts;
    REQUIRE_FALSE(fonts.textFontFile.empty()); // Inter, not ImGui's fallback
    for (const ImFont* font : {fonts.body, fonts.heading, fonts.display}) {
        REQUIRE(font != nullptr);
        for (const ImWchar c : {ImWchar(0x00EB),  // ë
                                ImWchar(0x0141),  // Ł
                                ImWchar(0x03A3),  // Σ
                                ImWchar(0x041D),  // Н
                                ImWchar(0x201C),  // “
                                ImWchar(0x2615),  // ☕
                                ImWchar(0x2665),  // ♥
                                ImWchar(0x2713),  // ✓
                                ImWchar(0xF004)}) // Font Awesome's heart
        {
            INFO("U+" << std::hex << static_cast<unsigned>(c));
            CHECK(font->FindGlyphNoFallback(c) != nullptr);
        }
        // An emoji beyond 16 bits reaches ImGui as U+FFFD: it is drawn as that.
        CHECK(font->FindGlyphNoFallback(0xFFFD) != nullptr);
    }
}
