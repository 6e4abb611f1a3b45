// Strength, kept days, streaks and the connection streak of thousands of
// generated histories, checked against a second implementation written
// straight from docs/scoring.md: day by day, every window summed again, no
// rolling state, no difference arrays. It is slow and obvious on purpose; the
// production code (core/scoring.cpp, core/derived.cpp,
// core/connection_streak.cpp) is fast and must agree with it.

#include "core/connection_streak.hpp"
#include "core/derived.hpp"
#include "core/random.hpp"
#include "core/scoring.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace kindling;
namespace chr = std::chrono;

namespace {

// ---- The reference, from docs/scoring.md ---------------------------------------

// §0: the length of the calendar month holding `day`.
int monthLength(Day day) {
    const chr::year_month_day date{day};
    const chr::year_month_day_last last{date.year(), chr::month_day_last{date.month()}};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

struct RefWindow {
    Day begin;
    Day newest;
    Day end;
};

struct RefSeries {
    std::optional<Day> first;
    double before = 0.0;
    std::map<Day, double> strength; // first .. asOf
    std::map<Day, DayState> states; // days that are not None
    std::vector<Streak> streaks;    // newest first
    bool asOfHasEntry = false;
};

RefSeries referenceSeries(const SeriesInput& input, Day asOf) {
    RefSeries ref;
    const bool measured = input.measure.has_value();
    const bool atMost = measured && input.measure->kind == MeasureKind::AtMost;
    const double target = measured ? input.measure->target : 0.0;
    // §2: before the first entry, 0; "at most" 1.
    ref.before = atMost ? 1.0 : 0.0;

    // §0: entries after asOf have not happened; amounts of one day add up.
    std::map<Day, double> logged;
    for (const auto& [day, amount] : input.logged)
        if (day <= asOf) logged[day] += amount;
    std::set<Day> skipped;
    for (const Day day : input.skipped)
        if (day <= asOf) skipped.insert(day);
    if (logged.empty() && skipped.empty()) return ref;
    Day first = logged.empty() ? *skipped.begin() : logged.begin()->first;
    if (!skipped.empty()) first = std::min(first, *skipped.begin());
    ref.first = first;

    // §0: frequency N per D, N == D daily; out-of-range values clamped.
    int d = std::max(1, input.frequency.perDays);
    int n = std::clamp(input.frequency.times, 1, d);
    // §0: a weekday schedule is daily, its other days skipped from the first entry on.
    if (input.weekdays) {
        n = d = 1;
        for (Day day = first; day <= asOf; day += days{1})
            if (!(*input.weekdays)[static_cast<std::size_t>(isoWeekdayIndex(day))])
                skipped.insert(day);
    }
    if (n == d) n = d = 1;

    // §1: kept windows, boolean rituals only.
    std::vector<RefWindow> windows;
    if (!measured) {
        std::vector<Day> y;
        for (auto it = logged.rbegin(); it != logged.rend(); ++it)
            y.push_back(it->first);
        for (std::size_t i = static_cast<std::size_t>(n) - 1; i < y.size(); ++i) {
            const Day begin = y[i];
            const Day newest = y[i + 1 - static_cast<std::size_t>(n)];
            int length = d;
            if (d == 30 || d == 31) {
                const bool lastOfMonth = chr::year_month_day{begin + days{1}}.day() == chr::day{1};
                length = lastOfMonth ? monthLength(begin + days{1}) : monthLength(begin);
            }
            if ((newest - begin).count() < length)
                windows.push_back({begin, newest, begin + days{length - 1}});
        }
        for (std::size_t i = 1; i < windows.size(); ++i) {
            const auto overlap = (windows[i].end - windows[i - 1].begin).count();
            if (overlap < 0) continue;
            const auto shift = std::min((windows[i].end - windows[i].newest).count(), overlap + 1);
            windows[i].begin -= days{shift};
            windows[i].end -= days{shift};
        }
    }
    Day from = first;
    for (const RefWindow& window : windows)
        from = std::min(from, window.begin);

    const auto isLogged = [&](Day day) { return logged.count(day) != 0; };
    const auto isSkipped = [&](Day day) { return skipped.count(day) != 0; };
    for (Day day = from; day <= asOf; day += days{1}) {
        bool inWindow = false;
        for (const RefWindow& window : windows)
            inWindow = inWindow || (window.begin <= day && day <= window.end);
        if (isLogged(day))
            ref.states[day] = DayState::Logged;
        else if (isSkipped(day))
            ref.states[day] = DayState::Skipped;
        else if (inWindow)
            ref.states[day] = DayState::Auto;
    }

    // §2: strength, one step a day from the first entry.
    const double f = static_cast<double>(n) / d;
    const double m = std::pow(0.5, std::sqrt(f) / 13.0);
    int window = d;
    double count = n;
    if (!measured && n < d) {
        window = 2 * d;
        count = 2 * n;
    }
    double s = ref.before;
    for (Day day = first; day <= asOf; day += days{1}) {
        if (!(isSkipped(day) && !isLogged(day))) {
            double r = 0.0;
            for (int k = 0; k < window; ++k) {
                const Day back = day - days{k};
                if (back < first) break;
                if (!isLogged(back)) continue;
                r += measured ? std::max(0.0, logged[back]) : 1.0;
            }
            double p = 0.0;
            if (!measured)
                p = std::min(1.0, r / count);
            else if (!atMost)
                p = target > 0 ? std::min(1.0, r / target) : 1.0;
            else if (target > 0)
                p = std::clamp(1.0 - (r - target) / target, 0.0, 1.0);
            else
                p = r > 0 ? 0.0 : 1.0;
            s = s * m + p * (1.0 - m);
        }
        ref.strength[day] = s;
    }

    // §3: maximal runs of counting days holding at least one kept day.
    enum class Kind { Breaks, Skipped, Kept };
    const auto kindOf = [&](Day day) {
        if (!measured) {
            const auto state = ref.states.find(day);
            if (state == ref.states.end()) return Kind::Breaks;
            return state->second == DayState::Skipped ? Kind::Skipped : Kind::Kept;
        }
        if (isLogged(day)) {
            const double amount = logged[day];
            return (atMost ? amount <= target : amount >= target) ? Kind::Kept : Kind::Breaks;
        }
        return isSkipped(day) ? Kind::Skipped : Kind::Breaks;
    };
    std::optional<Day> runStart;
    bool runKept = false;
    for (Day day = from; day <= asOf + days{1}; day += days{1}) {
        const Kind kind = day <= asOf ? kindOf(day) : Kind::Breaks;
        if (kind != Kind::Breaks) {
            if (!runStart) runStart = day;
            runKept = runKept || kind == Kind::Kept;
            continue;
        }
        if (runStart && runKept) {
            const Day end = day - days{1};
            ref.streaks.insert(
                ref.streaks.begin(),
                Streak{*runStart, end, static_cast<int>((end - *runStart).count()) + 1});
        }
        runStart.reset();
        runKept = false;
    }
    ref.asOfHasEntry = isLogged(asOf) || isSkipped(asOf);
    return ref;
}

// §3: the streak holding asOf, or yesterday's while asOf has no entry.
std::optional<Streak> referenceCurrent(const RefSeries& ref, Day asOf) {
    for (const Streak& streak : ref.streaks)
        if (streak.start <= asOf && asOf <= streak.end) return streak;
    if (!ref.asOfHasEntry)
        for (const Streak& streak : ref.streaks)
            if (streak.end == asOf - days{1}) return streak;
    return std::nullopt;
}

// §3: longest first, later end on a tie, k of them, shown newest first.
std::vector<Streak> referenceBest(std::vector<Streak> streaks, std::size_t k) {
    std::vector<Streak> chosen;
    while (chosen.size() < k && !streaks.empty()) {
        auto best = streaks.begin();
        for (auto it = streaks.begin(); it != streaks.end(); ++it)
            if (it->length > best->length || (it->length == best->length && it->end > best->end))
                best = it;
        chosen.push_back(*best);
        streaks.erase(best);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Streak& a, const Streak& b) { return a.end > b.end; });
    return chosen;
}

struct RefConnection {
    std::vector<ConnectionRun> runs;
    std::vector<Day> frozen;
    int bank = 0;
    bool live = false;
};

// §4: the connection streak, one day at a time.
RefConnection referenceConnection(const std::set<Day>& loggedDays,
                                  const std::vector<PauseSpan>& pauses, Day asOf) {
    RefConnection ref;
    // §4.3, the safety net: one freeze waits before the first log.
    ref.bank = 1;
    if (loggedDays.empty() || *loggedDays.begin() > asOf) return ref;
    std::optional<ConnectionRun> run;
    int loggedInRun = 0;
    bool starterUnused = false; // the first run's starter freeze, still in the bank
    for (Day day = *loggedDays.begin(); day <= asOf; day += days{1}) {
        const bool logged = loggedDays.count(day) != 0;
        bool paused = false;
        for (const PauseSpan& pause : pauses)
            paused = paused || (pause.first <= day && day <= pause.last);
        if (logged || paused) {
            if (!run) {
                run = ConnectionRun{day, day, 0};
                loggedInRun = 0;
                // Only the first run ever begins with a freeze.
                starterUnused = ref.runs.empty();
                if (starterUnused) ref.bank = 1;
            }
            if (logged) {
                ++loggedInRun;
                // The 7th logged day's freeze is the unused starter itself.
                if (loggedInRun == 7 && starterUnused)
                    starterUnused = false;
                else if (loggedInRun % 7 == 0 && ref.bank < 2)
                    ++ref.bank;
            }
        } else if (day == asOf || !run) {
            continue;
        } else if (ref.bank > 0) {
            --ref.bank;
            starterUnused = false;
            ref.frozen.push_back(day);
        } else {
            ref.runs.push_back(*run);
            run.reset();
            continue;
        }
        run->end = day;
        run->length = static_cast<int>((run->end - run->start).count()) + 1;
    }
    if (run) {
        ref.runs.push_back(*run);
        ref.live = true;
    }
    return ref;
}

// ---- Comparing -------------------------------------------------------------------

std::string describe(const std::vector<Streak>& streaks) {
    std::ostringstream out;
    for (const Streak& s : streaks)
        out << "[" << formatDay(s.start) << ".." << formatDay(s.end) << " " << s.length << "] ";
    return out.str();
}

bool sameStreaks(const std::vector<Streak>& a, const std::vector<Streak>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].length != b[i].length)
            return false;
    return true;
}

