#pragma once
// Every number the couple sees, derived from the history as of one day.
// Recomputing everything is cheap enough for start-up; after one command only
// the touched ritual is recomputed (updateLogs, updateRitual), never years of
// every ritual. README "Performance" has the numbers.

#include "core/connection_streak.hpp"
#include "core/goals.hpp"
#include "core/model.hpp"
#include "core/scoring.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kindling {

// One ritual's series (docs/scoring.md §0.4).
struct RitualStats {
    SeriesResult couple; // together: every log; each: days both logged
    std::optional<std::array<SeriesResult, 2>> partners; // `each` rituals only
    int totalLogs = 0;
};

// One log as the derived state keeps it: what its numbers depend on.
struct LoggedDay {
    Day day;
    Who who = Who::Both;
    std::optional<double> amount;
};

struct DerivedState {
    Day asOf;
    std::map<std::string, RitualStats, std::less<>> rituals; // by ritual id
    ConnectionStreak connection;
    double coupleStrength = 0.0; // mean strength of the active (not archived) rituals
    // Days on which at least one log exists, with how many logs: the connection
    // streak's input, kept up to date incrementally.
    std::map<Day, int> logsPerDay;
    // Every log by its ritual id (a ritual no longer in the history included),
    // ascending by day and in history order within a day. A change to one
    // ritual's logs replaces its share of logsPerDay from here, updateLogs
    // recomputes the ritual from here, and progress reads the logs from here
    // (resolvedLogs), so none of them reads every log of the history again.
    std::map<std::string, std::vector<LoggedDay>, std::less<>> logsByRitual;
};

// The logs on or before state.asOf, from the state's own copy: the same logs
// resolveLogs(history, state.asOf) gives, grouped by ritual rather than in
// history order, without a lookup per log. `state` must be up to date with
// `history`.
ResolvedLogs resolvedLogs(const DerivedState& state, const History& history);

// The series inputs of one ritual: couple and, for `each`, the two partners.
// Skips and pauses are skipped days of every series (docs/scoring.md §0.5: neither breaks
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
// `state` up to date with `history` without recomputing the other rituals. It
// reads every log once to find the ritual's own.
void updateRitual(DerivedState& state, const History& history, const std::string& ritualId);

// The same after logs were logged or unlogged: `removed` were erased from
// history.logs and then `added` were appended at its end. Only the rituals of
// those logs are recomputed, from the state's own copy of their logs, so the
// history's other logs are never read: one log's update stays well under a
// millisecond with ninety thousand logs (README "Performance"). A removed log
// the state does not know falls back to updateRitual.
void updateLogs(DerivedState& state, const History& history, const std::vector<Log>& added,
                const std::vector<Log>& removed);

// Strength mean over the active rituals (docs/scoring.md §5).
double meanStrength(const DerivedState& state, const History& history);

} // namespace kindling
