#pragma once
// The couple's connection streak and its streak freezes (docs/scoring.md §4,
// Kindling's own rules).

#include "core/date.hpp"

#include <optional>
#include <vector>

namespace kindling {

// A pause for all rituals, both ends included.
struct PauseSpan {
    Day first;
    Day last;
};

struct ConnectionRun {
    Day start;
    Day end;
    int length = 0; // calendar days, paused and frozen days included
    bool operator==(const ConnectionRun&) const = default;
};

struct ConnectionStreak {
    std::optional<ConnectionRun> current;
    std::optional<ConnectionRun> best; // longest; on equal length the later one
    int freezesBanked = 0;             // as of asOf, 0..maxBankedFreezes
    std::vector<Day> frozenDays;       // ascending: missed days a freeze covered
    // Every run, oldest first, the current one included and last. Never past
    // asOf. XP, achievements and celebrations read streak milestones from here.
    std::vector<ConnectionRun> runs;
};

inline constexpr int loggedDaysPerFreeze = 7;
inline constexpr int maxBankedFreezes = 2;
// A new couple's safety net (docs/scoring.md §4.3): the couple's first run
// starts with this many freezes banked.
inline constexpr int starterFreezes = 1;

// loggedDays: ascending days on which anyone logged any ritual (repeats are
// ignored). pauses: in any order, may overlap. Days after asOf are ignored.
//
// Rules (our decisions, stated in docs/scoring.md §4):
// - A day counts when it has a log or lies in a pause. The walk starts on the
//   first logged day: a pause before the couple ever logged keeps nothing alive.
// - One freeze is earned for every 7 logged days of the current streak (paused
//   and frozen days keep it alive and add to its length but earn nothing); at
//   most 2 are banked and a freeze earned with a full bank is lost.
// - A missed day other than asOf, inside a streak, uses a banked freeze; with
//   none banked the streak breaks. Freezes are never taken away otherwise, and
//   a new streak earns from zero again (7 logged days of its own).
// - asOf is still open: missing it neither breaks the streak nor uses a freeze,
//   and the streak that ended the day before is still current.
// - The safety net for a new couple: their first run starts with one freeze
//   banked (before the first log too), so a quiet day in the first week does
//   not end it. Unused by that run's 7th logged day, it is that day's freeze:
//   the 7th logged day banks none of its own, so after the first week the bank
//   holds what it would have held anyway.
ConnectionStreak computeConnectionStreak(const std::vector<Day>& loggedDays,
                                         const std::vector<PauseSpan>& pauses, Day asOf);

} // namespace kindling
