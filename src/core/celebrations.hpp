#pragma once
// What the app celebrates (docs/scoring.md §9), and the one snapshot of
// progress the app computes after deriveAll/updateRitual.
//
// Every milestone ever reached is listed from the history alone, each under a
// stable key; a celebration is a milestone that is new after an action and has
// not been shown yet. Because keys come from the history, undoing a log and
// logging it again gives the same keys, and the app's set of shown keys keeps
// the moment from being celebrated twice.
//
// Keys:
//   level:<n>                                   a level above the first reached
//   achievement:<id>                            a badge unlocked
//   goal:<goalId>:<instanceStart>               a goal instance completed
//   streak:<n>:<runStart>                       a connection run reaching 7/30/100/365 days
//   ritual-streak:<ritualId>:<n>:<streakStart>  a ritual's couple streak reaching 30/100/365
//   welcome-back:<day>                          a log after a break (achievements.hpp)
// Days are written YYYY-MM-DD.
//
// Order (our decision): by the day the milestone was reached, oldest first;
// on the same day the smaller moments come first and the biggest last, so a
// queue of celebrations builds up to its finale: welcome back, badges, ritual
// streaks, goals, connection streaks, then a new level.

#include "core/achievements.hpp"
#include "core/assets.hpp"
#include "core/connection_streak.hpp"
#include "core/date.hpp"
#include "core/derived.hpp"
#include "core/goals.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"
#include "core/scoring.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kindling {

// A ritual's couple streak is celebrated when it reaches these lengths.
inline constexpr std::array ritualStreakMilestones{30, 100, 365};

struct RitualStreakInfo {
    std::string ritualId;
    std::string ritualName;
    int currentLength = 0;
    int bestLength = 0;
    // Oldest first: the streaks that reached ritualStreakMilestones[0] days.
    std::vector<Streak> longStreaks;
    bool operator==(const RitualStreakInfo&) const = default;
};

struct Milestone {
    enum class Kind : std::uint8_t {
        StreakMilestone,
        RitualStreakMilestone,
        GoalCompleted,
        LevelUp,
        Achievement,
        WelcomeBack,
    };
    std::string key;
    Kind kind = Kind::Achievement;
    std::string headline; // "30 days of connection", "You reached Flame"
    std::string detail;   // one or two warm sentences
    Day day;              // the day it was reached
    // Streak kinds: the whole streak. Logging an earlier day moves a streak's
    // start (and so its key); a milestone already shown for a key dated inside
    // this span is the same moment and is not celebrated again.
    std::optional<std::pair<Day, Day>> span;
    bool operator==(const Milestone&) const = default;
};

struct ProgressSnapshot {
    Day asOf;
    XpLedger xp; // xp.breakdown.total() is the couple's XP
    LevelStatus level;
    std::vector<LevelReached> levelsReached;
    std::vector<GoalProgress> goals; // every instance, see goals.hpp
    std::vector<AchievementStatus> achievements;
    std::vector<ConnectionRun> connectionRuns; // oldest first
    std::vector<RitualStreakInfo> ritualStreaks;
    std::vector<Day> welcomeBacks; // ascending
    // Every milestone reached, in celebration order: milestonesOf(*this),
    // built once per snapshot.
    std::vector<Milestone> milestones;
    bool operator==(const ProgressSnapshot&) const = default;
};

// Everything above as of derived.asOf. `derived` must be up to date with
// `history` (deriveAll, or updateDerived after a command): XP, goals and
// badges are read from its tally, never from every log.
// `keptXp`: XP earned before and kept through edits of the past
// (progress.hpp, docs/scoring.md §6.3), added to the ledger before levels and
// badges are read from it.
ProgressSnapshot computeProgress(const History& history, const DerivedState& derived,
                                 const std::vector<Level>& levels,
                                 const std::vector<AchievementDefinition>& achievements,
                                 const std::vector<XpGain>& keptXp = {});

// Every milestone reached in the history, in celebration order (see above),
// built from the snapshot's other fields. A snapshot keeps its own
// (ProgressSnapshot::milestones).
std::vector<Milestone> milestonesOf(const ProgressSnapshot& snapshot);

// Milestones of `after` that `before` did not have and that were not shown
// yet, in celebration order, from the snapshots' own lists. Milestones that an undo took away are
// not reported; when the same log comes back its keys are the same as before.
std::vector<Milestone> newCelebrations(const ProgressSnapshot& before,
                                       const ProgressSnapshot& after,
                                       const std::set<std::string>& alreadyShown);

// A milestone reached through what the other computer wrote names who logged
// it (docs/sync.md "Applying"): the sentence added to its detail, from the
// logs that arrived on the milestone's day (or every log that arrived, when
// none is of that day). Empty when no log arrived.
std::string arrivedWith(const Milestone& milestone, const std::vector<Log>& arrived,
                        const Couple& couple);

} // namespace kindling
