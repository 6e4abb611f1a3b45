#include "core/derived.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <set>
#include <unordered_map>

namespace kindling {

namespace {

// Equal ids. Ids are mostly UUIDs that differ early: comparing the first bytes
// inline settles nearly every pair without a call to memcmp, which matters when
// one ritual's logs are picked out of ninety thousand.
bool sameId(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    if (a.size() >= sizeof(std::uint64_t)) {
        std::uint64_t headA = 0, headB = 0;
        std::memcpy(&headA, a.data(), sizeof headA);
        std::memcpy(&headB, b.data(), sizeof headB);
        if (headA != headB) return false;
    }
    return a == b;
}

// Cheaper than hashing every byte of ninety thousand UUIDs: the length and the
// first and last eight bytes tell ids apart well enough for a dozen rituals.
struct IdHash {
    std::size_t operator()(std::string_view id) const {
        std::uint64_t head = 0, tail = 0;
        std::memcpy(&head, id.data(), std::min(id.size(), sizeof head));
        if (id.size() > sizeof tail)
            std::memcpy(&tail, id.data() + id.size() - sizeof tail, sizeof tail);
        return std::hash<std::uint64_t>{}((head * 0x9E3779B97F4A7C15ULL) ^ tail ^ id.size());
    }
};
struct IdEqual {
    bool operator()(std::string_view a, std::string_view b) const { return sameId(a, b); }
};

LoggedDay loggedDayOf(const Log& log) {
    return {log.day, log.who, log.amount};
}

// One ritual's logs as the state keeps them: ascending by day and, within a
// day, in history order, so that amounts add up in the same order whichever
// way the list was built.
void sortByDay(std::vector<LoggedDay>& logs) {
    const auto byDay = [](const LoggedDay& a, const LoggedDay& b) { return a.day < b.day; };
    // Histories are mostly kept in day order already.
    if (!std::is_sorted(logs.begin(), logs.end(), byDay))
        std::stable_sort(logs.begin(), logs.end(), byDay);
}

std::vector<LoggedDay> loggedDaysOf(const History& history, std::string_view ritualId) {
    std::vector<LoggedDay> logs;
    for (const Log& log : history.logs)
        if (sameId(log.ritualId, ritualId)) logs.push_back(loggedDayOf(log));
    sortByDay(logs);
    return logs;
}

std::vector<Day> skipsOf(const History& history, std::string_view ritualId) {
    std::vector<Day> skips;
    for (const Skip& skip : history.skips)
        if (sameId(skip.ritualId, ritualId)) skips.push_back(skip.day);
    return skips;
}

// The days of every pause, ascending and unique: skipped days of every series.
std::vector<Day> pauseDays(const History& history) {
    std::vector<Day> dayList;
    for (const Pause& pause : history.pauses)
        for (Day day = pause.first; day <= pause.last; day += days{1})
            dayList.push_back(day);
    std::sort(dayList.begin(), dayList.end());
    dayList.erase(std::unique(dayList.begin(), dayList.end()), dayList.end());
    return dayList;
}

// A ritual's skipped days with the pause days, ascending and unique.
std::vector<Day> skippedDays(std::vector<Day> skips, const std::vector<Day>& paused) {
    std::sort(skips.begin(), skips.end());
    std::vector<Day> all;
    all.reserve(skips.size() + paused.size());
    std::set_union(skips.begin(), skips.end(), paused.begin(), paused.end(),
                   std::back_inserter(all));
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

// Ascending (day, amount) with the amounts of one day added up in list order
// from 0.0: the sums of a per-day accumulator fed in history order.
class DayAmounts {
  public:
    void add(Day day, double amount) {
        if (perDay_.empty() || perDay_.back().first != day) perDay_.emplace_back(day, 0.0);
        perDay_.back().second += amount;
    }
    std::vector<std::pair<Day, double>>& list() { return perDay_; }

  private:
    std::vector<std::pair<Day, double>> perDay_;
};

RitualSeriesInputs seriesInputsFrom(const Ritual& ritual, const std::vector<LoggedDay>& logs,
                                    std::vector<Day> skips, const std::vector<Day>& paused) {
    RitualSeriesInputs inputs;
    inputs.totalLogs = static_cast<int>(logs.size());
    const std::vector<Day> skipped = skippedDays(std::move(skips), paused);

    const bool measured = ritual.measure.has_value();
    DayAmounts together;
    std::array<DayAmounts, 2> byPartner;
    for (const LoggedDay& log : logs) {
        const double amount = measured ? log.amount.value_or(0.0) : 1.0;
        if (ritual.mode == RitualMode::Together) {
            together.add(log.day, amount);
            continue;
        }
        if (log.who != Who::Partner2) byPartner[0].add(log.day, amount);
        if (log.who != Who::Partner1) byPartner[1].add(log.day, amount);
    }

    auto base = [&](std::vector<std::pair<Day, double>> logged) {
        SeriesInput input;
        input.frequency = ritual.frequency;
        input.measure = ritual.measure;
        input.weekdays = ritual.weekdays;
        input.neverDue = isNeverDue(ritual);
        input.logged = std::move(logged);
        input.skipped = skipped;
        return input;
    };

    if (ritual.mode == RitualMode::Together) {
        inputs.couple = base(std::move(together.list()));
        return inputs;
    }
    // The days both logged: both lists are ascending.
    std::vector<std::pair<Day, double>> both;
    const auto& second = byPartner[1].list();
    auto other = second.begin();
    for (const auto& [day, amount] : byPartner[0].list()) {
        while (other != second.end() && other->first < day)
            ++other;
        if (other != second.end() && other->first == day)
            both.emplace_back(day, measured ? std::min(amount, other->second) : 1.0);
    }
    inputs.couple = base(std::move(both));
    inputs.partners = std::array<SeriesInput, 2>{base(std::move(byPartner[0].list())),
                                                 base(std::move(byPartner[1].list()))};
    return inputs;
}

RitualStats computeRitual(const Ritual& ritual, const std::vector<LoggedDay>& logs,
                          std::vector<Day> skips, const std::vector<Day>& paused, Day asOf) {
    const RitualSeriesInputs inputs = seriesInputsFrom(ritual, logs, std::move(skips), paused);
    RitualStats stats;
    stats.totalLogs = inputs.totalLogs;
    stats.couple = computeSeries(inputs.couple, asOf);
    if (inputs.partners)
        stats.partners = std::array<SeriesResult, 2>{computeSeries((*inputs.partners)[0], asOf),
                                                     computeSeries((*inputs.partners)[1], asOf)};
    return stats;
}

// One ritual's numbers again, from the state's own copy of its logs.
void recomputeRitual(DerivedState& state, const History& history, const std::string& ritualId) {
    const Ritual* ritual = history.findRitual(ritualId);
    if (ritual == nullptr) {
        state.rituals.erase(ritualId);
        return;
    }
    static const std::vector<LoggedDay> none;
    const auto logs = state.logsByRitual.find(ritualId);
    state.rituals.insert_or_assign(
        ritualId, computeRitual(*ritual, logs != state.logsByRitual.end() ? logs->second : none,
                                skipsOf(history, ritualId), pauseDays(history), state.asOf));
}

// Ascending (day, number of logs).
std::vector<std::pair<Day, int>> countPerDay(const std::vector<LoggedDay>& logs) {
    std::vector<std::pair<Day, int>> counts;
    for (const LoggedDay& log : logs) {
        if (counts.empty() || counts.back().first != log.day) counts.emplace_back(log.day, 0);
        ++counts.back().second;
    }
    return counts;
}

// Every ritual's logs per day added up, for a fresh state.
std::map<Day, int> totalLogsPerDay(const DerivedState& state) {
    std::size_t logCount = 0;
    std::optional<Day> first, last;
    for (const auto& [ritualId, logs] : state.logsByRitual) {
        logCount += logs.size();
        if (!first || logs.front().day < *first) first = logs.front().day;
        if (!last || logs.back().day > *last) last = logs.back().day;
    }
    std::map<Day, int> total;
    if (!first) return total;

    // Counted on a calendar when the days are not spread far wider than the
    // logs (real histories), else sorted.
    const auto span = static_cast<std::size_t>(daysBetween(*first, *last)) + 1;
    std::vector<std::pair<Day, int>> counts;
    if (span <= 4 * logCount + 1024) {
        std::vector<int> calendar(span, 0);
        for (const auto& [ritualId, logs] : state.logsByRitual)
            for (const LoggedDay& log : logs)
                ++calendar[static_cast<std::size_t>(daysBetween(*first, log.day))];
        for (std::size_t i = 0; i < span; ++i)
            if (calendar[i] > 0)
                counts.emplace_back(*first + days{static_cast<days::rep>(i)}, calendar[i]);
    } else {
        for (const auto& [ritualId, logs] : state.logsByRitual) {
            const auto perDay = countPerDay(logs);
            counts.insert(counts.end(), perDay.begin(), perDay.end());
        }
        std::sort(counts.begin(), counts.end());
    }
    for (const auto& [day, count] : counts) {
        if (total.empty() || std::prev(total.end())->first != day)
            total.emplace_hint(total.end(), day, 0);
        std::prev(total.end())->second += count;
    }
    return total;
}

// A day's count changes by `delta`; a day left with no log leaves the map.
void changeLogsPerDay(std::map<Day, int>& total, Day day, int delta) {
    if (delta == 0) return;
    const auto it = total.try_emplace(day, 0).first;
    it->second += delta;
    if (it->second == 0) total.erase(it);
}

// One ritual's logs went from `before` to `after`: only the days whose count
// changed touch the total.
void replaceLogsPerDay(std::map<Day, int>& total, const std::vector<LoggedDay>& before,
                       const std::vector<LoggedDay>& after) {
    const auto old = countPerDay(before), now = countPerDay(after);
    auto o = old.begin();
    auto n = now.begin();
    while (o != old.end() || n != now.end()) {
        if (n == now.end() || (o != old.end() && o->first < n->first)) {
            changeLogsPerDay(total, o->first, -o->second);
            ++o;
        } else if (o == old.end() || n->first < o->first) {
            changeLogsPerDay(total, n->first, n->second);
            ++n;
        } else {
            changeLogsPerDay(total, n->first, n->second - o->second);
            ++o;
            ++n;
        }
    }
}

// Takes one log out of the state's copy and its tally; false when the copy
// has no such log.
bool removeLoggedDay(DerivedState& state, const History& history, const Log& log) {
    const auto list = state.logsByRitual.find(log.ritualId);
    if (list == state.logsByRitual.end()) return false;
    std::vector<LoggedDay>& logs = list->second;
    const auto byDay = [](const LoggedDay& a, const LoggedDay& b) { return a.day < b.day; };
    const auto [first, last] = std::equal_range(logs.begin(), logs.end(), loggedDayOf(log), byDay);
    // Logs alike in day, who and amount give the same numbers: any one will do.
    const auto found = std::find_if(first, last, [&](const LoggedDay& entry) {
        return entry.who == log.who && entry.amount == log.amount;
    });
    if (found == last) return false;
    logs.erase(found);
    if (logs.empty()) state.logsByRitual.erase(list);
    changeLogsPerDay(state.logsPerDay, log.day, -1);
    tallyLog(state.tally, history, log.ritualId, loggedDayOf(log), -1);
    return true;
}

// Appended to the history: last of its day in the copy too.
void addLoggedDay(DerivedState& state, const History& history, const Log& log) {
    std::vector<LoggedDay>& logs = state.logsByRitual[log.ritualId];
    const auto byDay = [](const LoggedDay& a, const LoggedDay& b) { return a.day < b.day; };
    logs.insert(std::upper_bound(logs.begin(), logs.end(), loggedDayOf(log), byDay),
                loggedDayOf(log));
    changeLogsPerDay(state.logsPerDay, log.day, 1);
    tallyLog(state.tally, history, log.ritualId, loggedDayOf(log), 1);
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
    for (const Pause& pause : history.pauses)
        spans.push_back({pause.first, pause.last});
    return spans;
}

void deriveCoupleNumbers(DerivedState& state, const History& history) {
    state.connection =
        computeConnectionStreak(connectionDays(state), pauseSpans(history), state.asOf);
    state.coupleStrength = meanStrength(state, history);
}

void countTally(DerivedState& state, const History& history) {
    state.tally = countProgress(history, state.logsByRitual, state.logsPerDay, state.asOf);
}

// One ritual's logs read from the history again, and its series recomputed;
// the couple's numbers and the tally are left to the caller.
void rereadRitual(DerivedState& state, const History& history, const std::string& ritualId) {
    std::vector<LoggedDay> logs = loggedDaysOf(history, ritualId);
    const auto previous = state.logsByRitual.find(ritualId);
    replaceLogsPerDay(
        state.logsPerDay,
        previous != state.logsByRitual.end() ? previous->second : std::vector<LoggedDay>{}, logs);
    if (logs.empty()) {
        if (previous != state.logsByRitual.end()) state.logsByRitual.erase(previous);
    } else {
        state.logsByRitual.insert_or_assign(ritualId, std::move(logs));
    }
    recomputeRitual(state, history, ritualId);
}

} // namespace

RitualSeriesInputs seriesInputsFor(const History& history, const Ritual& ritual) {
    return seriesInputsFrom(ritual, loggedDaysOf(history, ritual.id), skipsOf(history, ritual.id),
                            pauseDays(history));
}

double meanStrength(const DerivedState& state, const History& history) {
    double sum = 0.0;
    int count = 0;
    for (const Ritual& ritual : history.rituals) {
        // §5: rituals never due have no rhythm to settle into.
        if (ritual.archived || isNeverDue(ritual)) continue;
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

    // Every log and skip to its ritual id in one pass, whether or not the
    // ritual still exists (its logs still count for the connection streak).
    struct Entries {
        std::vector<LoggedDay> logs;
        std::vector<Day> skips;
    };
    std::unordered_map<std::string_view, Entries, IdHash, IdEqual> byRitual;
    byRitual.reserve(history.rituals.size() + 1);
    for (const Ritual& ritual : history.rituals)
        byRitual.try_emplace(ritual.id);
    Entries* current = nullptr;
    std::string_view currentId;
    for (const Log& log : history.logs) {
        // Logs often come in runs of one ritual: no lookup for those.
        if (current == nullptr || !sameId(log.ritualId, currentId)) {
            current = &byRitual[log.ritualId];
            currentId = log.ritualId;
        }
        current->logs.push_back(loggedDayOf(log));
    }
    for (const Skip& skip : history.skips)
        byRitual[skip.ritualId].skips.push_back(skip.day);

    for (auto& [ritualId, entries] : byRitual) {
        if (entries.logs.empty()) continue;
        sortByDay(entries.logs);
        state.logsByRitual.emplace(std::string(ritualId), std::move(entries.logs));
    }
    state.logsPerDay = totalLogsPerDay(state);

    const std::vector<Day> paused = pauseDays(history);
    static const std::vector<LoggedDay> none;
    for (const Ritual& ritual : history.rituals) {
        // The first of several rituals sharing an id wins, as with any map.
        if (state.rituals.count(ritual.id) != 0) continue;
        const auto logs = state.logsByRitual.find(ritual.id);
        state.rituals.emplace(
            ritual.id, computeRitual(ritual, logs != state.logsByRitual.end() ? logs->second : none,
                                     byRitual[ritual.id].skips, paused, asOf));
    }
    deriveCoupleNumbers(state, history);
    countTally(state, history);
    return state;
}

void updateRitual(DerivedState& state, const History& history, const std::string& ritualId) {
    rereadRitual(state, history, ritualId);
    deriveCoupleNumbers(state, history);
    countTally(state, history);
}

void updateLogs(DerivedState& state, const History& history, const std::vector<Log>& added,
                const std::vector<Log>& removed) {
    std::vector<std::string> touched;
    const auto touch = [&touched](const std::string& ritualId) {
        if (std::find(touched.begin(), touched.end(), ritualId) == touched.end())
            touched.push_back(ritualId);
    };
    bool inStep = true;
    for (const Log& log : removed) {
        touch(log.ritualId);
        inStep = inStep && removeLoggedDay(state, history, log);
    }
    for (const Log& log : added) {
        touch(log.ritualId);
        if (inStep) addLoggedDay(state, history, log);
    }
    for (const std::string& ritualId : touched) {
        // A removed log the state never had: it was not in step with the
        // history, so these rituals are read from the history again.
        if (inStep)
            recomputeRitual(state, history, ritualId);
        else
            updateRitual(state, history, ritualId);
    }
    deriveCoupleNumbers(state, history);
}

void updateDerived(DerivedState& state, const History& history, const ChangeRows& rows) {
    constexpr std::size_t manyRows = 2'000;
    const bool everything = !rows.of<Settings>().empty() || !rows.of<Pause>().empty() ||
                            rows.of<Ritual>().size() > 16 || rows.of<Log>().size() > manyRows ||
                            rows.of<Skip>().size() > manyRows;
    if (everything) {
        state = deriveAll(history, state.asOf);
        return;
    }
    std::vector<Log> added, removed;
    for (const RowChange<Log>& row : rows.of<Log>()) {
        if (row.before) removed.push_back(*row.before);
        if (row.after) added.push_back(*row.after);
    }
    if (!added.empty() || !removed.empty()) updateLogs(state, history, added, removed);
    std::set<std::string> rituals;
    for (const RowChange<Ritual>& row : rows.of<Ritual>())
        rituals.insert(keyOf(row.before ? *row.before : *row.after));
    for (const RowChange<Skip>& row : rows.of<Skip>())
        rituals.insert((row.before ? *row.before : *row.after).ritualId);
    for (const std::string& ritualId : rituals)
        rereadRitual(state, history, ritualId);
    if (!rituals.empty()) deriveCoupleNumbers(state, history);
    // A skip moves no log; a ritual or a goal can change what every log weighs.
    if (!rows.of<Ritual>().empty() || !rows.of<Goal>().empty()) countTally(state, history);
}

} // namespace kindling
