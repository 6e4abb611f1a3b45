// The fonts found at run time (thirdparty/install-deps.sh installs them): what
// couples type into names and notes has a glyph, in every size; fontconfig
// finds them by family, and without them ImGui's own font draws.
#include "core/icons.hpp"
#include "session_fixture.hpp"
#include "ui/fonts.hpp"
#include "ui/widgets.hpp"
#include "ui_fixture.hpp"

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <unistd.h>
#include <utility>

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

namespace {

bool containsNoCase(std::string text, std::string part) {
    for (std::string* s : {&text, &part})
        for (char& c : *s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text.find(part) != std::string::npos;
}

// Sets an environment variable for one scope, then puts back what was there.
class ScopedEnvironment {
  public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

// What the process writes to stderr (fd 2, where fontconfig would complain)
// while it lives.
class CapturedStderr {
  public:
    CapturedStderr() : file_(std::tmpfile()), saved_(::dup(2)) {
        std::fflush(stderr);
        ::dup2(::fileno(file_), 2);
    }
    ~CapturedStderr() {
        restore();
        std::fclose(file_);
    }
    CapturedStderr(const CapturedStderr&) = delete;
    CapturedStderr& operator=(const CapturedStderr&) = delete;
    std::string text() {
        restore();
        std::string text;
        std::rewind(file_);
        for (int c; (c = std::fgetc(file_)) != EOF;)
            text += static_cast<char>(c);
        return text;
    }

  private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, 2);
        ::close(saved_);
        saved_ = -1;
    }
    std::FILE* file_;
    int saved_;
};

} // namespace

TEST_CASE("fontconfig finds Inter, DejaVu Sans and Font Awesome by family") {
    const ui::FontFiles files = ui::findFontFiles(ui::FontSearch::FontconfigOnly);
    const std::pair<const ui::FontFace*, std::vector<std::string>> expected[] = {
        {&files.text, {"inter", "regular"}},
        {&files.textSemiBold, {"inter", "semibold"}},
        {&files.symbols, {"dejavusans."}},
        {&files.icons, {"fontawesome"}},
    };
    for (const auto& [face, parts] : expected) {
        INFO(face->file);
        REQUIRE(std::filesystem::is_regular_file(face->file));
        const std::string name = std::filesystem::path(face->file).filename().string();
        for (const std::string& part : parts)
            CHECK(containsNoCase(name, part));
    }
    // What the app uses: fontconfig's answers, which the fixed paths only back up.
    const ui::FontFiles app = ui::findFontFiles(ui::FontSearch::FontconfigThenPaths);
    CHECK(app.text.file == files.text.file);
    CHECK(app.icons.file == files.icons.file);
}

TEST_CASE(
    "a fontconfig that knows none of the fonts: ImGui's own font draws, and nothing is said") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("kindling-fonts-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto config = dir / "fonts.conf";
    std::ofstream(config) << "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n";

    ui::FontFiles files;
    std::string said;
    {
        const ScopedEnvironment empty("FONTCONFIG_FILE", config.string());
        CapturedStderr err;
        // Only fontconfig: on this machine Debian's paths would find them.
        files = ui::findFontFiles(ui::FontSearch::FontconfigOnly);
        said = err.text();
    }
    std::filesystem::remove_all(dir);
    CHECK(said.empty());
    CHECK(files.text.file.empty());
    CHECK(files.textSemiBold.file.empty());
    CHECK(files.symbols.file.empty());
    CHECK(files.icons.file.empty());

    testing::SessionFixture app;
    CapturedStderr err;
    ImGuiIO& io = ImGui::GetIO();
    app.state().fonts = ui::loadFonts(io, 1.0f, files);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    REQUIRE(pixels != nullptr);
    const ui::Fonts& fonts = app.state().fonts;
    CHECK(fonts.textFontFile.empty());
    CHECK(fonts.iconFontFile.empty());
    for (const ImFont* font : {fonts.body, fonts.heading, fonts.display}) {
        REQUIRE(font != nullptr);
        CHECK(std::string(font->ConfigData[0].Name).find("ProggyClean") == 0);
        CHECK(font->FindGlyphNoFallback('K') != nullptr);
    }
    app.run(3);
    CHECK(app.shows("Today"));
    CHECK(err.text().empty());
}
