#include "core/dashboard.hpp"

#include <algorithm>
#include <map>

namespace kindling {

namespace {

// Ritual indices in on-screen order: by position, then name.
std::vector<int> ritualOrder(const History& history) {
    std::vector<int> order(history.rituals.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Ritual& x = history.rituals[static_cast<std::size_t>(a)];
        const Ritual& y = history.rituals[static_cast<std::size_t>(b)];
        if (x.position != y.position) return x.position < y.position;
        return x.name < y.name;
    });
    return order;
}

// The value of a chosen ritual's day (see the rules in dashboard.hpp).
double ritualDayValue(const Ritual& ritual, const HeatmapCell& cell) {
    if (cell.logs == 0) return cell.kept ? 0.35 : 0.0;
    if (ritual.measure) {
        const double target = ritual.measure->target;
        if (ritual.measure->kind == MeasureKind::AtLeast)
            return target > 0.0 ? std::min(1.0, cell.amount / target) : 1.0;
        return cell.amount <= target ? 1.0 : 0.5;
    }
    if (ritual.mode == RitualMode::Each) return cell.partners[0] && cell.partners[1] ? 1.0 : 0.5;
    return 1.0;
}

bool isActiveGoalInstance(const GoalProgress& instance, Day asOf) {
    return instance.end >= asOf;
}

} // namespace

