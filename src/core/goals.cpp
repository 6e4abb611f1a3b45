#include "core/goals.hpp"

#include "core/derived.hpp"

#include <algorithm>
#include <iterator>
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

// `matched`: the goal's matching logs per day (ProgressTally::goals).
std::vector<GoalProgress> instancesOf(const Goal& goal, const ByDay<int>& matched, int weekStart,
                                      Day asOf) {
    const Day lastCounted = goal.archivedOn ? std::min(*goal.archivedOn, asOf) : asOf;
    const std::vector<Period> periods = periodsOf(goal, weekStart, lastCounted);
    const int target = std::max(1, goal.target);
    std::vector<GoalProgress> result;
    result.reserve(periods.size());
    for (const Period& period : periods) {
        GoalProgress instance;
        instance.goalId = goal.id;
        instance.title = goal.title;
        instance.start = period.start;
        instance.end = period.end;
        instance.target = target;
        const Day through = std::min(period.end, lastCounted);
        auto day = std::lower_bound(
            matched.begin(), matched.end(), period.start,
            [](const std::pair<Day, int>& entry, Day key) { return entry.first < key; });
        for (; day != matched.end() && day->first <= through; ++day) {
            instance.progress += day->second;
            if (!instance.completed && instance.progress >= target) {
                instance.completed = true;
                instance.completedOn = day->first;
            }
        }
        result.push_back(std::move(instance));
    }
    return result;
}

} // namespace

std::vector<GoalProgress> goalInstances(const History& history, const Goal& goal, Day asOf) {
    History withGoal = history;
    withGoal.goals = {goal};
    return computeGoalProgress(withGoal, asOf);
}

std::vector<GoalProgress> computeGoalProgress(const History& history, Day asOf) {
    return computeGoalProgress(history, deriveAll(history, asOf).tally);
}

std::vector<GoalProgress> computeGoalProgress(const History& history, const ProgressTally& tally) {
    static const ByDay<int> none;
    std::vector<GoalProgress> all;
    for (std::size_t i = 0; i < history.goals.size(); ++i) {
        std::vector<GoalProgress> instances =
            instancesOf(history.goals[i], i < tally.goals.size() ? tally.goals[i] : none,
                        history.settings.weekStart, tally.asOf);
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