bool sameStreak(const std::optional<Streak>& a, const std::optional<Streak>& b) {
    if (!a || !b) return !a && !b;
    return sameStreaks({*a}, {*b});
}

void requireSameSeries(const SeriesResult& actual, const SeriesInput& input, Day asOf) {
    const RefSeries ref = referenceSeries(input, asOf);
    REQUIRE(actual.firstDay.has_value() == ref.first.has_value());
    if (ref.first) REQUIRE(*actual.firstDay == *ref.first);
    const Day first = ref.first.value_or(asOf);

    CHECK(actual.strengthOn(first - days{5}) == ref.before);
    for (const auto& [day, strength] : ref.strength) {
        INFO("strength on " << formatDay(day));
        REQUIRE(actual.strengthOn(day) == Approx(strength).margin(1e-12));
    }
    const double last = ref.strength.empty() ? ref.before : ref.strength.rbegin()->second;
    CHECK(actual.strengthOn(asOf + days{3}) == Approx(last).margin(1e-12));

    const Day statesFrom = ref.states.empty() ? first : std::min(first, ref.states.begin()->first);
    for (Day day = statesFrom - days{3}; day <= asOf + days{3}; day += days{1}) {
        const auto state = ref.states.find(day);
        INFO("state on " << formatDay(day));
        REQUIRE(actual.stateOn(day) ==
                (state == ref.states.end() ? DayState::None : state->second));
    }

    INFO("streaks " << describe(actual.streaks) << "reference " << describe(ref.streaks));
    REQUIRE(sameStreaks(actual.streaks, ref.streaks));
    CHECK(actual.asOfHasEntry == ref.asOfHasEntry);
    CHECK(sameStreak(currentStreak(actual), referenceCurrent(ref, asOf)));
    for (const std::size_t k : {std::size_t{1}, std::size_t{3}})
        CHECK(sameStreaks(bestStreaks(actual.streaks, k), referenceBest(ref.streaks, k)));
}

