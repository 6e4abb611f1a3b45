#include "core/question_deck.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>

using namespace kindling;
using std::chrono::days;

namespace {

// `size` questions over every category but the opt-in one, so every one of
// them can be a night's question.
std::vector<Question> syntheticDeck(std::size_t size) {
    std::vector<std::string_view> everyNight;
    for (std::string_view category : questionCategories)
        if (category != optInQuestionCategory) everyNight.push_back(category);
    std::vector<Question> deck;
    for (std::size_t i = 0; i < size; ++i) {
        const std::string category{everyNight[i % everyNight.size()]};
        deck.push_back({"q-" + std::to_string(i), category, "Question " + std::to_string(i) + "?"});
    }
    return deck;
}

// A deck of `plain` everyday questions with `optIn` opt-in ones mixed in.
std::vector<Question> mixedDeck(std::size_t plain, std::size_t optIn) {
    std::vector<Question> deck = syntheticDeck(plain);
    for (std::size_t i = 0; i < optIn; ++i) {
        const auto at = deck.begin() + static_cast<long>((i * 3) % (deck.size() + 1));
        deck.insert(at, Question{"us-" + std::to_string(i), std::string(optInQuestionCategory),
                                 "About us " + std::to_string(i) + "?"});
    }
    return deck;
}

std::vector<Question> shippedDeck() {
    std::ifstream in(KINDLING_SOURCE_DIR "/assets/questions.json", std::ios::binary);
    REQUIRE(in.is_open());
    return parseQuestions(in);
}

Day cycleStart(std::size_t deckSize, long cycle) {
    return questionDeckEpoch + days{cycle * static_cast<long>(deckSize)};
}

// The ids of `count` consecutive nights starting at `first`.
std::vector<std::string> nights(const std::vector<Question>& deck, Day first, std::size_t count) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < count; ++i) {
        ids.push_back(questionForDay(deck, first + days{static_cast<long>(i)}).id);
    }
    return ids;
}

bool isPermutation(std::vector<std::size_t> order, std::size_t size) {
    std::sort(order.begin(), order.end());
    std::vector<std::size_t> expected(size);
    std::iota(expected.begin(), expected.end(), std::size_t{0});
    return order == expected;
}

} // namespace

TEST_CASE("the same night always brings the same question") {
    const std::vector<Question> deck = shippedDeck();
    const Day day = *parseDay("2026-03-14");
    const Question& first = questionForDay(deck, day);
    const std::vector<Question> copy = deck;
    CHECK(questionForDay(copy, day).id == first.id);
    CHECK(questionForDay(deck, day, 0).id == first.id);
    CHECK(&questionForDay(deck, day) == &first);
}

TEST_CASE("the order is pinned, so it is the same with every standard library") {
    // Computed once from SplitMix64 and Fisher-Yates as written; a change here
    // reshuffles every couple's nights.
    CHECK(questionDeckOrder(10, 0) == std::vector<std::size_t>{3, 0, 8, 5, 6, 9, 4, 1, 7, 2});
    CHECK(questionDeckOrder(10, 1) == std::vector<std::size_t>{6, 8, 1, 4, 9, 7, 3, 2, 5, 0});
}

TEST_CASE("a whole cycle shows every question exactly once") {
    for (const std::size_t size :
         {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{37}}) {
        const std::vector<Question> deck = syntheticDeck(size);
        for (const long cycle : {-3L, -1L, 0L, 1L, 2L, 50L}) {
            INFO("size " << size << ", cycle " << cycle);
            const std::vector<std::string> ids = nights(deck, cycleStart(size, cycle), size);
            CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == size);
            CHECK(isPermutation(questionDeckOrder(size, cycle), size));
        }
    }

    // The shipped deck's nights walk through it without the opt-in category.
    const std::vector<Question> deck = shippedDeck();
    const std::size_t nightly = questionsForTheNight(deck).size();
    const std::vector<std::string> ids = nights(deck, cycleStart(nightly, 3), nightly);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == nightly);
}

