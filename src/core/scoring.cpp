#include "core/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace kindling {

namespace {

constexpr std::uint8_t loggedFlag = 1;
constexpr std::uint8_t skippedFlag = 2;

// What one day of the series holds, over the range statesFrom..asOf.
struct DailyRecord {
    Day from;
    std::vector<double> amounts;
    std::vector<std::uint8_t> flags;

    std::size_t size() const { return flags.size(); }
    bool isLogged(std::size_t i) const { return (flags[i] & loggedFlag) != 0; }
    bool isSkipped(std::size_t i) const { return (flags[i] & skippedFlag) != 0; }
};

std::size_t indexOf(Day from, Day day) {
    return static_cast<std::size_t>((day - from).count());
}

// docs/scoring.md §1.2: D of 30 or 31 means the calendar month of `begin`, or the
// next one when `begin` is the last day of its month.
int windowLength(int perDays, Day begin) {
    if (perDays != 30 && perDays != 31) return perDays;
    return isLastDayOfMonth(begin) ? daysInMonth(begin + days{1}) : daysInMonth(begin);
}

// The constants of the §2 recurrence for one series.
struct StrengthRule {
    bool measured = false;
    MeasureKind kind = MeasureKind::AtLeast;
    double target = 0.0;
    long window = 1;    // W
    double count = 1.0; // K
    double multiplier = 1.0;
};

StrengthRule strengthRuleFor(Frequency frequency, const std::optional<Measure>& measure) {
    StrengthRule rule;
    rule.measured = measure.has_value();
    if (measure) {
        rule.kind = measure->kind;
        rule.target = measure->target;
    }
    rule.window = frequency.perDays;
    rule.count = frequency.times;
    // §2: a boolean ritual with f < 1 is judged over twice the window, so a
    // weekly ritual done on different weekdays is not punished.
    if (!rule.measured && frequency.times < frequency.perDays) {
        rule.window *= 2;
        rule.count *= 2;
    }
    rule.multiplier = strengthMultiplier(frequency);
    return rule;
}

// The rolling part of §2. Resuming the recurrence at any day needs only this
// state and the W days before it, which is what a later "recompute from day X"
// path will rebuild instead of starting over.
struct StrengthState {
    double previous = 0.0;
    double windowSum = 0.0;
    // Days in the window with a positive amount: when it drops to zero the sum
    // is reset to an exact 0, so floating-point residue from adding and
    // removing amounts can never turn an "at most 0" success into a failure.
    long windowPositives = 0;
};

double dayValue(const StrengthRule& rule, const DailyRecord& record, std::size_t i) {
    if (!record.isLogged(i)) return 0.0;
    // §2: boolean counts logged days; measured sums amounts (negative ones are
    // treated as 0, as the peer does).
    return rule.measured ? std::max(0.0, record.amounts[i]) : 1.0;
}

double progressOf(const StrengthRule& rule, double windowSum) {
    if (!rule.measured) return std::min(1.0, windowSum / rule.count);
    const double target = rule.target;
    if (rule.kind == MeasureKind::AtLeast) {
        return target > 0.0 ? std::min(1.0, windowSum / target) : 1.0;
    }
    if (target > 0.0) return std::clamp(1.0 - (windowSum - target) / target, 0.0, 1.0);
    return windowSum > 0.0 ? 0.0 : 1.0;
}

// Fills strengths for record indices [first, record.size()), oldest first.
void runStrengths(const StrengthRule& rule, const DailyRecord& record, std::size_t first,
                  StrengthState state, std::vector<double>& strengths) {
    const auto window = static_cast<std::size_t>(rule.window);
    // Written in place rather than pushed: no call inside the loop, so the
    // running strength stays in a register (years of days per series).
    const std::size_t offset = strengths.size();
    strengths.resize(offset + (record.size() > first ? record.size() - first : 0));
    double* out = strengths.data() + offset;
    for (std::size_t i = first; i < record.size(); ++i) {
        const double added = dayValue(rule, record, i);
        state.windowSum += added;
        if (added > 0.0) ++state.windowPositives;
        // §2: the window never reaches before the first entry.
        if (i >= first + window) {
            const double removed = dayValue(rule, record, i - window);
            state.windowSum -= removed;
            if (removed > 0.0) --state.windowPositives;
        }
        if (state.windowPositives == 0) state.windowSum = 0.0;

        // §2: a skipped day neither decays nor gains; a logged day is never
        // treated as skipped.
        if (!record.isSkipped(i) || record.isLogged(i)) {
            const double p = progressOf(rule, state.windowSum);
            state.previous = state.previous * rule.multiplier + p * (1.0 - rule.multiplier);
        }
        *out++ = state.previous;
    }
}

// §3: how a day stands toward a streak.
enum class StreakDay : std::uint8_t { Breaks, Skipped, Kept };

StreakDay streakDay(const SeriesResult& result, const DailyRecord& record,
                    const std::optional<Measure>& measure, std::size_t i) {
    if (!measure) {
        switch (result.states[i]) {
        case DayState::None:
            return StreakDay::Breaks;
        case DayState::Skipped:
            return StreakDay::Skipped;
        case DayState::Logged:
        case DayState::Auto:
            return StreakDay::Kept;
        }
        return StreakDay::Breaks;
    }
    if (record.isLogged(i)) {
        const double amount = record.amounts[i];
        const bool met = measure->kind == MeasureKind::AtLeast ? amount >= measure->target
                                                               : amount <= measure->target;
        return met ? StreakDay::Kept : StreakDay::Breaks;
    }
    // A skip never breaks a streak, measured rituals too, where Loop breaks it
    // (docs/scoring.md §10). A day with nothing logged never counts, even
    // "at most".
    return record.isSkipped(i) ? StreakDay::Skipped : StreakDay::Breaks;
}

} // namespace

