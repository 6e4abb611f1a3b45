#include "core/goals.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace kindling {

namespace {

struct Period {
    Day start;
    Day end;
};

// `through`: the last day that can count (asOf, or the day it was archived).
std::vector<Period> periodsOf(const Goal& goal, int weekStart, Day through) {
    std::vector<Period> periods;
    switch (goal.period) {
    case GoalPeriod::Week: {
        const Day first = startOfWeek(goal.start, weekStart);
        periods.push_back({first, first + days{6}});
        break;
    }
    case GoalPeriod::Month:
        periods.push_back({startOfMonth(goal.start), endOfMonth(goal.start)});
        break;
    case GoalPeriod::Custom:
        if (goal.end >= goal.start) periods.push_back({goal.start, goal.end});
        break;
    case GoalPeriod::EveryWeek:
        for (Day first = startOfWeek(goal.start, weekStart); first <= through; first += days{7})
            periods.push_back({first, first + days{6}});
        break;
    case GoalPeriod::EveryMonth:
        for (Day first = startOfMonth(goal.start); first <= through;
             first = endOfMonth(first) + days{1})
            periods.push_back({first, endOfMonth(first)});
        break;
    }
    return periods;
}

// How much one log adds to a goal it matches.
int weightOf(const ResolvedLog& log, const Ritual* ritual) {
    const bool twoPeople =
        ritual != nullptr && ritual->mode == RitualMode::Each && log.who == Who::Both;
    return twoPeople ? 2 : 1;
}

std::vector<GoalProgress> instancesOf(const History& history, const ResolvedLogs& logs,
                                      const Goal& goal) {
    const Day lastCounted = goal.archivedOn ? std::min(*goal.archivedOn, logs.asOf) : logs.asOf;
    const std::vector<Period> periods = periodsOf(goal, history.settings.weekStart, lastCounted);
    std::vector<GoalProgress> result;
    if (periods.empty()) return result;

    // The goal's rituals, by index: which logs match, and what each weighs.
    std::vector<int> weights(history.rituals.size(), 0);
    for (std::size_t i = 0; i < history.rituals.size(); ++i) {
        const Ritual& ritual = history.rituals[i];
        const bool matches = goal.scope == GoalScope::Any ||
                             (goal.scope == GoalScope::Ritual && ritual.id == goal.ritualId) ||
                             (goal.scope == GoalScope::Area && ritual.area == goal.area);
        weights[i] = matches ? 1 : 0;
    }

    // Matching logs per day across the goal's whole span: one pass over the
    // logs, no sorting, whatever order the history keeps them in.
    const Day from = periods.front().start;
    const Day through = std::min(periods.back().end, lastCounted);
    std::vector<int> perDay(
        from <= through ? static_cast<std::size_t>(daysBetween(from, through)) + 1 : 0);
    for (const ResolvedLog& log : logs.logs) {
        if (log.day < from || log.day > through) continue;
        const Ritual* ritual =
            log.ritual < 0 ? nullptr : &history.rituals[static_cast<std::size_t>(log.ritual)];
        // A log of an unknown ritual can only match "any".
        const bool matches = ritual != nullptr ? weights[static_cast<std::size_t>(log.ritual)] != 0
                                               : goal.scope == GoalScope::Any;
        if (matches)
            perDay[static_cast<std::size_t>(daysBetween(from, log.day))] += weightOf(log, ritual);
    }

    const int target = std::max(1, goal.target);
    result.reserve(periods.size());
    for (const Period& period : periods) {
        GoalProgress instance;
        instance.goalId = goal.id;
        instance.title = goal.title;
        instance.start = period.start;
        instance.end = period.end;
        instance.target = target;
        for (Day day = period.start; day <= std::min(period.end, through); day += days{1}) {
            const int count = perDay[static_cast<std::size_t>(daysBetween(from, day))];
            if (count == 0) continue;
            instance.progress += count;
            if (!instance.completed && instance.progress >= target) {
                instance.completed = true;
                instance.completedOn = day;
            }
        }
        result.push_back(std::move(instance));
    }
    return result;
}

} // namespace

ResolvedLogs resolveLogs(const History& history, Day asOf) {
    std::unordered_map<std::string_view, int> ritualIndex;
    ritualIndex.reserve(history.rituals.size());
    for (std::size_t i = 0; i < history.rituals.size(); ++i)
        ritualIndex.emplace(history.rituals[i].id, static_cast<int>(i));

    ResolvedLogs resolved;
    resolved.asOf = asOf;
    resolved.firstDay = asOf;
    resolved.logs.reserve(history.logs.size());
    for (const Log& log : history.logs) {
        if (log.day > asOf) continue;
        const auto found = ritualIndex.find(log.ritualId);
        resolved.logs.push_back(
            {log.day, found == ritualIndex.end() ? -1 : found->second, log.who});
        resolved.firstDay = std::min(resolved.firstDay, log.day);
    }
    return resolved;
}

std::vector<GoalProgress> goalInstances(const History& history, const Goal& goal, Day asOf) {
    return instancesOf(history, resolveLogs(history, asOf), goal);
}

std::vector<GoalProgress> computeGoalProgress(const History& history, Day asOf) {
    return computeGoalProgress(history, resolveLogs(history, asOf));
}

std::vector<GoalProgress> computeGoalProgress(const History& history, const ResolvedLogs& logs) {
    std::vector<GoalProgress> all;
    for (const Goal& goal : history.goals) {
        std::vector<GoalProgress> instances = instancesOf(history, logs, goal);
        all.insert(all.end(), std::make_move_iterator(instances.begin()),
                   std::make_move_iterator(instances.end()));
    }
    return all;
}

const GoalProgress* currentGoalInstance(const std::vector<GoalProgress>& progress,
                                        std::string_view goalId, Day asOf) {
    const GoalProgress* started = nullptr;
    const GoalProgress* upcoming = nullptr;
    for (const GoalProgress& instance : progress) {
        if (instance.goalId != goalId) continue;
        if (instance.start <= asOf && asOf <= instance.end) return &instance;
        if (instance.start <= asOf) {
            if (started == nullptr || instance.start > started->start) started = &instance;
        } else if (upcoming == nullptr || instance.start < upcoming->start) {
            upcoming = &instance;
        }
    }
    return started != nullptr ? started : upcoming;
}

} // namespace kindling