TEST_CASE("each cycle brings a new order") {
    const std::vector<Question> deck = shippedDeck();
    const std::size_t size = questionsForTheNight(deck).size();
    const std::vector<std::string> cycle0 = nights(deck, cycleStart(size, 0), size);
    const std::vector<std::string> cycle1 = nights(deck, cycleStart(size, 1), size);
    const std::vector<std::string> cycle2 = nights(deck, cycleStart(size, 2), size);
    CHECK(cycle0 != cycle1);
    CHECK(cycle1 != cycle2);
    CHECK(std::set<std::string>(cycle1.begin(), cycle1.end()).size() == size);
    CHECK(std::set<std::string>(cycle2.begin(), cycle2.end()).size() == size);
    // A shuffle, not the file's order.
    std::vector<std::string> fileOrder;
    for (const Question* question : questionsForTheNight(deck))
        fileOrder.push_back(question->id);
    CHECK(cycle0 != fileOrder);
}

TEST_CASE("consecutive nights never repeat, across cycle boundaries too") {
    // Small decks make an unguarded boundary repeat likely (1 in 4 per cycle).
    for (const std::size_t size : {std::size_t{3}, std::size_t{4}, std::size_t{150}}) {
        const std::vector<Question> deck = syntheticDeck(size);
        const std::size_t span = std::max<std::size_t>(size * 200, 2000);
        const std::vector<std::string> ids = nights(deck, cycleStart(size, -5), span);
        for (std::size_t i = 1; i < ids.size(); ++i) {
            INFO("size " << size << ", night " << i);
            REQUIRE(ids[i] != ids[i - 1]);
        }
    }
}

TEST_CASE("asking for another question tonight") {
    const std::vector<Question> deck = syntheticDeck(37);
    const long size = 37;
    const Day start = cycleStart(deck.size(), 4);
    const Day tonight = start + days{10};
    const Day lastNight = start + days{size - 1};

    SECTION("every offset within one deck gives a different question") {
        std::set<std::string> seen;
        for (int offset = 0; offset < size; ++offset) {
            seen.insert(questionForDay(deck, tonight, offset).id);
        }
        CHECK(seen.size() == deck.size());
        CHECK(questionForDay(deck, tonight, 37).id == questionForDay(deck, tonight).id);
        CHECK(questionForDay(deck, tonight, 38).id == questionForDay(deck, tonight, 1).id);
    }
    SECTION("the first extra question is the one due furthest ahead") {
        CHECK(questionForDay(deck, tonight, 1).id == questionForDay(deck, lastNight).id);
        CHECK(questionForDay(deck, tonight, 2).id == questionForDay(deck, lastNight - days{1}).id);
        // Not tomorrow's, which would come straight back the next evening.
        CHECK(questionForDay(deck, tonight, 1).id != questionForDay(deck, tonight + days{1}).id);
    }
    SECTION("once the nights ahead are used up, the longest-past nights follow") {
        const int nightsAhead = static_cast<int>(size) - 1 - 10;
        CHECK(questionForDay(deck, tonight, nightsAhead).id ==
              questionForDay(deck, tonight + days{1}).id);
        CHECK(questionForDay(deck, tonight, nightsAhead + 1).id == questionForDay(deck, start).id);
        CHECK(questionForDay(deck, tonight, nightsAhead + 10).id ==
              questionForDay(deck, tonight - days{1}).id);
    }
    SECTION("on the last night of a cycle, extras come from its first nights") {
        CHECK(questionForDay(deck, lastNight, 1).id == questionForDay(deck, start).id);
    }
    SECTION("a negative offset counts back from a whole deck") {
        CHECK(questionForDay(deck, tonight, -1).id == questionForDay(deck, tonight, 36).id);
    }
}

TEST_CASE("different nights bring different questions") {
    const std::vector<Question> deck = shippedDeck();
    const Day day = *parseDay("2026-06-01");
    CHECK(questionForDay(deck, day).id != questionForDay(deck, day + days{1}).id);
    CHECK(questionForDay(deck, day).id != questionForDay(deck, day + days{7}).id);
    std::set<std::string> month;
    for (const std::string& id : nights(deck, day, 30))
        month.insert(id);
    CHECK(month.size() == 30);
}

