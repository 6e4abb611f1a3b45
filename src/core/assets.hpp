#pragma once
// The content Kindling ships with: conversation questions, the suggested ritual
// catalog and the level ladder. The app layer embeds the JSON files at build
// time and hands their text here; the core never opens a file. Every parse
// function validates what it read and throws AssetError naming the asset, the
// entry and the field, so a typo in a JSON file fails the tests, not a couple.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

class AssetError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::array<std::string_view, 7> questionCategories{
    "light", "memories", "dreams", "appreciation", "feelings", "closeness", "us"};
// "Talking about us": questions about closeness itself (what closeness means to
// each, which touch comforts and which feels like pressure, saying and hearing
// "not tonight"). Opt-in: the question of the night draws from it only when the
// couple turned it on (core/question_deck.hpp).
inline constexpr std::string_view optInQuestionCategory = "us";
inline constexpr std::array<std::string_view, 6> ritualAreas{"connection", "appreciation", "touch",
                                                             "talk",       "repair",       "fun"};
inline constexpr std::array<std::string_view, 2> ritualModes{"together", "each"};
inline constexpr std::array<std::string_view, 2> measureKinds{"atLeast", "atMost"};

// Answering the question of the night logs this catalog ritual.
inline constexpr std::string_view questionRitualId = "question-of-the-night";
inline constexpr std::size_t minimumQuestionCount = 200;

struct Question {
    std::string id;       // stable across releases: favourites and history refer to it
    std::string category; // one of questionCategories
    std::string text;
};

inline bool isOptInQuestion(const Question& question) {
    return question.category == optInQuestionCategory;
}

struct CatalogMeasure {
    std::string unit; // "minutes"
    double target = 0;
    std::string kind; // one of measureKinds
};

struct CatalogRitual {
    std::string id; // stable slug: [a-z0-9-]
    std::string name;
    std::string icon; // a Font Awesome 4.7 name, see core/icons.hpp
    std::string area; // one of ritualAreas
    std::string why;  // one line: why this helps
    int times = 1;    // `times` per `perDays` days
    int perDays = 1;
    std::string mode; // one of ritualModes
    std::optional<CatalogMeasure> measure;
    std::string group; // display label of the catalog section
    // Optional steps, in order, for a ritual that is a practice more than a
    // moment (the repair talk): each one sentence of our own words.
    std::vector<std::string> guide;
    // Done when it helps, never on a schedule (docs/scoring.md §3.7); its
    // times and perDays only shape its strength.
    bool whenItHelps = false;
};

struct Level {
    int number = 1;
    std::string name;
    std::int64_t xpRequired = 0; // cumulative
    std::string description;
};

std::vector<Question> parseQuestions(std::string_view json);
std::vector<Question> parseQuestions(std::istream& in);
std::vector<CatalogRitual> parseCatalog(std::string_view json);
std::vector<CatalogRitual> parseCatalog(std::istream& in);
// Ordered by number; levels[0] is level 1 at 0 XP.
std::vector<Level> parseLevels(std::string_view json);
std::vector<Level> parseLevels(std::istream& in);

} // namespace kindling
