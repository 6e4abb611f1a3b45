#pragma once
// Every number the couple sees, derived from the history as of one day.
// Recomputing everything is cheap enough for start-up; after one command only
// the touched ritual is recomputed (updateRitual), never years of every ritual.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/connection_streak.hpp"
#include "core/model.hpp"
#include "core/scoring.hpp"

namespace kindling {

// One ritual's series (scoring.md "Inputs for one series").
struct RitualStats {
    SeriesResult couple;                            // together: every log; each: days both logged
    std::optional<std::array<SeriesResult, 2>> partners; // `each` rituals only
    int totalLogs = 0;
};

struct DerivedState {
    Day asOf;
    std::map<std::string, RitualStats, std::less<>> rituals; // by ritual id
    ConnectionStreak connection;
    double coupleStrength = 0.0; // mean strength of the active (not archived) rituals
    // Days on which at least one log exists, with how many logs: the connection
    // streak's input, kept up to date incrementally.
    std::map<Day, int> logsPerDay;
};

// The series inputs of one ritual: couple and, for `each`, the two partners.
// Skips and pauses are skipped days of every series (product.md: neither breaks
// a streak). For `each` measured rituals the couple's amount on a day is the
// smaller of the partners' amounts: the level both reached.
struct RitualSeriesInputs {
    SeriesInput couple;
    std::optional<std::array<SeriesInput, 2>> partners;
    int totalLogs = 0;
};
RitualSeriesInputs seriesInputsFor(const History& history, const Ritual& ritual);

DerivedState deriveAll(const History& history, Day asOf);

// After a command that touched only `ritualId` (a log, an undo, a skip), brings
// `state` up to date with `history` without recomputing the other rituals.
void updateRitual(DerivedState& state, const History& history, const std::string& ritualId);

// Strength mean over the active rituals (scoring.md §4).
double meanStrength(const DerivedState& state, const History& history);

} // namespace kindling