TEST_CASE("an empty deck is a programming error") {
    CHECK_THROWS_AS(questionForDay({}, questionDeckEpoch), std::invalid_argument);
    CHECK_THROWS_AS(questionOfTheNight({}, questionDeckEpoch, 0, {}), std::invalid_argument);
}

TEST_CASE("tonight's question once the couple's marks count") {
    const std::vector<Question> deck = syntheticDeck(37);
    const Day start = cycleStart(deck.size(), 4);
    const Day tonight = start + days{10};
    using Answered = std::map<std::string, Day, std::less<>>;

    SECTION("without answers, each \"next\" is the following offset") {
        for (int next = 0; next < 40; ++next)
            CHECK(questionOfTheNight(deck, tonight, next, {}).id ==
                  questionForDay(deck, tonight, next).id);
    }
    SECTION("a question talked about earlier in this cycle does not come back") {
        // Met through "next" three nights ago: it is still due tonight, its own night.
        const std::string own = questionForDay(deck, tonight).id;
        const Answered answered{{own, tonight - days{3}}};
        CHECK(questionOfTheNight(deck, tonight, 0, answered).id ==
              questionForDay(deck, tonight, 1).id);
        CHECK(questionOfTheNight(deck, tonight, 1, answered).id ==
              questionForDay(deck, tonight, 2).id);
    }
    SECTION("answered tonight, it stays tonight's question") {
        const std::string own = questionForDay(deck, tonight).id;
        CHECK(questionOfTheNight(deck, tonight, 0, Answered{{own, tonight}}).id == own);
    }
    SECTION("answers from an earlier cycle are a fresh start") {
        const std::string own = questionForDay(deck, tonight).id;
        CHECK(questionOfTheNight(deck, tonight, 0, Answered{{own, start - days{1}}}).id == own);
    }
    SECTION("\"next\" wraps around the questions that are left") {
        Answered answered;
        for (int offset = 0; offset < 35; ++offset)
            answered[questionForDay(deck, tonight, offset).id] = start;
        const std::string first = questionForDay(deck, tonight, 35).id;
        const std::string second = questionForDay(deck, tonight, 36).id;
        CHECK(questionOfTheNight(deck, tonight, 0, answered).id == first);
        CHECK(questionOfTheNight(deck, tonight, 1, answered).id == second);
        CHECK(questionOfTheNight(deck, tonight, 2, answered).id == first);
    }
    SECTION("when every question was talked about this cycle, the plain deck decides") {
        Answered answered;
        for (const Question& question : deck)
            answered[question.id] = start;
        CHECK(questionOfTheNight(deck, tonight, 2, answered).id ==
              questionForDay(deck, tonight, 2).id);
    }
}

TEST_CASE("talking about us comes up as the question of the night only when turned on") {
    const std::vector<Question> deck = shippedDeck();
    const std::vector<const Question*> everyNight = questionsForTheNight(deck);
    const std::vector<const Question*> withUs =
        questionsForTheNight(deck, OptInQuestions::Included);
    const auto optInCount =
        static_cast<std::size_t>(std::count_if(deck.begin(), deck.end(), isOptInQuestion));
    REQUIRE(optInCount > 0);
    CHECK(withUs.size() == deck.size());
    CHECK(everyNight.size() == deck.size() - optInCount);
    CHECK(std::none_of(everyNight.begin(), everyNight.end(),
                       [](const Question* q) { return isOptInQuestion(*q); }));

    SECTION("off by default: a whole cycle, and every \"next\" tonight, stay out of it") {
        const Day start = cycleStart(everyNight.size(), 2);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < everyNight.size(); ++i) {
            const Day day = start + days{static_cast<long>(i)};
            const Question& question = questionForDay(deck, day);
            INFO(formatDay(day) << ": " << question.id);
            CHECK_FALSE(isOptInQuestion(question));
            CHECK(&question == &questionForDay(deck, day, 0, OptInQuestions::Excluded));
            seen.insert(question.id);
        }
        CHECK(seen.size() == everyNight.size());
        const Day tonight = *parseDay("2026-11-22");
        for (int next = 0; next < static_cast<int>(deck.size()) + 3; ++next) {
            CHECK_FALSE(isOptInQuestion(questionForDay(deck, tonight, next)));
            CHECK_FALSE(isOptInQuestion(questionOfTheNight(deck, tonight, next, {})));
        }
    }
    SECTION("turned on, a whole cycle walks through the whole deck, talking about us too") {
        const Day start = cycleStart(deck.size(), 2);
        std::set<std::string> seen;
        std::size_t aboutUs = 0;
        for (std::size_t i = 0; i < deck.size(); ++i) {
            const Question& question = questionForDay(deck, start + days{static_cast<long>(i)}, 0,
                                                      OptInQuestions::Included);
            seen.insert(question.id);
            aboutUs += isOptInQuestion(question) ? 1 : 0;
        }
        CHECK(seen.size() == deck.size());
        CHECK(aboutUs == optInCount);
        const Day tonight = *parseDay("2026-11-22");
        std::set<std::string> tonightAll;
        for (int next = 0; next < static_cast<int>(deck.size()); ++next)
            tonightAll.insert(
                questionOfTheNight(deck, tonight, next, {}, OptInQuestions::Included).id);
        CHECK(tonightAll.size() == deck.size());
    }
    SECTION("without opt-in questions in the deck, turning it on changes nothing") {
        const std::vector<Question> plain = syntheticDeck(37);
        const Day tonight = *parseDay("2026-11-22");
        for (int next = 0; next < 40; ++next)
            CHECK(questionForDay(plain, tonight, next).id ==
                  questionForDay(plain, tonight, next, OptInQuestions::Included).id);
    }
}

