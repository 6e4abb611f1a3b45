#include "core/question_deck.hpp"

#include "core/random.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace kindling {

namespace {

// Changing this reshuffles every couple's nights; leave it alone.
constexpr std::uint64_t deckSeed = 0x4B696E646C696E67; // "Kindling" in ASCII

std::int64_t floorDiv(std::int64_t value, std::int64_t divisor) {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

std::int64_t floorMod(std::int64_t value, std::int64_t divisor) {
    return value - floorDiv(value, divisor) * divisor;
}

std::vector<std::size_t> shuffledDeck(std::size_t deckSize, std::int64_t cycle) {
    std::vector<std::size_t> order(deckSize);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Seeds of neighbouring cycles differ by one; hashing the seed first keeps
    // their streams unrelated.
    SplitMix64 rng{SplitMix64{deckSeed + static_cast<std::uint64_t>(cycle)}.next()};
    for (std::size_t i = deckSize; i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng.below(i));
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

// Where offset `offset` lands in the cycle's order, `tonight` being the
// night's own place (see questionForDay in the header).
std::int64_t positionFor(std::int64_t size, std::int64_t tonight, std::int64_t offset) {
    const std::int64_t nightsAhead = size - 1 - tonight;
    const std::int64_t step = floorMod(offset, size);
    if (step > 0 && step <= nightsAhead) return size - step; // the far end of the cycle first
    if (step > nightsAhead) return step - nightsAhead - 1;   // then the nights long past
    return tonight;
}

struct CyclePlace {
    std::int64_t cycle = 0;
    std::int64_t tonight = 0; // the night's place in its cycle
};

CyclePlace cyclePlace(std::size_t deckSize, Day day) {
    const auto size = static_cast<std::int64_t>(deckSize);
    const std::int64_t dayIndex = daysBetween(questionDeckEpoch, day);
    const std::int64_t cycle = floorDiv(dayIndex, size);
    return {cycle, dayIndex - cycle * size};
}

std::vector<const Question*> requireQuestions(const std::vector<Question>& deck,
                                              OptInQuestions optIn) {
    if (deck.empty()) throw std::invalid_argument("the question deck is empty");
    std::vector<const Question*> pool = questionsForTheNight(deck, optIn);
    if (pool.empty()) throw std::invalid_argument("the question deck holds only opt-in questions");
    return pool;
}

} // namespace

std::vector<std::size_t> questionDeckOrder(std::size_t deckSize, std::int64_t cycle) {
    std::vector<std::size_t> order = shuffledDeck(deckSize, cycle);
    // The first night of a cycle must not repeat the last night of the one before.
    // Moving it to the middle never touches the last place (deckSize >= 3), so the
    // previous cycle's last night is that of its plain shuffle: no recursion.
    if (deckSize >= 3 && order.front() == shuffledDeck(deckSize, cycle - 1).back()) {
        std::swap(order.front(), order[deckSize / 2]);
    }
    return order;
}

std::vector<const Question*> questionsForTheNight(const std::vector<Question>& deck,
                                                  OptInQuestions optIn) {
    std::vector<const Question*> pool;
    pool.reserve(deck.size());
    for (const Question& question : deck)
        if (optIn == OptInQuestions::Included || !isOptInQuestion(question))
            pool.push_back(&question);
    return pool;
}

const Question& questionForDay(const std::vector<Question>& deck, Day day, int offset,
                               OptInQuestions optIn) {
    const std::vector<const Question*> pool = requireQuestions(deck, optIn);
    const CyclePlace place = cyclePlace(pool.size(), day);
    const std::vector<std::size_t> order = questionDeckOrder(pool.size(), place.cycle);
    const auto size = static_cast<std::int64_t>(pool.size());
    return *pool[order[static_cast<std::size_t>(positionFor(size, place.tonight, offset))]];
}

const Question& questionOfTheNight(const std::vector<Question>& deck, Day day, int nextTonight,
                                   const std::map<std::string, Day, std::less<>>& answered,
                                   OptInQuestions optIn) {
    const std::vector<const Question*> pool = requireQuestions(deck, optIn);
    const CyclePlace place = cyclePlace(pool.size(), day);
    const Day cycleStart = day - days{place.tonight};
    const std::vector<std::size_t> order = questionDeckOrder(pool.size(), place.cycle);
    const auto size = static_cast<std::int64_t>(pool.size());
    std::vector<const Question*> rest;
    for (std::int64_t offset = 0; offset < size; ++offset) {
        const Question& question =
            *pool[order[static_cast<std::size_t>(positionFor(size, place.tonight, offset))]];
        const auto found = answered.find(question.id);
        const bool earlierThisCycle =
            found != answered.end() && found->second >= cycleStart && found->second < day;
        if (!earlierThisCycle) rest.push_back(&question);
    }
    if (rest.empty()) return questionForDay(deck, day, nextTonight, optIn);
    const auto count = static_cast<std::int64_t>(rest.size());
    return *rest[static_cast<std::size_t>(floorMod(nextTonight, count))];
}

std::vector<const Question*> questionsInCategory(const std::vector<Question>& deck,
                                                 std::string_view category) {
    std::vector<const Question*> matching;
    for (const Question& question : deck) {
        if (question.category == category) matching.push_back(&question);
    }
    return matching;
}

const Question* findQuestion(const std::vector<Question>& deck, std::string_view id) {
    const auto found = std::find_if(deck.begin(), deck.end(),
                                    [&](const Question& question) { return question.id == id; });
    return found == deck.end() ? nullptr : &*found;
}

} // namespace kindling
