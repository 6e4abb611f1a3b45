#include "core/progress_tally.hpp"

#include "core/assets.hpp"

#include <algorithm>

namespace kindling {

namespace {

void add(int& count, int delta, int sign) {
    count += sign * delta;
}

void add(DayCount& count, const DayCount& delta, int sign) {
    count.logs += sign * delta.logs;
    count.together += sign * delta.together;
    count.questions += sign * delta.questions;
    count.partners[0] += sign * delta.partners[0];
    count.partners[1] += sign * delta.partners[1];
}

// What one log adds to its day. `ritual`: the history's first ritual of the
// log's id, nullptr when there is none.
DayCount countOf(const Ritual* ritual, Who who) {
    DayCount count;
    count.logs = 1;
    count.together = ritual != nullptr && ritual->mode == RitualMode::Together ? 1 : 0;
    count.questions = ritual != nullptr && ritual->catalogId == questionRitualId ? 1 : 0;
    count.partners = {who != Who::Partner2 ? 1 : 0, who != Who::Partner1 ? 1 : 0};
    return count;
}

// docs/scoring.md §7.2: two people did a `both` log of an `each` ritual.
int goalWeightOf(const Ritual* ritual, Who who) {
    return ritual != nullptr && ritual->mode == RitualMode::Each && who == Who::Both ? 2 : 1;
}

// A log of an unknown ritual can only match "any".
bool goalMatches(const Goal& goal, const Ritual* ritual) {
    switch (goal.scope) {
    case GoalScope::Any:
        return true;
    case GoalScope::Ritual:
        return ritual != nullptr && ritual->id == goal.ritualId;
    case GoalScope::Area:
        return ritual != nullptr && ritual->area == goal.area;
    }
    return false;
}

template <class Count> void change(ByDay<Count>& list, Day day, const Count& delta, int sign) {
    auto it = std::lower_bound(list.begin(), list.end(), day,
                               [](const auto& entry, Day key) { return entry.first < key; });
    if (it == list.end() || it->first != day) it = list.insert(it, {day, Count{}});
    add(it->second, delta, sign);
    if (it->second == Count{}) list.erase(it);
}

} // namespace

ProgressTally countProgress(const History& history, const LogsByRitual& logs,
                            const std::map<Day, int>& logsPerDay, Day asOf) {
    ProgressTally tally;
    tally.asOf = asOf;
    // Counted on the days that have logs, then the days a goal has none of
    // left out: linear in the logs and the days, whatever their spread.
    std::vector<Day> logDays;
    for (auto it = logsPerDay.begin(); it != logsPerDay.end() && it->first <= asOf; ++it)
        if (it->second > 0) logDays.push_back(it->first);
    std::vector<DayCount> counts(logDays.size());
    std::vector<std::vector<int>> goalCounts(history.goals.size());

    for (const auto& [ritualId, list] : logs) {
        // What a log weighs depends only on its ritual and who logged it.
        const Ritual* ritual = history.findRitual(ritualId);
        std::array<DayCount, 3> countByWho{};
        std::array<int, 3> weightByWho{};
        for (const Who who : {Who::Partner1, Who::Partner2, Who::Both}) {
            countByWho[static_cast<std::size_t>(who)] = countOf(ritual, who);
            weightByWho[static_cast<std::size_t>(who)] = goalWeightOf(ritual, who);
        }
        std::vector<std::vector<int>*> matching;
        for (std::size_t i = 0; i < history.goals.size(); ++i) {
            if (!goalMatches(history.goals[i], ritual)) continue;
            goalCounts[i].resize(logDays.size());
            matching.push_back(&goalCounts[i]);
        }
        std::size_t day = 0; // both ascending
        for (const LoggedDay& log : list) {
            if (log.day > asOf) break;
            while (day < logDays.size() && logDays[day] < log.day)
                ++day;
            if (day == logDays.size()) break; // never: every day of a log is in logsPerDay
            const auto who = static_cast<std::size_t>(log.who);
            add(counts[day], countByWho[who], 1);
            for (std::vector<int>* goal : matching)
                (*goal)[day] += weightByWho[who];
        }
    }

    tally.perDay.reserve(logDays.size());
    for (std::size_t day = 0; day < logDays.size(); ++day)
        tally.perDay.emplace_back(logDays[day], counts[day]);
    tally.goals.resize(history.goals.size());
    for (std::size_t i = 0; i < goalCounts.size(); ++i)
        for (std::size_t day = 0; day < goalCounts[i].size(); ++day)
            if (goalCounts[i][day] != 0)
                tally.goals[i].emplace_back(logDays[day], goalCounts[i][day]);
    return tally;
}

void tallyLog(ProgressTally& tally, const History& history, std::string_view ritualId,
              const LoggedDay& log, int sign) {
    if (log.day > tally.asOf) return;
    const Ritual* ritual = history.findRitual(ritualId);
    change(tally.perDay, log.day, countOf(ritual, log.who), sign);
    for (std::size_t i = 0; i < history.goals.size() && i < tally.goals.size(); ++i)
        if (goalMatches(history.goals[i], ritual))
            change(tally.goals[i], log.day, goalWeightOf(ritual, log.who), sign);
}

} // namespace kindling
