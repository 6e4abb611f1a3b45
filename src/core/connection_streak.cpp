#include "core/connection_streak.hpp"

#include <algorithm>

namespace kindling {

ConnectionStreak computeConnectionStreak(const std::vector<Day>& loggedDays,
                                         const std::vector<PauseSpan>& pauses, Day asOf) {
    ConnectionStreak result;
    // Before the first log the safety net is already waiting.
    if (loggedDays.empty() || loggedDays.front() > asOf) {
        result.freezesBanked = starterFreezes;
        return result;
    }

    std::vector<PauseSpan> sortedPauses = pauses;
    std::sort(sortedPauses.begin(), sortedPauses.end(),
              [](const PauseSpan& a, const PauseSpan& b) { return a.first < b.first; });
    auto nextPause = sortedPauses.begin();
    std::optional<Day> pausedThrough; // latest end among pauses begun so far

    auto nextLog = loggedDays.begin();
    std::optional<ConnectionRun> run;
    int loggedInRun = 0;
    bool firstRun = true;       // the couple's first run gets the starter freeze
    bool starterBanked = false; // the starter freeze is in the bank, unused

    const auto finish = [&result](const ConnectionRun& finished) {
        result.runs.push_back(finished);
        if (!result.best || finished.length >= result.best->length) result.best = finished;
    };

    for (Day day = loggedDays.front(); day <= asOf; day += days{1}) {
        while (nextLog != loggedDays.end() && *nextLog < day)
            ++nextLog;
        const bool logged = nextLog != loggedDays.end() && *nextLog == day;
        while (nextPause != sortedPauses.end() && nextPause->first <= day) {
            if (!pausedThrough || nextPause->last > *pausedThrough) pausedThrough = nextPause->last;
            ++nextPause;
        }
        const bool paused = pausedThrough && day <= *pausedThrough;

        if (logged || paused) {
            if (!run) {
                run = ConnectionRun{day, day, 0};
                loggedInRun = 0;
                if (firstRun) {
                    result.freezesBanked = starterFreezes;
                    starterBanked = true;
                    firstRun = false;
                }
            }
            if (logged && ++loggedInRun % loggedDaysPerFreeze == 0) {
                if (starterBanked)
                    starterBanked = false; // the starter becomes this day's freeze
                else if (result.freezesBanked < maxBankedFreezes)
                    ++result.freezesBanked;
            }
        } else if (day == asOf || !run) {
            // Today is still open; and with no streak alive there is nothing to freeze.
            continue;
        } else if (result.freezesBanked > 0) {
            --result.freezesBanked;
            starterBanked = false;
            result.frozenDays.push_back(day);
        } else {
            finish(*run);
            run.reset();
            continue;
        }
        run->end = day;
        run->length = static_cast<int>((run->end - run->start).count()) + 1;
    }

    if (run) {
        // Any day missed before asOf was frozen or broke the run, so a live run
        // ends on asOf or, when asOf is still empty, on the day before.
        finish(*run);
        result.current = run;
    }
    return result;
}

} // namespace kindling
