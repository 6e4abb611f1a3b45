// The fonts found at run time (thirdparty/install-deps.sh installs them): what
// couples type into names and notes has a glyph, in every size.
#include "core/icons.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"
#include "ui_fixture.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

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

TEST_CASE("every icon the app names is in every font, and only those are built") {
    testing::UiFixture ui;
    const ui::Fonts& fonts = ui.state.fonts;
    REQUIRE_FALSE(fonts.iconFontFile.empty());

    // The glyphs written in ui/widgets.hpp, read from the source: one added
    // there but not to icons::all would be missing from the fonts.
    std::ifstream header(std::string(KINDLING_SOURCE_DIR) + "/src/ui/widgets.hpp");
    std::stringstream text;
    text << header.rdbuf();
    const std::string source = text.str();
    const std::regex escaped(R"(\\u(f[0-9a-f]{3}))");
    std::vector<ImWchar> chrome;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), escaped);
         it != std::sregex_iterator(); ++it)
        chrome.push_back(static_cast<ImWchar>(std::stoul((*it)[1].str(), nullptr, 16)));
    REQUIRE(chrome.size() == ui::icons::all.size());

    for (const ImFont* font : {fonts.body, fonts.heading, fonts.display}) {
        for (const ImWchar c : chrome) {
            INFO("U+" << std::hex << static_cast<unsigned>(c));
            CHECK(font->FindGlyphNoFallback(c) != nullptr);
        }
        for (const IconGlyph& icon : iconGlyphs) {
            INFO(icon.name);
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(icon.codepoint)) != nullptr);
        }
        // Font Awesome's other glyphs are left out: they cost start-up time.
        CHECK(font->FindGlyphNoFallback(0xF1B9) == nullptr); // fa-car: Kindling names no car
    }
}
