#include "core/derived.hpp"

#include <algorithm>

namespace kindling {

namespace {

// Adds the days of every pause to `skipped` (they keep streaks like a skip).
void addPauseDays(const History& history, std::vector<Day>& skipped) {
    for (const Pause& pause : history.pauses)
        for (Day day = pause.first; day <= pause.last; day += days{1}) skipped.push_back(day);
}

void sortUnique(std::vector<Day>& dayList) {
    std::sort(dayList.begin(), dayList.end());
    dayList.erase(std::unique(dayList.begin(), dayList.end()), dayList.end());
}

// Ascending (day, amount) with amounts of the same day added up.
std::vector<std::pair<Day, double>> collapse(std::map<Day, double> perDay) {
    return {perDay.begin(), perDay.end()};
}

std::vector<Day> connectionDays(const DerivedState& state) {
    std::vector<Day> logged;
    logged.reserve(state.logsPerDay.size());
    for (const auto& [day, count] : state.logsPerDay)
        if (count > 0) logged.push_back(day);
    return logged;
}

std::vector<PauseSpan> pauseSpans(const History& history) {
    std::vector<PauseSpan> spans;
    for (const Pause& pause : history.pauses) spans.push_back({pause.first, pause.last});
    return spans;
}

RitualStats computeRitual(const History& history, const Ritual& ritual, Day asOf) {
    const RitualSeriesInputs inputs = seriesInputsFor(history, ritual);
    RitualStats stats;
    stats.totalLogs = inputs.totalLogs;
    stats.couple = computeSeries(inputs.couple, asOf);
    if (inputs.partners)
        stats.partners = std::array<SeriesResult, 2>{computeSeries((*inputs.partners)[0], asOf),
                                                     computeSeries((*inputs.partners)[1], asOf)};
    return stats;
}

} // namespace

RitualSeriesInputs seriesInputsFor(const History& history, const Ritual& ritual) {
    RitualSeriesInputs inputs;
    std::vector<Day> skipped;
    for (const Skip& skip : history.skips)
        if (skip.ritualId == ritual.id) skipped.push_back(skip.day);
    addPauseDays(history, skipped);
    sortUnique(skipped);

    const bool measured = ritual.measure.has_value();
    std::map<Day, double> together;
    std::array<std::map<Day, double>, 2> byPartner;
    for (const Log& log : history.logs) {
        if (log.ritualId != ritual.id) continue;
        ++inputs.totalLogs;
        const double amount = measured ? log.amount.value_or(0.0) : 1.0;
        if (ritual.mode == RitualMode::Together) {
            together[log.day] += amount;
            continue;
        }
        if (log.who != Who::Partner2) byPartner[0][log.day] += amount;
        if (log.who != Who::Partner1) byPartner[1][log.day] += amount;
    }

    auto base = [&](std::vector<std::pair<Day, double>> logged) {
        SeriesInput input;
        input.frequency = ritual.frequency;
        input.measure = ritual.measure;
        input.weekdays = ritual.weekdays;
        input.logged = std::move(logged);
        input.skipped = skipped;
        return input;
    };

    if (ritual.mode == RitualMode::Together) {
        inputs.couple = base(collapse(std::move(together)));
        return inputs;
    }
    std::map<Day, double> both;
    for (const auto& [day, amount] : byPartner[0]) {
        const auto other = byPartner[1].find(day);
        if (other != byPartner[1].end()) both[day] = measured ? std::min(amount, other->second) : 1.0;
    }
    inputs.couple = base(collapse(std::move(both)));
    inputs.partners = std::array<SeriesInput, 2>{base(collapse(std::move(byPartner[0]))),
                                                 base(collapse(std::move(byPartner[1])))};
    return inputs;
}

double meanStrength(const DerivedState& state, const History& history) {
    double sum = 0.0;
    int count = 0;
    for (const Ritual& ritual : history.rituals) {
        if (ritual.archived) continue;
        const auto found = state.rituals.find(ritual.id);
        if (found == state.rituals.end()) continue;
        sum += found->second.couple.strength();
        ++count;
    }
    return count == 0 ? 0.0 : sum / count;
}

DerivedState deriveAll(const History& history, Day asOf) {
    DerivedState state;
    state.asOf = asOf;
    for (const Ritual& ritual : history.rituals)
        state.rituals.emplace(ritual.id, computeRitual(history, ritual, asOf));
    for (const Log& log : history.logs) ++state.logsPerDay[log.day];
    state.connection = computeConnectionStreak(connectionDays(state), pauseSpans(history), asOf);
    state.coupleStrength = meanStrength(state, history);
    return state;
}

void updateRitual(DerivedState& state, const History& history, const std::string& ritualId) {
    const Ritual* ritual = history.findRitual(ritualId);
    if (ritual == nullptr) {
        state.rituals.erase(ritualId);
    } else {
        state.rituals.insert_or_assign(ritualId, computeRitual(history, *ritual, state.asOf));
    }
    state.logsPerDay.clear();
    for (const Log& log : history.logs) ++state.logsPerDay[log.day];
    state.connection =
        computeConnectionStreak(connectionDays(state), pauseSpans(history), state.asOf);
    state.coupleStrength = meanStrength(state, history);
}

} // namespace kindling
