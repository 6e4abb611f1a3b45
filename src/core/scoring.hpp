#pragma once
// Strength, kept days and streaks of one ritual series, exactly as
// docs/scoring.md §0-§3 states them (Loop Habit Tracker's rules, with the
// departures of §10). Pure: "today" is the asOf parameter, never the clock.

#include "core/date.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace kindling {

// N times per D days (docs/scoring.md §0.2).
struct Frequency {
    int times = 1;
    int perDays = 1;
    bool operator==(const Frequency&) const = default;
};

// N == D is daily (docs/scoring.md §0.2). Out-of-range values are clamped into
// 1 <= N <= D so a corrupt schedule can never divide by zero.
Frequency normalizedFrequency(Frequency frequency);
// f = N / D after normalisation.
double frequencyRatio(Frequency frequency);
// 0.5 ^ (sqrt(f) / 13): the per-day decay of strength (docs/scoring.md §2).
double strengthMultiplier(Frequency frequency);

enum class MeasureKind { AtLeast, AtMost };

struct Measure {
    MeasureKind kind = MeasureKind::AtLeast;
    double target = 0.0;
    bool operator==(const Measure&) const = default;
};

// ISO order, Monday = 0 (isoWeekdayIndex); true = the ritual is scheduled that day.
using Weekdays = std::array<bool, 7>;

struct SeriesInput {
    Frequency frequency;
    std::optional<Measure> measure;
    // Ascending days with the amount logged (boolean rituals: 1, the amount is
    // ignored). Repeated days are allowed; their amounts add up.
    std::vector<std::pair<Day, double>> logged;
    // Ascending. A day both logged and skipped counts as logged.
    std::vector<Day> skipped;
    // "Specific weekdays" schedule (docs/scoring.md §0.3), not in Loop. Our
    // rule: it is scored as a daily ritual in which every non-scheduled day is
    // a skipped day (no decay, counts for streaks). When set, `frequency` is
    // ignored. See expandWeekdaySchedule.
    std::optional<Weekdays> weekdays;
    // A ritual that is never due (touch, "when it helps"; docs/scoring.md
    // §3.7): every day without a log counts as a skipped day for strength, so
    // it never fades, and the series has no kept (auto) days and no streaks.
    bool neverDue = false;
};

enum class DayState : std::uint8_t { None, Logged, Auto, Skipped };

// One kept-days window (docs/scoring.md §1): every day in [begin, end] is kept.
// `newest` is the newest log of the run that produced it; it stays inside the
// window when gaps are closed.
struct KeptWindow {
    Day begin;
    Day newest;
    Day end;
};

struct Streak {
    Day start;
    Day end;
    int length = 0; // calendar days, skipped days included
    bool operator==(const Streak&) const = default;
};

struct SeriesResult {
    Day asOf;
    // The first entry (logged or skipped) on or before asOf; nullopt when the
    // series has none, and then everything below is empty.
    std::optional<Day> firstDay;
    // One per day firstDay..asOf (docs/scoring.md §2).
    std::vector<double> strengths;
    // One per day statesFrom..asOf. statesFrom can be earlier than firstDay:
    // closing gaps may slide the oldest window before the first log (§1.3).
    Day statesFrom;
    std::vector<DayState> states;
    // Newest first, clipped at asOf (§3).
    std::vector<Streak> streaks;
    // asOf holds a log or a skip (it matters for the current streak, §3).
    bool asOfHasEntry = false;
    // The strength before the first entry, and of a series with no entry yet:
    // 0, or 1 for "at most", where a day with nothing logged is a success (§2).
    double strengthBefore = 0.0;

    // strengthBefore before the first entry; days after asOf carry the asOf
    // value because nothing is known yet.
    double strengthOn(Day day) const;
    double strength() const { return strengthOn(asOf); }
    DayState stateOn(Day day) const;
};

// Non-scheduled days from the first entry through asOf become skipped days and
// the frequency becomes 1 per 1; an input without weekdays is returned as is.
SeriesInput expandWeekdaySchedule(const SeriesInput& input, Day asOf);

// docs/scoring.md §1.1-1.3 over logged days given newest first (strictly
// decreasing). Returns the windows newest first, gaps already closed.
std::vector<KeptWindow> keptWindows(Frequency frequency, const std::vector<Day>& loggedNewestFirst);

// Entries after asOf are ignored: the series is seen as it was on asOf, which
// is what makes the strength on day X independent of the chosen asOf.
// Linear in the number of days plus entries.
SeriesResult computeSeries(const SeriesInput& input, Day asOf);

// Longest first, ties to the later end, take k, then newest first (§3).
std::vector<Streak> bestStreaks(std::vector<Streak> streaks, std::size_t k);

// The streak containing asOf or, when asOf has no entry yet, the one ending the
// day before (§3). `streaks` newest first, as computeSeries returns them.
std::optional<Streak> currentStreak(const std::vector<Streak>& streaks, Day asOf,
                                    bool asOfHasEntry);
std::optional<Streak> currentStreak(const SeriesResult& result);

} // namespace kindling