Frequency normalizedFrequency(Frequency frequency) {
    Frequency result;
    result.perDays = std::max(1, frequency.perDays);
    result.times = std::clamp(frequency.times, 1, result.perDays);
    if (result.times == result.perDays) result = Frequency{1, 1};
    return result;
}

double frequencyRatio(Frequency frequency) {
    const Frequency f = normalizedFrequency(frequency);
    return static_cast<double>(f.times) / static_cast<double>(f.perDays);
}

double strengthMultiplier(Frequency frequency) {
    return std::pow(0.5, std::sqrt(frequencyRatio(frequency)) / 13.0);
}

double SeriesResult::strengthOn(Day day) const {
    if (!firstDay || day < *firstDay || strengths.empty()) return strengthBefore;
    const std::size_t i = std::min(indexOf(*firstDay, day), strengths.size() - 1);
    return strengths[i];
}

DayState SeriesResult::stateOn(Day day) const {
    if (states.empty() || day < statesFrom || day > asOf) return DayState::None;
    return states[indexOf(statesFrom, day)];
}

SeriesInput expandWeekdaySchedule(const SeriesInput& input, Day asOf) {
    SeriesInput expanded = input;
    if (!input.weekdays) return expanded;
    expanded.weekdays.reset();
    expanded.frequency = Frequency{1, 1};

    std::optional<Day> first;
    if (!input.logged.empty() && input.logged.front().first <= asOf) {
        first = input.logged.front().first;
    }
    if (!input.skipped.empty() && input.skipped.front() <= asOf) {
        first = first ? std::min(*first, input.skipped.front()) : input.skipped.front();
    }
    if (!first) return expanded;

    const Weekdays& scheduled = *input.weekdays;
    std::vector<Day> merged;
    merged.reserve(input.skipped.size() + indexOf(*first, asOf) + 1);
    auto explicitSkip = input.skipped.begin();
    for (Day day = *first; day <= asOf; day += days{1}) {
        while (explicitSkip != input.skipped.end() && *explicitSkip < day) {
            merged.push_back(*explicitSkip++);
        }
        if (!scheduled[static_cast<std::size_t>(isoWeekdayIndex(day))] &&
            (explicitSkip == input.skipped.end() || *explicitSkip != day)) {
            merged.push_back(day);
        }
    }
    merged.insert(merged.end(), explicitSkip, input.skipped.end());
    expanded.skipped = std::move(merged);
    return expanded;
}