// ---- Generated histories -------------------------------------------------------

struct Generator {
    SplitMix64 random;
    explicit Generator(std::uint64_t seed) : random(seed) {}

    int below(int bound) {
        return static_cast<int>(random.below(static_cast<std::uint64_t>(bound)));
    }
    bool chance(double p) { return random.chance(p); }
    template <class T> const T& pick(const std::vector<T>& options) {
        return options[static_cast<std::size_t>(below(static_cast<int>(options.size())))];
    }

    Frequency frequency() {
        static const std::vector<Frequency> options{
            {1, 1},  {1, 1},  {2, 2},  {1, 2},  {3, 7},  {5, 7},  {1, 7},   {2, 7}, {6, 7}, {1, 14},
            {2, 10}, {1, 30}, {2, 30}, {1, 31}, {3, 31}, {1, 60}, {2, 365}, {0, 0}, {9, 4}};
        return pick(options);
    }
    std::optional<Weekdays> weekdays() {
        if (!chance(0.15)) return std::nullopt;
        Weekdays scheduled{};
        for (bool& on : scheduled)
            on = chance(0.5);
        scheduled[static_cast<std::size_t>(below(7))] = true;
        return scheduled;
    }
    std::optional<Measure> measure() {
        const int kind = below(5);
        if (kind < 3) return std::nullopt;
        if (kind == 3)
            return Measure{MeasureKind::AtLeast, pick(std::vector<double>{0, 0.5, 10, 30})};
        return Measure{MeasureKind::AtMost, pick(std::vector<double>{0, 0.25, 15, 20})};
    }
    // Multiples of a quarter: sums are exact in doubles, whichever order they add in.
    double amount() { return chance(0.15) ? 0.0 : 0.25 * below(160); }
};