DashboardView buildDashboard(const History& history, const DerivedState& derived,
                             const ProgressSnapshot& progress, const std::vector<Level>& levels,
                             std::string_view chosenRitualId) {
    DashboardView view;
    const Day asOf = derived.asOf;
    view.asOf = asOf;
    view.hasRituals = !history.rituals.empty();
    view.partners = history.couple.partners;

    // Couple numbers.
    view.connectionCurrent = derived.connection.current;
    view.connectionBest = derived.connection.best;
    view.freezesBanked = derived.connection.freezesBanked;
    view.coupleStrength = derived.coupleStrength;
    view.level = progress.level;
    view.xp = progress.xp.breakdown;
    for (const Level& level : levels)
        if (level.number == progress.level.number) view.levelDescription = level.description;
    const auto next = std::find_if(levels.begin(), levels.end(), [&](const Level& level) {
        return level.number == progress.level.number + 1;
    });
    if (!progress.level.topLevel && next != levels.end()) view.nextLevelName = next->name;

    std::map<std::string_view, int> ritualIndex;
    for (std::size_t i = 0; i < history.rituals.size(); ++i)
        ritualIndex.emplace(history.rituals[i].id, static_cast<int>(i));
    const auto chosenFound = ritualIndex.find(chosenRitualId);
    const Ritual* chosen = chosenRitualId.empty() || chosenFound == ritualIndex.end()
                               ? nullptr
                               : &history.rituals[static_cast<std::size_t>(chosenFound->second)];
    const std::vector<int> order = ritualOrder(history);
    std::vector<int> rank(history.rituals.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[static_cast<std::size_t>(order[i])] = static_cast<int>(i);

    // The calendar's frame.
    Heatmap& heatmap = view.heatmap;
    heatmap.ritualId = chosen ? chosen->id : std::string();
    heatmap.firstDay = startOfWeek(asOf, history.settings.weekStart) - days{7 * (heatmapWeeks - 1)};
    const Day lastDay = heatmap.firstDay + days{7 * heatmapWeeks - 1};
    heatmap.cells.resize(static_cast<std::size_t>(7 * heatmapWeeks));
    for (std::size_t i = 0; i < heatmap.cells.size(); ++i) {
        HeatmapCell& cell = heatmap.cells[i];
        cell.day = heatmap.firstDay + days{static_cast<int>(i)};
        cell.future = cell.day > asOf;
    }
    const auto cellOf = [&](Day day) -> HeatmapCell* {
        if (day < heatmap.firstDay || day > lastDay) return nullptr;
        return &heatmap.cells[static_cast<std::size_t>(daysBetween(heatmap.firstDay, day))];
    };

    // This week's frame.
    const Day weekStart = startOfWeek(asOf, history.settings.weekStart);
    for (int i = 0; i < 7; ++i) {
        view.week.days[static_cast<std::size_t>(i)].day = weekStart + days{i};
        view.week.days[static_cast<std::size_t>(i)].future = weekStart + days{i} > asOf;
    }
    // Per day of the week: (ritual index, who) of every log.
    std::array<std::vector<std::pair<int, Who>>, 7> weekRituals;

    // One pass over the logs fills the calendar, this week and the balance.
    const Day balanceFrom = asOf - days{balanceDays - 1};
    std::vector<std::vector<int>> ritualsOnDay(heatmap.cells.size());
    std::optional<Day> firstLog;
    for (const Log& log : history.logs) {
        if (log.day > asOf) continue;
        if (!firstLog || log.day < *firstLog) firstLog = log.day;
        HeatmapCell* cell = cellOf(log.day);
        const bool inWeek = log.day >= weekStart;
        const bool inBalance = log.day >= balanceFrom;
        if (cell == nullptr && !inWeek && !inBalance) continue;

        const auto found = ritualIndex.find(log.ritualId);
        const int ritual = found == ritualIndex.end() ? -1 : found->second;
        const bool forPartner1 = log.who != Who::Partner2;
        const bool forPartner2 = log.who != Who::Partner1;
        if (cell != nullptr && (chosen == nullptr || log.ritualId == chosen->id)) {
            ++cell->logs;
            cell->partners[0] = cell->partners[0] || forPartner1;
            cell->partners[1] = cell->partners[1] || forPartner2;
            if (chosen != nullptr) cell->amount += log.amount.value_or(0.0);
            auto& seen = ritualsOnDay[static_cast<std::size_t>(cell - heatmap.cells.data())];
            if (ritual >= 0 && std::find(seen.begin(), seen.end(), ritual) == seen.end())
                seen.push_back(ritual);
        }
        if (inWeek) {
            const auto index = static_cast<std::size_t>(daysBetween(weekStart, log.day));
            ++view.week.logs;
            ++view.week.days[index].logs;
            if (ritual >= 0) weekRituals[index].emplace_back(ritual, log.who);
        }
        if (inBalance && ritual >= 0) {
            const Area area = history.rituals[static_cast<std::size_t>(ritual)].area;
            ++view.balance[static_cast<std::size_t>(area)].logs;
        }
    }
    view.hasLogs = firstLog.has_value();
    view.firstLog = firstLog;

    // Calendar marks and values.
    for (const Pause& pause : history.pauses)
        for (Day day = std::max(pause.first, heatmap.firstDay);
             day <= std::min(pause.last, lastDay); day += days{1})
            cellOf(day)->paused = true;
    for (Day day : derived.connection.frozenDays)
        if (HeatmapCell* cell = cellOf(day)) cell->frozen = true;
    const SeriesResult* chosenSeries = nullptr;
    if (chosen != nullptr) {
        const auto stats = derived.rituals.find(chosen->id);
        if (stats != derived.rituals.end()) chosenSeries = &stats->second.couple;
        for (const Skip& skip : history.skips)
            if (skip.ritualId == chosen->id && skip.day <= asOf)
                if (HeatmapCell* cell = cellOf(skip.day)) cell->skipped = true;
    }
    for (std::size_t i = 0; i < heatmap.cells.size(); ++i) {
        HeatmapCell& cell = heatmap.cells[i];
        cell.rituals = static_cast<int>(ritualsOnDay[i].size());
        heatmap.maxLogs = std::max(heatmap.maxLogs, cell.logs);
        if (cell.logs > 0) ++heatmap.activeDays;
        if (cell.paused && !cell.future) ++heatmap.pausedDays;
        if (cell.frozen) ++heatmap.frozenDays;
        if (chosen != nullptr && !cell.future) {
            if (chosen->weekdays)
                cell.dayOff =
                    !(*chosen->weekdays)[static_cast<std::size_t>(isoWeekdayIndex(cell.day))];
            if (chosenSeries != nullptr && cell.logs == 0)
                cell.kept = chosenSeries->stateOn(cell.day) == DayState::Auto;
        }
    }
    for (HeatmapCell& cell : heatmap.cells) {
        if (cell.future) continue;
        if (chosen != nullptr)
            cell.value = ritualDayValue(*chosen, cell);
        else if (heatmap.maxLogs > 0)
            cell.value = static_cast<double>(cell.logs) / heatmap.maxLogs;
    }

    // This week's rituals, in ritual order and each once, with who did them.
    for (std::size_t d = 0; d < 7; ++d) {
        auto& list = weekRituals[d];
        std::stable_sort(list.begin(), list.end(), [&](const auto& a, const auto& b) {
            return rank[static_cast<std::size_t>(a.first)] <
                   rank[static_cast<std::size_t>(b.first)];
        });
        WeekDay& day = view.week.days[d];
        int previous = -1;
        for (const auto& [ritual, who] : list) {
            if (ritual != previous) {
                day.rituals.push_back(
                    WeekRitual{history.rituals[static_cast<std::size_t>(ritual)].name, {}, false});
                previous = ritual;
            }
            WeekRitual& entry = day.rituals.back();
            if (who == Who::Both)
                entry.together = true;
            else
                entry.by[who == Who::Partner1 ? 0 : 1] = true;
        }
        if (day.logs > 0) ++view.week.activeDays;
    }

    // Trend days: weekly back from asOf, not before the first log.
    if (firstLog) {
        const Day from = std::max(*firstLog, asOf - days{7 * trendWeeks});
        for (Day day = asOf; day >= from; day -= days{7})
            view.trendDays.push_back(day);
        if (static_cast<int>(view.trendDays.size()) < trendMinWeeklySamples) {
            view.trendDays.clear();
            for (Day day = asOf; day >= from; day -= days{1})
                view.trendDays.push_back(day);
        }
        std::reverse(view.trendDays.begin(), view.trendDays.end());
    }
    view.coupleTrend.assign(view.trendDays.size(), 0.0);

    // Rituals, area counts and the couple's trend.
    int activeCount = 0; // active rituals with a series
    for (int index : order) {
        const Ritual& ritual = history.rituals[static_cast<std::size_t>(index)];
        if (ritual.archived) continue;
        ++view.balance[static_cast<std::size_t>(ritual.area)].activeRituals;
        RitualRow row;
        row.id = ritual.id;
        row.name = ritual.name;
        row.icon = ritual.icon;
        row.area = ritual.area;
        row.mode = ritual.mode;
        row.neverDue = isNeverDue(ritual);
        row.whenItHelps = ritual.whenItHelps;
        row.trend.assign(view.trendDays.size(), 0.0);
        const auto stats = derived.rituals.find(ritual.id);
        if (stats != derived.rituals.end()) {
            const SeriesResult& series = stats->second.couple;
            row.totalLogs = stats->second.totalLogs;
            row.current = currentStreak(series);
            const std::vector<Streak> best = bestStreaks(series.streaks, 1);
            if (!best.empty()) row.best = best.front();
            row.currentStreak = row.current ? row.current->length : 0;
            row.bestStreak = row.best ? row.best->length : 0;
            row.strength = series.strength();
            const auto logs = derived.logsByRitual.find(ritual.id);
            if (logs != derived.logsByRitual.end())
                for (auto it = logs->second.rbegin(); it != logs->second.rend(); ++it)
                    if (it->day <= asOf) {
                        row.lastLogged = it->day;
                        break;
                    }
            if (!row.neverDue) {
                ++activeCount; // as meanStrength counts them
                for (std::size_t i = 0; i < view.trendDays.size(); ++i) {
                    row.trend[i] = series.strengthOn(view.trendDays[i]);
                    view.coupleTrend[i] += row.trend[i];
                }
            }
        }
        view.rituals.push_back(std::move(row));
    }
    for (std::size_t area = 0; area < allAreas.size(); ++area)
        view.balance[area].area = allAreas[area];
    if (activeCount > 0)
        for (double& value : view.coupleTrend)
            value /= activeCount;

    // Goals' rings.
    for (const Goal& goal : history.goals) {
        if (goal.archivedOn) continue;
        const GoalProgress* instance = currentGoalInstance(progress.goals, goal.id, asOf);
        if (instance == nullptr || !isActiveGoalInstance(*instance, asOf)) continue;
        GoalRing ring;
        ring.goalId = goal.id;
        ring.title = goal.title;
        ring.reward = goal.reward;
        ring.progress = instance->progress;
        ring.target = instance->target;
        ring.start = instance->start;
        ring.end = instance->end;
        ring.repeating =
            goal.period == GoalPeriod::EveryWeek || goal.period == GoalPeriod::EveryMonth;
        ring.completed = instance->completed;
        ring.completedOn = instance->completedOn;
        view.goals.push_back(std::move(ring));
    }
    return view;
}

} // namespace kindling
