#pragma once
// Shared goals (docs/scoring.md §7): how far each period of each goal
// has come, as of one day. A pure function of the history, like XP: the
// history of completed goals, their XP and their celebrations all come from it.
//
// Rules (our decisions):
// - Instances (periods) of a goal:
//     Week        the week (Settings::weekStart) containing goal.start
//     Month       the calendar month containing goal.start
//     Custom      [goal.start, goal.end]; none when end is before start
//     EveryWeek   every week from the one containing goal.start through the
//                 one containing asOf (none while goal.start is after asOf)
//     EveryMonth  the same, month by month
//   A Week, Month or Custom goal set for later still has its one instance, at 0.
// - Progress of an instance = the matching logs dated inside it and on or before
//   asOf. Scope Ritual: logs of goal.ritualId; Area: logs of the rituals of
//   goal.area (archived ones too); Any: every log.
// - A `Both` log of an `each` ritual counts 2 (two people did it); every other
//   log counts 1, a `Both` log of a `together` ritual included.
// - Completed when progress >= target; completedOn = the day the target was
//   reached. A target below 1 is read as 1.
// - An archived goal keeps what it reached up to goal.archivedOn and stops
//   there: no instance starts after that day and no later log counts, so an
//   archived repeating goal earns no more instances, XP or celebrations. What
//   the couple achieved stays theirs. A restored goal (archivedOn cleared)
//   counts as if it had never been archived.

#include "core/date.hpp"
#include "core/model.hpp"
#include "core/progress_tally.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

struct GoalProgress {
    std::string goalId;
    std::string title; // the goal's title, for history lists and celebrations
    Day start;
    Day end; // inclusive
    int progress = 0;
    int target = 1;
    bool completed = false;
    std::optional<Day> completedOn;
    bool operator==(const GoalProgress&) const = default;
};

// The periods of one goal, oldest first, with their progress.
std::vector<GoalProgress> goalInstances(const History& history, const Goal& goal, Day asOf);

// Every instance of every goal: goals in history order, each goal's instances
// oldest first, read from the tally's days (DerivedState::tally), as of its
// asOf; the history's settings give the week start.
std::vector<GoalProgress> computeGoalProgress(const History& history, const ProgressTally& tally);
// The same, counting the history's logs as of asOf.
std::vector<GoalProgress> computeGoalProgress(const History& history, Day asOf);

// The instance of `goalId` the couple is working on as of asOf: the one
// containing asOf; otherwise the latest that has already started; otherwise
// the first one still to come. nullptr when the goal has no instance.
const GoalProgress* currentGoalInstance(const std::vector<GoalProgress>& progress,
                                        std::string_view goalId, Day asOf);

} // namespace kindling