TEST_CASE("opt-in questions mixed into a deck follow the same rules as the rest") {
    const std::vector<Question> deck = mixedDeck(30, 7);
    REQUIRE(deck.size() == 37);
    const Day start = cycleStart(30, -2);
    // Off: the nights are those of the same deck without them, night for night.
    std::vector<Question> withoutUs;
    for (const Question& question : deck)
        if (!isOptInQuestion(question)) withoutUs.push_back(question);
    for (long i = 0; i < 90; ++i) {
        const Day day = start + days{i};
        CHECK(questionForDay(deck, day).id == questionForDay(withoutUs, day).id);
    }
    // "A question talked about earlier this cycle does not come back" holds with them on too.
    const Day tonight = cycleStart(37, 5) + days{10};
    const std::string own = questionForDay(deck, tonight, 0, OptInQuestions::Included).id;
    const std::map<std::string, Day, std::less<>> answered{{own, tonight - days{2}}};
    CHECK(questionOfTheNight(deck, tonight, 0, answered, OptInQuestions::Included).id ==
          questionForDay(deck, tonight, 1, OptInQuestions::Included).id);
}

TEST_CASE("a deck of nothing but opt-in questions has no question of the night while it is off") {
    std::vector<Question> deck;
    for (int i = 0; i < 5; ++i)
        deck.push_back({"us-" + std::to_string(i), std::string(optInQuestionCategory), "Us?"});
    CHECK_THROWS_AS(questionForDay(deck, questionDeckEpoch), std::invalid_argument);
    CHECK_THROWS_AS(questionOfTheNight(deck, questionDeckEpoch, 0, {}), std::invalid_argument);
    CHECK(isOptInQuestion(questionForDay(deck, questionDeckEpoch, 0, OptInQuestions::Included)));
    CHECK(isOptInQuestion(
        questionOfTheNight(deck, questionDeckEpoch, 0, {}, OptInQuestions::Included)));
}

TEST_CASE("browsing by category and finding by id") {
    const std::vector<Question> deck = shippedDeck();
    std::size_t total = 0;
    for (std::string_view category : questionCategories) {
        const std::vector<const Question*> questions = questionsInCategory(deck, category);
        CHECK(questions.size() >= 22);
        CHECK(std::all_of(questions.begin(), questions.end(),
                          [&](const Question* q) { return q->category == category; }));
        total += questions.size();
    }
    CHECK(total == deck.size());
    CHECK(questionsInCategory(deck, "spicy").empty());

    const Question* found = findQuestion(deck, "dreams-003");
    REQUIRE(found != nullptr);
    CHECK(found->category == "dreams");
    CHECK(findQuestion(deck, "dreams-999") == nullptr);
}
