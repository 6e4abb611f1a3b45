#pragma once
// The question of the night (docs/product.md §3.10). Stateless: the
// question is a pure function of the deck and the date, so both partners, the
// CLI and a restored backup all agree on tonight's question without storing it.
//
// Days are counted from questionDeckEpoch and cut into cycles of deck.size()
// days. Each cycle walks through its own shuffle of the deck, one question per
// day, so no question repeats until the whole deck has been seen, and the next
// cycle brings a fresh order. The shuffle uses our own PRNG and Fisher-Yates,
// never <random>, so the order is the same with every standard library.
//
// The order depends on the deck's size and its order: shipping new questions
// reshuffles the days to come (past days are not stored, so nothing breaks).
//
// The nights draw from the deck without its opt-in category ("Talking about
// us", core/assets.hpp) unless the couple turned it on: `OptInQuestions`
// below, off by default. Turning it on or off changes the nights' pool, so it
// reshuffles the days to come like a new deck would.

#include "core/assets.hpp"
#include "core/date.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

inline constexpr Day questionDeckEpoch{std::chrono::year{2024} / std::chrono::January / 1};

// Whether the question of the night may be one of the opt-in category's.
enum class OptInQuestions { Excluded, Included };

// The questions the nights walk through, in deck order: the whole deck, or the
// deck without the opt-in category. The pointers point into `deck`.
std::vector<const Question*> questionsForTheNight(const std::vector<Question>& deck,
                                                  OptInQuestions optIn = OptInQuestions::Excluded);

// The permutation of [0, deckSize) that `cycle` walks through (cycles before the
// epoch are negative). For decks of 3 or more, a cycle's first night never
// repeats the previous cycle's last night.
std::vector<std::size_t> questionDeckOrder(std::size_t deckSize, std::int64_t cycle);

// Tonight's question; `offset` counts how often the couple asked for another one.
//
// Offset 0 is the day's own question. Offsets 1, 2, ... take questions from the
// far end of the current cycle first (the ones due furthest in the future), then
// the ones whose night passed longest ago. So offsets 0 .. size - 1 give every
// question exactly once, and an offset n wraps around to offset n % size, size
// being that of questionsForTheNight(deck, optIn): cycles are that long too.
// A question shown through "next" is still due on its own night later in the
// cycle, where it comes up again; taking it from the far end keeps that repeat
// as late as possible.
//
// Precondition: the nights have questions to draw from (throws
// std::invalid_argument otherwise).
const Question& questionForDay(const std::vector<Question>& deck, Day day, int offset = 0,
                               OptInQuestions optIn = OptInQuestions::Excluded);

// Tonight's question once the couple's marks count; the Questions screen and
// the Today card both show this one (our rule):
// - walk questionForDay's offsets 0, 1, 2 … for `day`;
// - pass over the questions `answered` (question id -> the day it was last
//   talked about) dates on an earlier night of this cycle: a question met
//   through "next" does not come back on its own night;
// - take the `nextTonight`-th of the rest, where nextTonight counts how often
//   the couple pressed "next" tonight (wrapping around the rest).
// A question answered tonight stays tonight's question. When every question
// was answered earlier in the cycle, it is questionForDay(deck, day, nextTonight).
// Precondition: as questionForDay's.
const Question& questionOfTheNight(const std::vector<Question>& deck, Day day, int nextTonight,
                                   const std::map<std::string, Day, std::less<>>& answered,
                                   OptInQuestions optIn = OptInQuestions::Excluded);

// The questions of one category, in deck order, for browsing (the opt-in
// category too: browsing it is the couple's own choice). The pointers point
// into `deck`.
std::vector<const Question*> questionsInCategory(const std::vector<Question>& deck,
                                                 std::string_view category);

// nullptr when no question has this id (a favourite from an older deck, say).
const Question* findQuestion(const std::vector<Question>& deck, std::string_view id);

} // namespace kindling
