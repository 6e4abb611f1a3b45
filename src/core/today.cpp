#include "core/today.hpp"

#include <map>
#include <string_view>

namespace kindling {

namespace {

int loggedDaysInWindow(const SeriesResult& series, Day last, int length) {
    int count = 0;
    for (int i = 0; i < length; ++i)
        if (series.stateOn(last - days{i}) == DayState::Logged) ++count;
    return count;
}

bool pausedOn(const History& history, Day day) {
    for (const Pause& pause : history.pauses)
        if (pause.first <= day && day <= pause.last) return true;
    return false;
}

} // namespace

std::vector<TodayItem> todayItems(const History& history, const DerivedState& derived) {
    const Day today = derived.asOf;
    struct LoggedToday {
        double amount = 0.0;
        std::array<bool, 2> by{false, false};
        bool any = false;
    };
    std::map<std::string_view, LoggedToday> logged;
    for (const Log& log : history.logs) {
        if (log.day != today) continue;
        LoggedToday& entry = logged[log.ritualId];
        entry.any = true;
        entry.amount += log.amount.value_or(0.0);
        if (log.who != Who::Partner2) entry.by[0] = true;
        if (log.who != Who::Partner1) entry.by[1] = true;
    }
    std::vector<TodayItem> items;
    for (const Ritual& ritual : history.rituals) {
        if (ritual.archived) continue;
        TodayItem item;
        item.ritual = &ritual;
        bool skipped = pausedOn(history, today);
        for (const Skip& skip : history.skips)
            skipped |= skip.ritualId == ritual.id && skip.day == today;
        const auto found = logged.find(ritual.id);
        const bool anyLog = found != logged.end();
        if (anyLog) {
            item.amountToday = found->second.amount;
            item.doneBy = found->second.by;
        }
        const auto stats = derived.rituals.find(ritual.id);
        const Frequency f = normalizedFrequency(ritual.frequency);
        if (stats != derived.rituals.end() && !ritual.weekdays)
            item.doneInPeriod = loggedDaysInWindow(stats->second.couple, today, f.perDays);

        item.neverDue = isNeverDue(ritual);
        if (item.neverDue) {
            // Never asked for, never resting: there when it happens.
            item.status = anyLog ? TodayStatus::Done : TodayStatus::Whenever;
            items.push_back(item);
            continue;
        }
        const bool doneToday =
            ritual.mode == RitualMode::Each ? item.doneBy[0] && item.doneBy[1] : anyLog;
        if (doneToday)
            item.status = TodayStatus::Done;
        else if (ritual.mode == RitualMode::Each && (item.doneBy[0] || item.doneBy[1]))
            item.status = TodayStatus::Partly;
        else if (skipped)
            item.status = TodayStatus::Skipped;
        else if (ritual.weekdays &&
                 !(*ritual.weekdays)[static_cast<std::size_t>(isoWeekdayIndex(today))])
            item.status = TodayStatus::Resting;
        else if (!ritual.weekdays && f.perDays > 1 && item.doneInPeriod >= f.times)
            item.status = TodayStatus::Resting;
        else
            item.status = TodayStatus::Open;
        items.push_back(item);
    }
    return items;
}

std::optional<QuietGap> quietGapBeforeToday(const History& history, const DerivedState& derived) {
    const Day today = derived.asOf;
    // The last day before today with a log.
    auto it = derived.logsPerDay.lower_bound(today);
    if (it == derived.logsPerDay.begin()) return std::nullopt;
    --it;
    QuietGap gap{it->first + days{1}, today - days{1}, 0};
    if (gap.last < gap.first) return std::nullopt;
    for (Day day = gap.first; day <= gap.last; day += days{1})
        if (!pausedOn(history, day)) ++gap.quietDays;
    if (gap.quietDays < minimumQuietGap) return std::nullopt;
    return gap;
}

bool isDue(const TodayItem& item) {
    return !item.neverDue && item.status != TodayStatus::Resting;
}

} // namespace kindling