std::vector<KeptWindow> keptWindows(Frequency frequency,
                                    const std::vector<Day>& loggedNewestFirst) {
    const Frequency f = normalizedFrequency(frequency);
    const auto n = static_cast<std::size_t>(f.times);
    const std::vector<Day>& y = loggedNewestFirst;

    // §1.2: every run of N consecutive logs short enough to fit in one window.
    std::vector<KeptWindow> windows;
    for (std::size_t i = n - 1; i < y.size(); ++i) {
        const Day begin = y[i];
        const Day newest = y[i - (n - 1)];
        const int length = windowLength(f.perDays, begin);
        if ((newest - begin).count() < length) {
            windows.push_back(KeptWindow{begin, newest, begin + days{length - 1}});
        }
    }

    // §1.3: slide older windows back so they touch their newer neighbour.
    for (std::size_t i = 1; i < windows.size(); ++i) {
        KeptWindow& current = windows[i];
        const KeptWindow& newer = windows[i - 1];
        const days::rep overlap = (current.end - newer.begin).count();
        if (overlap >= 0) {
            const days shift{std::min((current.end - current.newest).count(), overlap + 1)};
            current.begin -= shift;
            current.end -= shift;
        }
    }
    return windows;
}

SeriesResult computeSeries(const SeriesInput& rawInput, Day asOf) {
    const SeriesInput expanded =
        rawInput.weekdays ? expandWeekdaySchedule(rawInput, asOf) : SeriesInput{};
    const SeriesInput& input = rawInput.weekdays ? expanded : rawInput;
    const Frequency frequency = normalizedFrequency(input.frequency);

    SeriesResult result;
    result.asOf = asOf;
    result.statesFrom = asOf;
    // §2: "at most" starts at full strength, before any entry too.
    const bool atMost = input.measure && input.measure->kind == MeasureKind::AtMost;
    result.strengthBefore = atMost ? 1.0 : 0.0;

    // The series as it stood on asOf: later entries have not happened yet.
    std::vector<Day> loggedDays; // ascending, unique
    loggedDays.reserve(input.logged.size());
    for (const auto& [day, amount] : input.logged) {
        if (day > asOf) break;
        if (loggedDays.empty() || loggedDays.back() != day) loggedDays.push_back(day);
    }
    const auto firstSkip = input.skipped.begin();
    const bool hasSkip = firstSkip != input.skipped.end() && *firstSkip <= asOf;
    if (loggedDays.empty() && !hasSkip) return result;

    Day firstDay = loggedDays.empty() ? *firstSkip : loggedDays.front();
    if (hasSkip) firstDay = std::min(firstDay, *firstSkip);
    result.firstDay = firstDay;

    // §1: a measured ritual has no auto-filled days, nor one never due (§3.7).
    std::vector<KeptWindow> windows;
    if (!input.measure && !input.neverDue) {
        const std::vector<Day> newestFirst(loggedDays.rbegin(), loggedDays.rend());
        windows = keptWindows(frequency, newestFirst);
    }
    Day from = firstDay;
    for (const KeptWindow& window : windows)
        from = std::min(from, window.begin);
    result.statesFrom = from;

    DailyRecord record;
    record.from = from;
    const std::size_t count = indexOf(from, asOf) + 1;
    record.amounts.assign(count, 0.0);
    record.flags.assign(count, 0);
    for (const auto& [day, amount] : input.logged) {
        if (day > asOf) break;
        const std::size_t i = indexOf(from, day);
        record.amounts[i] += amount;
        record.flags[i] |= loggedFlag;
    }
    for (const Day day : input.skipped) {
        if (day > asOf) break;
        record.flags[indexOf(from, day)] |= skippedFlag;
    }
    result.asOfHasEntry = record.flags.back() != 0;

    // §1.4 via a difference array: linear in days plus windows, however long
    // the windows are.
    std::vector<int> coverage(count + 1, 0);
    for (const KeptWindow& window : windows) {
        if (window.begin > asOf) continue;
        ++coverage[indexOf(from, window.begin)];
        --coverage[std::min(indexOf(from, window.end), count - 1) + 1];
    }
    result.states.resize(count, DayState::None);
    int covered = 0;
    for (std::size_t i = 0; i < count; ++i) {
        covered += coverage[i];
        if (record.isLogged(i)) {
            result.states[i] = DayState::Logged;
        } else if (record.isSkipped(i)) {
            result.states[i] = DayState::Skipped;
        } else if (covered > 0) {
            result.states[i] = DayState::Auto;
        }
    }

    // §3.7: a ritual never due is never asked for, so a day without a log
    // changes its strength no more than a skipped day does (§2.5), and it
    // has no streak.
    if (input.neverDue)
        for (std::size_t i = 0; i < count; ++i)
            if (!record.isLogged(i)) record.flags[i] |= skippedFlag;

    // §2, from the first entry through asOf. "At most" starts at full strength.
    const StrengthRule rule = strengthRuleFor(frequency, input.measure);
    StrengthState initial;
    initial.previous = result.strengthBefore;
    result.strengths.reserve(indexOf(firstDay, asOf) + 1);
    runStrengths(rule, record, indexOf(from, firstDay), initial, result.strengths);

    if (input.neverDue) return result;

    // §3: maximal runs of counting days that hold at least one kept day (a
    // run of skipped days alone is no streak); the range ends at asOf, which
    // clips windows reaching into the future.
    constexpr std::size_t noRun = static_cast<std::size_t>(-1);
    std::size_t runStart = noRun;
    bool runHasKeptDay = false;
    for (std::size_t i = 0; i <= count; ++i) {
        const StreakDay state =
            i < count ? streakDay(result, record, input.measure, i) : StreakDay::Breaks;
        if (state != StreakDay::Breaks) {
            if (runStart == noRun) runStart = i;
            runHasKeptDay = runHasKeptDay || state == StreakDay::Kept;
        } else if (runStart != noRun) {
            if (runHasKeptDay) {
                const Day start = from + days{static_cast<days::rep>(runStart)};
                const Day end = from + days{static_cast<days::rep>(i) - 1};
                result.streaks.push_back(Streak{start, end, static_cast<int>(i - runStart)});
            }
            runStart = noRun;
            runHasKeptDay = false;
        }
    }
    std::reverse(result.streaks.begin(), result.streaks.end());
    return result;
}

std::vector<Streak> bestStreaks(std::vector<Streak> streaks, std::size_t k) {
    std::sort(streaks.begin(), streaks.end(), [](const Streak& a, const Streak& b) {
        if (a.length != b.length) return a.length > b.length;
        return a.end > b.end;
    });
    if (streaks.size() > k) streaks.resize(k);
    std::sort(streaks.begin(), streaks.end(),
              [](const Streak& a, const Streak& b) { return a.end > b.end; });
    return streaks;
}

std::optional<Streak> currentStreak(const std::vector<Streak>& streaks, Day asOf,
                                    bool asOfHasEntry) {
    for (const Streak& streak : streaks) {
        if (streak.start <= asOf && asOf <= streak.end) return streak;
    }
    // §3: today is still open, so yesterday's streak is still current.
    if (!asOfHasEntry) {
        for (const Streak& streak : streaks) {
            if (streak.end == asOf - days{1}) return streak;
        }
    }
    return std::nullopt;
}

std::optional<Streak> currentStreak(const SeriesResult& result) {
    return currentStreak(result.streaks, result.asOf, result.asOfHasEntry);
}

} // namespace kindling
