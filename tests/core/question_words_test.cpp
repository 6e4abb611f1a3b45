// The shipped question deck read as a couple would read it over many nights:
// big enough, no question twice (not even in other punctuation or another
// category), no two that are the same question in other words, none that puts
// a partner on the spot, and a "Talking about us" category of open offers.
#include "core/assets.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace kindling;

namespace {

std::vector<Question> shippedDeck() {
    std::ifstream in(KINDLING_SOURCE_DIR "/assets/questions.json", std::ios::binary);
    REQUIRE(in.is_open());
    return parseQuestions(in);
}

// Lower case ASCII letters and digits, one space between words; apostrophes
// vanish ("What's" reads "whats") and every other mark, typographic quotes and
// dashes too, is a space. So "Which song…?" and "which song …" are one text.
std::string normalised(std::string_view text) {
    std::string out;
    bool space = false;
    const auto put = [&](char c) {
        if (c == ' ') {
            space = !out.empty();
            return;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\'') continue;
        if (c >= 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
            // U+2000..U+203F, general punctuation: ’ and ‘ are apostrophes.
            const auto last = static_cast<unsigned char>(text[i + 2]);
            if (last != 0x98 && last != 0x99) put(' ');
            i += 2;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            put(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            put(static_cast<char>(c));
        else
            put(' ');
    }
    return out;
}

// The words a question is about: without the words that frame any question
// ("what", "would", "you", "feel like"), plurals folded ("songs" is "song"),
// and a few words that say the same thing counted as one.
std::set<std::string> contentWords(std::string_view text) {
    static const std::set<std::string, std::less<>> framing{
        "a",        "an",        "the",     "and",   "or",    "but",   "of",    "to",     "in",
        "on",       "at",        "for",     "with",  "by",    "from",  "as",    "into",   "about",
        "than",     "what",      "whats",   "which", "who",   "when",  "where", "why",    "how",
        "is",       "are",       "was",     "were",  "be",    "been",  "am",    "do",     "does",
        "did",      "you",       "your",    "youd",  "youre", "youve", "youll", "i",      "me",
        "my",       "id",        "im",      "ive",   "we",    "us",    "our",   "ours",   "wed",
        "weve",     "it",        "its",     "that",  "this",  "these", "those", "there",  "would",
        "could",    "should",    "can",     "will",  "might", "may",   "one",   "some",   "any",
        "anything", "something", "thing",   "just",  "more",  "most",  "very",  "really", "still",
        "even",     "so",        "if",      "up",    "out",   "again", "ever",  "each",   "other",
        "like",     "feel",      "feeling", "felt",  "help",  "helps", "make",  "makes",  "made",
        "way",      "bit"};
    static const std::map<std::string, std::string, std::less<>> sameAs{
        {"listen", "heard"},      {"listened", "heard"}, {"hear", "heard"},
        {"calm", "relaxed"},      {"relax", "relaxed"},  {"peaceful", "relaxed"},
        {"ease", "relaxed"},      {"unwind", "relaxed"}, {"music", "song"},
        {"tune", "song"},         {"playlist", "song"},  {"movie", "film"},
        {"thankful", "grateful"}, {"thank", "grateful"}, {"thanked", "grateful"},
        {"cozy", "cosy"}};
    std::set<std::string> words;
    std::istringstream in(normalised(text));
    for (std::string word; in >> word;) {
        if (framing.count(word) != 0) continue;
        if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
        const auto same = sameAs.find(word);
        words.insert(same == sameAs.end() ? word : same->second);
    }
    return words;
}

// Our near-duplicate rule: two questions are one when they share at least two
// words they are about and those make up half of all the words either is
// about (Jaccard >= 0.5), or when they are about exactly the same words.
bool nearDuplicates(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t shared = 0;
    for (const std::string& word : a)
        shared += b.count(word);
    const std::size_t either = a.size() + b.size() - shared;
    if (!a.empty() && a == b) return true;
    return shared >= 2 && 2 * shared >= either;
}

} // namespace

TEST_CASE("question words: the helpers read questions the way the rule says") {
    CHECK(normalised("What\xE2\x80\x99s   YOUR song\xE2\x80\x94or tune?") ==
          "whats your song or tune");
    CHECK(normalised("What's your song, or tune?") == "whats your song or tune");
    CHECK(normalised("  \xE2\x80\x9CNot tonight\xE2\x80\x9D  ") == "not tonight");
    CHECK(contentWords("Which songs would you like us to dance to?") ==
          std::set<std::string>{"song", "dance"});
    CHECK(contentWords("What music fits your mood tonight?") ==
          std::set<std::string>{"song", "fit", "mood", "tonight"});
    // The pairs this deck once held, and two that only look alike.
    CHECK(nearDuplicates(contentWords("What made you feel most relaxed today?"),
                         contentWords("When did you feel calm today?")));
    CHECK(nearDuplicates(contentWords("What helps you feel heard when we talk?"),
                         contentWords("What helps you feel listened to when we talk?")));
    CHECK_FALSE(nearDuplicates(contentWords("Which song takes you back to our early days?"),
                               contentWords("Which smell takes you back to being young?")));
    CHECK_FALSE(
        nearDuplicates(contentWords("What's something I do that helps you feel safe?"),
                       contentWords("What helps you feel safe enough to say what you need?")));
}

TEST_CASE("question words: the deck is big enough for more than half a year of nights") {
    const std::vector<Question> deck = shippedDeck();
    CHECK(deck.size() >= 200);
    CHECK(deck.size() >= minimumQuestionCount);
}

TEST_CASE("question words: no question is asked twice, whatever its case and punctuation") {
    const std::vector<Question> deck = shippedDeck();
    std::map<std::string, std::string> seen; // normalised text -> id
    for (const Question& question : deck) {
        INFO(question.id << ": " << question.text);
        const auto [at, fresh] = seen.emplace(normalised(question.text), question.id);
        INFO("the same as " << at->second);
        CHECK(fresh);
    }
}

TEST_CASE("question words: no two questions are the same question in other words") {
    const std::vector<Question> deck = shippedDeck();
    std::vector<std::set<std::string>> words;
    for (const Question& question : deck)
        words.push_back(contentWords(question.text));
    for (std::size_t i = 0; i < deck.size(); ++i) {
        for (std::size_t j = i + 1; j < deck.size(); ++j) {
            INFO(deck[i].id << ": " << deck[i].text);
            INFO(deck[j].id << ": " << deck[j].text);
            CHECK_FALSE(nearDuplicates(words[i], words[j]));
        }
    }
}

TEST_CASE("question words: themes that once crowded the deck come up at most twice") {
    // Five song questions and five "ideal free time" questions once made the
    // nights feel like reruns (issue 12).
    const std::vector<std::pair<std::string, std::regex>> themes{
        {"songs and music", std::regex(R"(\b(song|songs|music|tune|tunes|playlist)\b)")},
        {"a perfect or ideal stretch of free time",
         std::regex(
             R"(\b(ideal|perfect) (\w+ )?(day|days|weekend|evening|morning|afternoon|version)\b)")},
    };
    const std::vector<Question> deck = shippedDeck();
    for (const auto& [theme, pattern] : themes) {
        std::vector<std::string> ids;
        for (const Question& question : deck)
            if (std::regex_search(normalised(question.text), pattern)) ids.push_back(question.id);
        INFO(theme << ": " << ids.size() << " questions");
        CHECK(ids.size() <= 2);
    }
}

TEST_CASE("question words: no question puts a partner on the spot") {
    // An invitation can be declined; a demand for a compliment "right now", or
    // "when did you last feel…" (which asks how long it has been), cannot.
    const std::vector<std::string> onTheSpot{
        "when did you last",  "right now give", "give me right now",
        "whats a compliment", "prove",          "admit"};
    for (const Question& question : shippedDeck()) {
        INFO(question.id << ": " << question.text);
        const std::string text = normalised(question.text);
        for (const std::string& phrase : onTheSpot)
            CHECK(text.find(phrase) == std::string::npos);
    }
}

TEST_CASE("question words: talking about us is an offer, never a quiz") {
    const std::vector<Question> deck = shippedDeck();
    std::size_t count = 0;
    // A quiz counts, ranks or tests; an offer asks what feels right.
    const std::regex quiz(
        R"(\b(how often|how many|how much|rate|score|scale|should|right answer|test|correct|wrong|normal)\b)");
    for (const Question& question : deck) {
        if (!isOptInQuestion(question)) continue;
        ++count;
        INFO(question.id << ": " << question.text);
        CHECK_FALSE(std::regex_search(normalised(question.text), quiz));
        CHECK(question.id.rfind(std::string(optInQuestionCategory) + "-", 0) == 0);
    }
    CHECK(count >= 25);
    // The subjects the category exists for.
    const auto mentions = [&](const std::string& phrase) {
        for (const Question& question : deck)
            if (isOptInQuestion(question) &&
                normalised(question.text).find(phrase) != std::string::npos)
                return true;
        return false;
    };
    CHECK(mentions("closeness"));
    CHECK(mentions("pressure"));
    CHECK(mentions("not tonight"));
    CHECK(mentions("helped us feel close before"));
}

TEST_CASE("question words: nothing assumes a shared home, a wedding or children") {
    const std::regex assumes(
        R"(\b(our home|at home(?! with)|our house|our flat|our kitchen|our bed|husband|wife|married|marriage|wedding|our kids|our children|the kids)\b)");
    for (const Question& question : shippedDeck()) {
        INFO(question.id << ": " << question.text);
        CHECK_FALSE(std::regex_search(normalised(question.text), assumes));
    }
}
