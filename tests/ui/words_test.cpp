// Every sentence the app shows, read for what it must never assume or say:
// that the couple lives together, is married or has children, or that a day
// was "missed". Reads the string literals of src/ui and the text of assets/,
// so a new screen is checked without a test of its own.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The "…" literals of a C++ file outside comments (raw strings are not used
// for words the app shows).
std::vector<std::string> literalsOf(const std::string& source) {
    std::vector<std::string> literals;
    std::size_t i = 0;
    while (i < source.size()) {
        if (source.compare(i, 2, "//") == 0) {
            i = source.find('\n', i);
            if (i == std::string::npos) break;
        } else if (source.compare(i, 2, "/*") == 0) {
            i = source.find("*/", i);
            if (i == std::string::npos) break;
            i += 2;
        } else if (source[i] == '\'') {
            i += source[i + 1] == '\\' ? 4 : 3; // a character literal
        } else if (source[i] == '"') {
            std::string literal;
            for (++i; i < source.size() && source[i] != '"'; ++i) {
                if (source[i] == '\\' && i + 1 < source.size()) literal += source[i++];
                literal += source[i];
            }
            literals.push_back(literal);
            ++i;
        } else {
            ++i;
        }
    }
    return literals;
}

struct Shown {
    std::string where;
    std::string text;
};

std::vector<Shown> everythingShown() {
    std::vector<Shown> shown;
    const fs::path root = KINDLING_SOURCE_DIR;
    for (const auto& entry : fs::recursive_directory_iterator(root / "src" / "ui")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
        for (std::string& literal : literalsOf(readFile(entry.path())))
            shown.push_back({entry.path().filename().string(), std::move(literal)});
    }
    for (const char* asset : {"catalog.json", "levels.json", "achievements.json"})
        shown.push_back({asset, readFile(root / "assets" / asset)});
    return shown;
}

} // namespace

TEST_CASE("words: the literal reader finds strings and skips comments") {
    const auto literals =
        literalsOf("// \"not this\"\nf(\"one\", '\"', \"two \\\"q\\\"\"); /* \"no\" */");
    REQUIRE(literals.size() == 2);
    CHECK(literals[0] == "one");
    CHECK(literals[1] == "two \\\"q\\\"");
}

TEST_CASE("words: nothing shown assumes a shared home, a wedding or children") {
    const std::vector<Shown> shown = everythingShown();
    REQUIRE(shown.size() > 300); // the screens were read
    const std::regex assumes(
        R"(\b(our home|your home|welcome home|at home|coming home|our house|husband|wife|married|marriage|wedding|spouse|our kids|your kids|our children|your children)\b)",
        std::regex::icase);
    for (const Shown& s : shown) {
        INFO(s.where << ": " << s.text.substr(0, 200));
        CHECK_FALSE(std::regex_search(s.text, assumes));
    }
}

TEST_CASE("words: a day without a log is a quiet day, never a missed one") {
    const std::regex missed(R"(\b(missed|missing a day|failed|you broke|broke your)\b)",
                            std::regex::icase);
    for (const Shown& s : everythingShown()) {
        INFO(s.where << ": " << s.text.substr(0, 200));
        CHECK_FALSE(std::regex_search(s.text, missed));
    }
}