// A day pattern with quiet seasons, busy seasons and long runs of skips.
struct Season {
    double log = 0.5;
    double skip = 0.1;
};
Season nextSeason(Generator& g) {
    switch (g.below(5)) {
    case 0:
        return {0.0, 0.9}; // only skips: a run of skipped days alone is no streak
    case 1:
        return {0.0, 0.0}; // nothing at all
    case 2:
        return {0.95, 0.02};
    default:
        return {0.1 + 0.8 * g.random.unit(), 0.3 * g.random.unit()};
    }
}

SeriesInput generatedSeries(Generator& g, Day start, int span) {
    SeriesInput input;
    input.frequency = g.frequency();
    input.weekdays = g.weekdays();
    input.measure = g.measure();
    Season season = nextSeason(g);
    for (int offset = 0; offset < span; ++offset) {
        if (g.chance(0.05)) season = nextSeason(g);
        const Day day = start + days{offset};
        if (g.chance(season.log)) {
            input.logged.emplace_back(day, input.measure ? g.amount() : 1.0);
            if (input.measure && g.chance(0.2)) input.logged.emplace_back(day, g.amount());
        }
        if (g.chance(season.skip)) input.skipped.push_back(day);
    }
    return input;
}

} // namespace

TEST_CASE("every generated series scores as docs/scoring.md §1-§3 says") {
    // Starts spread over the year so that months of 28 to 31 days, their last
    // days and leap years all come up.
    const Day base = *parseDay("2023-11-20");
    for (std::uint64_t seed = 1; seed <= 3000; ++seed) {
        Generator g(seed);
        const Day start = base + days{g.below(900)};
        const int span = g.below(5) == 0 ? g.below(12) : g.below(240);
        const SeriesInput input = generatedSeries(g, start, span);
        // asOf before, inside and after the entries: later entries have not happened yet.
        const Day asOf = start + days{g.below(span + 30) - 5};
        INFO("seed " << seed << ", " << input.frequency.times << " per " << input.frequency.perDays
                     << (input.weekdays ? ", weekdays" : "")
                     << (input.measure
                             ? (input.measure->kind == MeasureKind::AtLeast ? ", at least "
                                                                            : ", at most ")
                             : "")
                     << (input.measure ? std::to_string(input.measure->target) : "") << ", as of "
                     << formatDay(asOf));
        requireSameSeries(computeSeries(input, asOf), input, asOf);
    }
}

