#pragma once
// What XP, goals and badges count (docs/scoring.md §6–§8), tallied per day.
// The derived state keeps one (derived.hpp): a log or its undo patches it
// (tallyLog), and only what changes what the logs weigh (a ritual's mode,
// area or catalog id, a goal's scope) counts every log again (countProgress).
// So one log's XP, goals and badges never read the whole history.

#include "core/date.hpp"
#include "core/model.hpp"

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kindling {

// One log as the derived state keeps it: what its numbers depend on.
struct LoggedDay {
    Day day;
    Who who = Who::Both;
    std::optional<double> amount;
};

// Every log by its ritual id, ascending by day (DerivedState::logsByRitual).
using LogsByRitual = std::map<std::string, std::vector<LoggedDay>, std::less<>>;

// The logs of one day.
struct DayCount {
    int logs = 0;
    int together = 0;  // of `together` rituals: +5 XP each (§6)
    int questions = 0; // of the question-of-the-night ritual (§8)
    // The logs that count for partner 1 and for partner 2, a `both` log for
    // each: a day with both above 0 is a day on which both partners logged.
    std::array<int, 2> partners{};
    bool operator==(const DayCount&) const = default;
};

// Ascending by day; a day with nothing to count is left out.
template <class Count> using ByDay = std::vector<std::pair<Day, Count>>;

struct ProgressTally {
    Day asOf;
    ByDay<DayCount> perDay; // the logs on or before asOf
    // One per goal of history.goals, in its order: the goal's matching logs
    // per day, on or before asOf, a `both` log of an `each` ritual counting 2
    // (§7.2). The goal's periods and target are read when its progress is.
    std::vector<ByDay<int>> goals;
    bool operator==(const ProgressTally&) const = default;
};

// Every log of `logs` on or before asOf, counted for the history's rituals
// and goals; `logsPerDay`: how many logs each day has (DerivedState::
// logsPerDay). A log of a ritual the history does not have counts as a log
// (10 XP, every total) and for "any" goals only.
ProgressTally countProgress(const History& history, const LogsByRitual& logs,
                            const std::map<Day, int>& logsPerDay, Day asOf);

// One log of `ritualId` counted in (`sign` 1) or out (-1), with the history's
// ritual and goals as they are now.
void tallyLog(ProgressTally& tally, const History& history, std::string_view ritualId,
              const LoggedDay& log, int sign);

} // namespace kindling
