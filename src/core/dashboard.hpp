#pragma once
// What the Dashboard shows (docs/product.md §4.3), derived once from the
// history so that drawing a frame does no history work: the connection streak,
// the level, each ritual's streak and strength, a year calendar, this week per
// partner, strength trends, the balance across areas and the active goals.
//
// Rules (our decisions):
// - The calendar has heatmapWeeks columns of 7 days; columns are weeks that
//   start on Settings::weekStart, and the last column holds asOf. Days after
//   asOf are `future`.
// - Overall calendar: a day's value is its number of logs divided by the most
//   logs on any day of the calendar (0 when there are none).
// - A chosen ritual's calendar: value 1 on a day the couple kept it with a log
//   (an `each` ritual: both partners logged), 0.5 when one partner of an `each`
//   ritual logged, 0.35 on a day kept by its schedule without a log
//   (docs/scoring.md §1.4 "kept (auto)"). Measured "at least": amount / target, at
//   most 1 (1 when the target is 0); measured "at most": 1 within the limit,
//   0.5 above it (never a "failed" mark).
// - Freezes and pauses are marked in both calendars; skips and a weekday
//   ritual's days off in the chosen ritual's calendar.
// - Rituals: the active ones in their order. A ritual's strength is shown as
//   how settled it is in the couple's days, never against an earlier value
//   (docs/product.md §4.3). Rituals that are never due (docs/scoring.md §3.7)
//   show how often they happened instead, and stay out of the couple's trend.
// - This week is the couple's week: what the two of you did each day, never
//   one partner's count beside the other's (docs/product.md §1.3). Who did
//   what is there for a day's tooltip.
// - Trend: strength sampled every 7 days ending on asOf, over the last 52
//   weeks but not before the first log; with fewer than trendMinWeeklySamples
//   weekly samples it is sampled daily. The couple's line is the mean of the
//   active rituals (docs/scoring.md §5), so its last point is coupleStrength.
// - Balance: logs per area over the last balanceDays days, asOf included;
//   logs of archived rituals count in their area.
// - Goals: the current instance (currentGoalInstance) of every goal that is
//   not archived and whose instance has not ended before asOf.

#include "core/assets.hpp"
#include "core/celebrations.hpp"
#include "core/connection_streak.hpp"
#include "core/date.hpp"
#include "core/derived.hpp"
#include "core/model.hpp"
#include "core/progress.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kindling {

inline constexpr int heatmapWeeks = 53;
inline constexpr int balanceDays = 30;
inline constexpr int trendWeeks = 52;
inline constexpr int trendMinWeeklySamples = 8;

struct HeatmapCell {
    Day day;
    int logs = 0;                   // logs that day: of the chosen ritual, or of every ritual
    int rituals = 0;                // different rituals logged that day
    double amount = 0.0;            // chosen measured ritual: the sum logged
    std::array<bool, 2> partners{}; // who logged (a Both log counts for both)
    double value = 0.0;             // 0..1, how full the day is drawn
    bool kept = false;              // chosen ritual: kept by its schedule without a log
    bool skipped = false;           // chosen ritual: skipped that day
    bool dayOff = false;            // chosen weekday ritual: not one of its days
    bool paused = false;
    bool frozen = false; // a streak freeze covered the day
    bool future = false;
};

struct Heatmap {
    std::string ritualId; // empty: every ritual
    Day firstDay;         // the first day of the first column
    // heatmapWeeks * 7 cells, column by column: cells[week * 7 + row].
    std::vector<HeatmapCell> cells;
    int maxLogs = 0;    // the most logs on one day (overall value's divisor)
    int activeDays = 0; // days with a log, up to asOf
    int pausedDays = 0;
    int frozenDays = 0;
};

struct RitualRow {
    std::string id;
    std::string name;
    std::string icon;
    Area area = Area::Connection;
    RitualMode mode = RitualMode::Together;
    int currentStreak = 0;
    int bestStreak = 0;
    std::optional<Streak> current;
    std::optional<Streak> best;
    double strength = 0.0; // 0..1 as of asOf
    bool neverDue = false; // touch, "when it helps": no streak, no settling (§3.7)
    bool whenItHelps = false;
    std::optional<Day> lastLogged; // up to asOf
    int totalLogs = 0;
    std::vector<double> trend; // one value per DashboardView::trendDays
};

// One ritual on one day of the week, and who did it (for the day's tooltip).
struct WeekRitual {
    std::string name;
    std::array<bool, 2> by{false, false}; // a partner logged it on their own
    bool together = false;                // a `both` log
};

struct WeekDay {
    Day day;
    bool future = false;
    std::vector<WeekRitual> rituals; // what the two of you did, in ritual order, each once
    int logs = 0;                    // logs that day (a `both` log is one)
};

struct ThisWeek {
    std::array<WeekDay, 7> days;
    int logs = 0;       // the couple's logs this week (a `both` log is one)
    int activeDays = 0; // days of this week with something done
};

struct AreaBalance {
    Area area = Area::Connection;
    int logs = 0;          // over the last balanceDays days
    int activeRituals = 0; // the area's active rituals
};

struct GoalRing {
    std::string goalId;
    std::string title;
    std::string reward;
    int progress = 0;
    int target = 1;
    Day start;
    Day end;
    bool repeating = false;
    bool completed = false;
    std::optional<Day> completedOn;
};

struct DashboardView {
    Day asOf;
    bool hasRituals = false; // any ritual, archived ones too
    bool hasLogs = false;    // any log up to asOf
    std::optional<Day> firstLog;
    std::array<Partner, 2> partners;

    std::optional<ConnectionRun> connectionCurrent;
    std::optional<ConnectionRun> connectionBest;
    int freezesBanked = 0;
    double coupleStrength = 0.0;

    LevelStatus level;
    std::string levelDescription;
    std::string nextLevelName; // empty at the top level
    XpBreakdown xp;            // where the XP came from

    Heatmap heatmap;
    std::vector<RitualRow> rituals;
    std::vector<Day> trendDays; // ascending, the last one asOf
    std::vector<double> coupleTrend;
    ThisWeek week;
    std::array<AreaBalance, allAreas.size()> balance;
    std::vector<GoalRing> goals;
};

// Everything as of derived.asOf; `derived` and `progress` must be up to date
// with `history`. `chosenRitualId`: the calendar's ritual, empty (or unknown)
// for every ritual. Linear in the number of logs.
DashboardView buildDashboard(const History& history, const DerivedState& derived,
                             const ProgressSnapshot& progress, const std::vector<Level>& levels,
                             std::string_view chosenRitualId = {});

} // namespace kindling
