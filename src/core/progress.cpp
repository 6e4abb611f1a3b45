#include "core/progress.hpp"

#include "core/derived.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace kindling {

XpLedger computeXp(const History& history, const std::vector<ConnectionRun>& runs,
                   const std::vector<GoalProgress>& goals, Day asOf) {
    return computeXp(deriveAll(history, asOf).tally, runs, goals);
}

XpLedger computeXp(const ProgressTally& tally, const std::vector<ConnectionRun>& runs,
                   const std::vector<GoalProgress>& goals) {
    const Day asOf = tally.asOf;
    XpLedger ledger;
    std::vector<XpGain> gains;
    gains.reserve(tally.perDay.size() + runs.size() + goals.size());
    for (const auto& [day, count] : tally.perDay) {
        XpGain gain{day, xpPerLog * count.logs + xpTogetherBonus * count.together};
        ledger.breakdown.logs += xpPerLog * count.logs;
        ledger.breakdown.together += xpTogetherBonus * count.together;
        if (count.partners[0] > 0 && count.partners[1] > 0) {
            gain.xp += xpBothSameDay;
            ledger.breakdown.bothSameDay += xpBothSameDay;
            ledger.bothLoggedDays.push_back(day);
        }
        gains.push_back(gain);
    }

    for (const ConnectionRun& run : runs) {
        for (const StreakMilestone& milestone : connectionStreakMilestones) {
            const Day reached = run.start + days{milestone.days - 1};
            if (run.length < milestone.days || reached > asOf) continue;
            gains.push_back({reached, milestone.xp});
            ledger.breakdown.streakMilestones += milestone.xp;
        }
    }
    for (const GoalProgress& goal : goals) {
        if (!goal.completed || !goal.completedOn || *goal.completedOn > asOf) continue;
        gains.push_back({*goal.completedOn, xpPerGoalCompleted});
        ledger.breakdown.goals += xpPerGoalCompleted;
    }

    std::stable_sort(gains.begin(), gains.end(),
                     [](const XpGain& a, const XpGain& b) { return a.day < b.day; });
    for (const XpGain& gain : gains) {
        if (!ledger.byDay.empty() && ledger.byDay.back().day == gain.day) {
            ledger.byDay.back().xp += gain.xp;
        } else {
            ledger.byDay.push_back(gain);
        }
    }
    return ledger;
}

std::int64_t xpLost(const XpBreakdown& before, const XpBreakdown& after) {
    const auto lost = [](std::int64_t was, std::int64_t now) {
        return was > now ? was - now : std::int64_t{0};
    };
    return lost(before.logs, after.logs) + lost(before.together, after.together) +
           lost(before.bothSameDay, after.bothSameDay) +
           lost(before.streakMilestones, after.streakMilestones) + lost(before.goals, after.goals);
}

void addKeptXp(XpLedger& ledger, const std::vector<XpGain>& kept, Day asOf) {
    bool added = false;
    for (const XpGain& gain : kept) {
        if (gain.day > asOf || gain.xp <= 0) continue;
        ledger.breakdown.kept += gain.xp;
        ledger.byDay.push_back(gain);
        added = true;
    }
    if (!added) return;
    std::stable_sort(ledger.byDay.begin(), ledger.byDay.end(),
                     [](const XpGain& a, const XpGain& b) { return a.day < b.day; });
    std::vector<XpGain> merged;
    for (const XpGain& gain : ledger.byDay) {
        if (!merged.empty() && merged.back().day == gain.day)
            merged.back().xp += gain.xp;
        else
            merged.push_back(gain);
    }
    ledger.byDay = std::move(merged);
}

std::optional<Day> dayXpReached(const XpLedger& ledger, std::int64_t xp) {
    std::int64_t sum = 0;
    for (const XpGain& gain : ledger.byDay) {
        sum += gain.xp;
        if (sum >= xp) return gain.day;
    }
    return std::nullopt;
}

LevelStatus levelFor(std::int64_t xp, const std::vector<Level>& levels) {
    LevelStatus status;
    status.xp = std::max<std::int64_t>(0, xp);
    if (levels.empty()) {
        status.xpIntoLevel = status.xp;
        status.topLevel = true;
        return status;
    }
    // The last level whose requirement is met; levels[0] needs 0 XP.
    std::size_t index = 0;
    while (index + 1 < levels.size() && levels[index + 1].xpRequired <= status.xp)
        ++index;
    const Level& level = levels[index];
    status.number = level.number;
    status.name = level.name;
    status.xpIntoLevel = status.xp - level.xpRequired;
    status.topLevel = index + 1 == levels.size();
    status.xpForNextLevel = status.topLevel ? 0 : levels[index + 1].xpRequired - level.xpRequired;
    return status;
}

std::vector<LevelReached> levelsReached(const XpLedger& ledger, const std::vector<Level>& levels) {
    std::vector<LevelReached> reached;
    std::size_t next = 1; // levels[0] is where everyone starts
    std::int64_t sum = 0;
    for (const XpGain& gain : ledger.byDay) {
        sum += gain.xp;
        for (; next < levels.size() && levels[next].xpRequired <= sum; ++next)
            reached.push_back(
                {levels[next].number, levels[next].name, levels[next].description, gain.day});
    }
    return reached;
}

} // namespace kindling
