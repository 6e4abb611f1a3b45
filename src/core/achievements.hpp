#pragma once
// Achievements (docs/scoring.md §8): badges defined as data in
// assets/achievements.json, unlocked by rules evaluated over the history. The
// unlock date is the first day the rule held, computed from the history, so the
// same history always gives the same badges on the same dates (undo and import
// included).
//
// Rule kinds ("rule": {"kind": ..., "n": ...}):
//   first_log           the first log of any ritual
//   connection_streak   a connection streak run of n days (n >= 1)
//   ritual_logs         n logs of one ritual
//   total_logs          n logs in all
//   all_areas           at least one logged ritual in every area
//   both_same_day       n days on which both partners logged
//   goals_completed     n completed goal instances
//   welcome_back        a log after a break (see welcomeBackDays)
//   questions_answered  n logs of the ritual whose catalogId is
//                       "question-of-the-night" (a `Both` log is one answer)
//   level               reaching level n
// first_log, all_areas and welcome_back take no n.

#include "core/assets.hpp"
#include "core/date.hpp"
#include "core/derived.hpp"
#include "core/goals.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

enum class AchievementKind : std::uint8_t {
    FirstLog,
    ConnectionStreak,
    RitualLogs,
    TotalLogs,
    AllAreas,
    BothSameDay,
    GoalsCompleted,
    WelcomeBack,
    QuestionsAnswered,
    Level,
};

// JSON names, in AchievementKind order.
inline constexpr std::array<std::string_view, 10> achievementKindNames{
    "first_log",     "connection_streak", "ritual_logs",  "total_logs",         "all_areas",
    "both_same_day", "goals_completed",   "welcome_back", "questions_answered", "level"};
std::string_view achievementKindName(AchievementKind kind);
std::optional<AchievementKind> achievementKindFromName(std::string_view name);
// Whether the rule reads "n".
bool achievementKindTakesCount(AchievementKind kind);

struct AchievementRule {
    AchievementKind kind = AchievementKind::FirstLog;
    int n = 1; // 1 for kinds that take no count
    bool operator==(const AchievementRule&) const = default;
};

struct AchievementDefinition {
    std::string id; // stable slug: unlocks and shown celebrations refer to it
    std::string name;
    std::string description; // what it celebrates
    std::string icon;        // Font Awesome 4.7 name known to core/icons.hpp
    std::string hint;        // how to earn it, shown while locked; warm, never shaming
    AchievementRule rule;
    bool operator==(const AchievementDefinition&) const = default;
};

// Validates like the other assets (unique slug ids, known kinds, n >= 1 where
// it is read, known icons, no empty text) and throws AssetError naming the
// entry and the field.
std::vector<AchievementDefinition> parseAchievements(std::string_view json);
std::vector<AchievementDefinition> parseAchievements(std::istream& in);

struct AchievementStatus {
    AchievementDefinition definition;
    bool unlocked = false;
    std::optional<Day> unlockedOn;
    // Towards the rule as of asOf, capped at target: "7 of 10" on a locked badge.
    int progress = 0;
    int target = 1;
    bool operator==(const AchievementStatus&) const = default;
};

// A break is at least this many days without any log that no pause covers.
inline constexpr int welcomeBackBreakDays = 7;

// Days (ascending, up to asOf) of a log that came after a break: between it and
// the previous logged day lie at least welcomeBackBreakDays days that have no
// log and lie in no pause. The very first log is a start, not a return.
// `tally`: the logs as of that day (DerivedState::tally).
std::vector<Day> welcomeBackDays(const History& history, const ProgressTally& tally);
// The same, counting the history's logs as of asOf.
std::vector<Day> welcomeBackDays(const History& history, Day asOf);

// One status per definition, in definition order, as of derived.asOf (whose
// tally, logs and connection runs are read). `xp` and `goals` as of the same
// day; `levels` for the level rule (a level the ladder does not have stays
// locked).
std::vector<AchievementStatus>
evaluateAchievements(const std::vector<AchievementDefinition>& definitions, const History& history,
                     const DerivedState& derived, const std::vector<GoalProgress>& goals,
                     const XpLedger& xp, const std::vector<Level>& levels);

} // namespace kindling
