#pragma once
// Every number the couple sees, derived from the history as of one day.
// Recomputing everything is cheap enough for start-up; after one command only
// what it touched is recomputed (updateDerived), never years of every ritual.
// README "Performance" has the numbers.

#include "core/change_set.hpp"
#include "core/connection_streak.hpp"
#include "core/model.hpp"
#include "core/progress_tally.hpp"
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
    // recomputes the ritual from here, and the badges read a ritual's logs
    // from here, so none of them reads every log of the history again.
    LogsByRitual logsByRitual;
    // What XP, goals and badges count (progress_tally.hpp): patched log by
    // log, counted again when a ritual or a goal changes.
    ProgressTally tally;
};

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

// After `rows` were applied to `history` (applyToHistory), brings `state` up to
// date with it, recomputing only what they can move: a log its ritual's series
// and its share of the tally (updateLogs), a skip its ritual's series, a
// ritual its series and the whole tally, a goal the whole tally; the settings,
// a pause or a change of many rows everything (deriveAll). What
// Session::apply calls; docs/architecture.md §4 has the table.
void updateDerived(DerivedState& state, const History& history, const ChangeRows& rows);

// After a command that touched only `ritualId` (an edit, a skip), brings
// `state` up to date with `history` without recomputing the other rituals'
// series. It reads every log once to find the ritual's own, and counts the
// tally again: an edit can change what the ritual's logs weigh.
void updateRitual(DerivedState& state, const History& history, const std::string& ritualId);

// The same after logs were logged or unlogged: `removed` were erased from
// history.logs and then `added` were appended at its end. Only the rituals of
// those logs are recomputed, from the state's own copy of their logs, and the
// tally is patched for each log, so the history's other logs are never read:
// one log's update stays well under a millisecond with ninety thousand logs
// (README "Performance"). A removed log the state does not know falls back to
// updateRitual.
void updateLogs(DerivedState& state, const History& history, const std::vector<Log>& added,
                const std::vector<Log>& removed);

// Strength mean over the active rituals (docs/scoring.md §5).
double meanStrength(const DerivedState& state, const History& history);

} // namespace kindling
