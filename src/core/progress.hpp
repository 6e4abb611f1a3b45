#pragma once
// XP and levels (docs/scoring.md §6). XP is a pure function of the
// history as of one day, so undo and import always agree with what the couple
// sees; nothing ever subtracts XP, and a missed day simply earns nothing.
//
// How XP is earned (our decisions):
//
//   | what                                                    | XP          |
//   |---------------------------------------------------------|-------------|
//   | each log                                                | 10          |
//   | a log of a `together` ritual (doing it together)        | +5          |
//   | a day on which both partners logged (a `Both` log, or   | +10 per day |
//   |   partner 1 and partner 2 each logged something)        |             |
//   | a connection streak run reaching 7 days                 | +50         |
//   |                           ... reaching 30 days          | +150        |
//   |                           ... reaching 100 days         | +400        |
//   |                           ... reaching 365 days         | +1000       |
//   | each completed goal instance (goals.hpp)                | +100        |
//
// - Streak milestones are earned once per run: a run of 30 days earns the 7- and
//   the 30-day bonus; a later run earns them again when it gets there.
// - XP never goes down (docs/scoring.md §6.3): whatever an edit of the past
//   takes away (a log deleted, two runs joined by a forgotten day, a goal made
//   harder) is kept as "kept" XP, dated on the day of the edit, so every bonus
//   once earned stays earned. The app keeps those amounts (app/session.hpp);
//   here they are added to the ledger like any other gain.
// - Logs after asOf do not exist yet. Logs of archived rituals count; a log
//   whose ritual is unknown earns the 10 XP of a log and nothing more.
// - Every bonus is dated: a log on its day, a milestone on the day the run
//   reached that length, a goal on its completedOn. Summing XP up to a day gives
//   the XP as of that day, which dates level-ups and the "level" achievement.

#include "core/assets.hpp"
#include "core/connection_streak.hpp"
#include "core/date.hpp"
#include "core/goals.hpp"
#include "core/model.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

inline constexpr std::int64_t xpPerLog = 10;
inline constexpr std::int64_t xpTogetherBonus = 5;
inline constexpr std::int64_t xpBothSameDay = 10;
inline constexpr std::int64_t xpPerGoalCompleted = 100;

struct StreakMilestone {
    int days = 0;
    std::int64_t xp = 0;
};
// Connection streak milestones: celebrated and rewarded once per run.
inline constexpr std::array connectionStreakMilestones{
    StreakMilestone{7, 50}, StreakMilestone{30, 150}, StreakMilestone{100, 400},
    StreakMilestone{365, 1000}};

struct XpBreakdown {
    std::int64_t logs = 0;
    std::int64_t together = 0;
    std::int64_t bothSameDay = 0;
    std::int64_t streakMilestones = 0;
    std::int64_t goals = 0;
    std::int64_t kept = 0; // earned before and kept through an edit of the past (§6.3)

    std::int64_t total() const {
        return logs + together + bothSameDay + streakMilestones + goals + kept;
    }
    bool operator==(const XpBreakdown&) const = default;
};

struct XpGain {
    Day day;
    std::int64_t xp = 0;
    bool operator==(const XpGain&) const = default;
};

// What a change took away, by kind of bonus: what `after` has less of than
// `before`, added up (kept XP itself is not counted). 0 when nothing was lost.
std::int64_t xpLost(const XpBreakdown& before, const XpBreakdown& after);

struct XpLedger {
    XpBreakdown breakdown;
    std::vector<XpGain> byDay;       // ascending, one entry per day that earned XP
    std::vector<Day> bothLoggedDays; // ascending: days on which both partners logged
    bool operator==(const XpLedger&) const = default;
};

// Adds the kept gains dated up to the ledger's day to `ledger`.
void addKeptXp(XpLedger& ledger, const std::vector<XpGain>& kept, Day asOf);

// `tally`: the logs as of the day to compute (DerivedState::tally).
// `runs`: the connection streak's runs as of that day (ConnectionStreak::runs).
// `goals`: computeGoalProgress as of the same day.
XpLedger computeXp(const ProgressTally& tally, const std::vector<ConnectionRun>& runs,
                   const std::vector<GoalProgress>& goals);
// The same, counting the history's logs as of asOf.
XpLedger computeXp(const History& history, const std::vector<ConnectionRun>& runs,
                   const std::vector<GoalProgress>& goals, Day asOf);

// The first day on which the XP earned so far reached `xp`; nullopt if never.
std::optional<Day> dayXpReached(const XpLedger& ledger, std::int64_t xp);

struct LevelStatus {
    int number = 0; // 0 only when there are no levels at all
    std::string name;
    std::int64_t xp = 0;
    std::int64_t xpIntoLevel = 0;    // xp minus what this level needs
    std::int64_t xpForNextLevel = 0; // the whole span of this level (next minus this); 0 at the top
    bool topLevel = false;
    bool operator==(const LevelStatus&) const = default;
};

// `levels` as parseLevels returns them: ordered, levels[0] needs 0 XP. The
// progress bar is xpIntoLevel / xpForNextLevel.
LevelStatus levelFor(std::int64_t xp, const std::vector<Level>& levels);

struct LevelReached {
    int number = 0;
    std::string name;
    std::string description;
    Day day; // the first day the XP reached it
    bool operator==(const LevelReached&) const = default;
};

// Levels above the first that the ledger reached, in order.
std::vector<LevelReached> levelsReached(const XpLedger& ledger, const std::vector<Level>& levels);

} // namespace kindling