TEST_CASE("every generated history derives the series and connection streak the rules give") {
    const Day base = *parseDay("2024-01-29");
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Generator g(seed * 7919);
        History history;
        const int ritualCount = 1 + g.below(3);
        for (int i = 0; i < ritualCount; ++i) {
            Ritual ritual;
            ritual.id = "ritual-" + std::to_string(i);
            ritual.name = ritual.id;
            ritual.mode = g.chance(0.5) ? RitualMode::Each : RitualMode::Together;
            ritual.frequency = g.frequency();
            ritual.weekdays = g.weekdays();
            ritual.measure = g.measure();
            ritual.archived = g.chance(0.1);
            history.rituals.push_back(ritual);
        }
        const int span = g.below(200);
        Season season = nextSeason(g);
        int logId = 0;
        for (int offset = 0; offset < span; ++offset) {
            if (g.chance(0.05)) season = nextSeason(g);
            const Day day = base + days{offset};
            // A ritual no longer in the history still keeps the connection streak.
            for (int i = -1; i < ritualCount; ++i) {
                const std::string ritualId =
                    i < 0 ? "gone" : history.rituals[static_cast<std::size_t>(i)].id;
                if (g.chance(i < 0 ? season.log * 0.1 : season.log)) {
                    Log log;
                    log.id = "log-" + std::to_string(logId++);
                    log.ritualId = ritualId;
                    log.day = day;
                    log.who = static_cast<Who>(g.below(3));
                    if (i >= 0 && history.rituals[static_cast<std::size_t>(i)].measure)
                        log.amount = g.amount();
                    history.logs.push_back(log);
                }
                if (i >= 0 && g.chance(season.skip))
                    history.skips.push_back(Skip{"skip-" + std::to_string(logId++), ritualId, day});
            }
        }
        for (int p = g.below(3); p > 0; --p) {
            const Day first = base + days{g.below(span + 10)};
            history.pauses.push_back(
                Pause{"pause-" + std::to_string(p), first, first + days{g.below(20)}, "away"});
        }
        // Logs in no particular order, as the history promises nothing.
        for (std::size_t i = history.logs.size(); i > 1; --i)
            std::swap(history.logs[i - 1],
                      history.logs[static_cast<std::size_t>(g.below(static_cast<int>(i)))]);
        const Day asOf = base + days{g.below(span + 20)};
        INFO("seed " << seed << ", as of " << formatDay(asOf));

        const DerivedState derived = deriveAll(history, asOf);

        // §0: the series of each ritual, built from the logs by hand.
        std::set<Day> paused;
        for (const Pause& pause : history.pauses)
            for (Day day = pause.first; day <= pause.last; day += days{1})
                paused.insert(day);
        double strengthSum = 0.0;
        int active = 0;
        for (const Ritual& ritual : history.rituals) {
            INFO(ritual.id << (ritual.mode == RitualMode::Each ? " (each)" : " (together)"));
            std::set<Day> skipped = paused;
            for (const Skip& skip : history.skips)
                if (skip.ritualId == ritual.id) skipped.insert(skip.day);
            std::array<std::map<Day, double>, 2> byPartner;
            std::map<Day, double> together;
            for (const Log& log : history.logs) {
                if (log.ritualId != ritual.id) continue;
                const double amount = ritual.measure ? log.amount.value_or(0.0) : 1.0;
                together[log.day] += amount;
                if (log.who != Who::Partner2) byPartner[0][log.day] += amount;
                if (log.who != Who::Partner1) byPartner[1][log.day] += amount;
            }
            const auto seriesOf = [&](const std::map<Day, double>& logged) {
                SeriesInput input;
                input.frequency = ritual.frequency;
                input.weekdays = ritual.weekdays;
                input.measure = ritual.measure;
                for (const auto& entry : logged)
                    input.logged.push_back(entry);
                input.skipped.assign(skipped.begin(), skipped.end());
                return input;
            };
            const RitualStats& stats = derived.rituals.at(ritual.id);
            SeriesInput couple = seriesOf(together);
            if (ritual.mode == RitualMode::Each) {
                // The couple keeps an `each` day when both logged; its amount is
                // the smaller of the two.
                std::map<Day, double> both;
                for (const auto& [day, amount] : byPartner[0])
                    if (byPartner[1].count(day) != 0)
                        both[day] = ritual.measure ? std::min(amount, byPartner[1].at(day)) : 1.0;
                couple = seriesOf(both);
                REQUIRE(stats.partners);
                requireSameSeries((*stats.partners)[0], seriesOf(byPartner[0]), asOf);
                requireSameSeries((*stats.partners)[1], seriesOf(byPartner[1]), asOf);
            } else {
                CHECK_FALSE(stats.partners);
            }
            requireSameSeries(stats.couple, couple, asOf);
            if (!ritual.archived) {
                const RefSeries ref = referenceSeries(couple, asOf);
                strengthSum += ref.strength.empty() ? ref.before : ref.strength.rbegin()->second;
                ++active;
            }
        }
        // §5: the couple's strength is the mean over the active rituals.
        CHECK(derived.coupleStrength ==
              Approx(active == 0 ? 0.0 : strengthSum / active).margin(1e-12));

        // §4: the connection streak over every logged day, pauses included.
        std::set<Day> loggedDays;
        for (const Log& log : history.logs)
            if (log.day <= asOf) loggedDays.insert(log.day);
        std::vector<PauseSpan> spans;
        for (const Pause& pause : history.pauses)
            spans.push_back({pause.first, pause.last});
        const RefConnection ref = referenceConnection(loggedDays, spans, asOf);
        const ConnectionStreak& actual = derived.connection;
        REQUIRE(actual.runs.size() == ref.runs.size());
        for (std::size_t i = 0; i < ref.runs.size(); ++i) {
            CHECK(actual.runs[i].start == ref.runs[i].start);
            CHECK(actual.runs[i].end == ref.runs[i].end);
            CHECK(actual.runs[i].length == ref.runs[i].length);
        }
        CHECK(actual.frozenDays == ref.frozen);
        CHECK(actual.freezesBanked == ref.bank);
        CHECK(actual.current.has_value() == ref.live);
        if (actual.current && ref.live) CHECK(actual.current->start == ref.runs.back().start);
        std::optional<ConnectionRun> best;
        for (const ConnectionRun& run : ref.runs)
            if (!best || run.length >= best->length) best = run;
        CHECK(actual.best.has_value() == best.has_value());
        if (actual.best && best) {
            CHECK(actual.best->start == best->start);
            CHECK(actual.best->length == best->length);
        }
    }
}
