#include "core/progress_tally.hpp"

#include "core/assets.hpp"

#include <algorithm>
#include <iterator>

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
DayCount countOf(const Ritual* ritual, const LoggedDay& log) {
    DayCount count;
    count.logs = 1;
    count.together = ritual != nullptr && ritual->mode == RitualMode::Together ? 1 : 0;
    count.questions = ritual != nullptr && ritual->catalogId == questionRitualId ? 1 : 0;
    count.partners = {log.who != Who::Partner2 ? 1 : 0, log.who != Who::Partner1 ? 1 : 0};
    return count;
}

// docs/scoring.md §7.2: two people did a `both` log of an `each` ritual.
int goalWeightOf(const Ritual* ritual, const LoggedDay& log) {
    return ritual != nullptr && ritual->mode == RitualMode::Each && log.who == Who::Both ? 2 : 1;
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

// `total` and `part` added day by day.
template <class Count> void addInto(ByDay<Count>& total, const ByDay<Count>& part) {
    ByDay<Count> sum;
    sum.reserve(total.size() + part.size());
    auto a = total.begin();
    auto b = part.begin();
    while (a != total.end() || b != part.end()) {
        if (b == part.end() || (a != total.end() && a->first < b->first)) {
            sum.push_back(*a++);
        } else if (a == total.end() || b->first < a->first) {
            sum.push_back(*b++);
        } else {
            sum.push_back(*a++);
            add(sum.back().second, (b++)->second, 1);
        }
    }
    total = std::move(sum);
}

} // namespace

ProgressTally countProgress(const History& history, const LogsByRitual& logs, Day asOf) {
    ProgressTally tally;
    tally.asOf = asOf;
    tally.goals.resize(history.goals.size());
    // One ritual at a time: its logs are ascending, so its own days are too.
    for (const auto& [ritualId, list] : logs) {
        const Ritual* ritual = history.findRitual(ritualId);
        ByDay<DayCount> counts;
        ByDay<int> weights;
        for (const LoggedDay& log : list) {
            if (log.day > asOf) break;
            if (counts.empty() || counts.back().first != log.day) {
                counts.emplace_back(log.day, DayCount{});
                weights.emplace_back(log.day, 0);
            }
            add(counts.back().second, countOf(ritual, log), 1);
            weights.back().second += goalWeightOf(ritual, log);
        }
        addInto(tally.perDay, counts);
        for (std::size_t i = 0; i < history.goals.size(); ++i)
            if (goalMatches(history.goals[i], ritual)) addInto(tally.goals[i], weights);
    }
    return tally;
}

void tallyLog(ProgressTally& tally, const History& history, std::string_view ritualId,
              const LoggedDay& log, int sign) {
    if (log.day > tally.asOf) return;
    const Ritual* ritual = history.findRitual(ritualId);
    change(tally.perDay, log.day, countOf(ritual, log), sign);
    for (std::size_t i = 0; i < history.goals.size() && i < tally.goals.size(); ++i)
        if (goalMatches(history.goals[i], ritual))
            change(tally.goals[i], log.day, goalWeightOf(ritual, log), sign);
}

} // namespace kindling
