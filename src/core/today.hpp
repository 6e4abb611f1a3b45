#pragma once
// What the Today screen shows for each ritual: due or resting, done or open.

#include "core/derived.hpp"

#include <optional>
#include <vector>

namespace kindling {

enum class TodayStatus : std::uint8_t {
    Open,     // due today and not yet done
    Partly,   // an `each` ritual one partner has done
    Done,     // done today (for `each`: by both)
    Skipped,  // skipped today, or the couple is on a pause
    Resting,  // not due: not one of its weekdays, or this period's target is already met
    Whenever, // never due (touch, "when it helps"): there whenever it happens
};

struct TodayItem {
    const Ritual* ritual = nullptr;
    TodayStatus status = TodayStatus::Open;
    std::array<bool, 2> doneBy{false, false}; // each partner (a Both log counts for both)
    double amountToday = 0.0;                 // measured rituals: the sum logged today
    int doneInPeriod = 0; // logged days in the last perDays days, today included
    // Touch and "when it helps" rituals (docs/scoring.md §3.7): never due,
    // logged when they happen by either partner or together. Done when
    // anyone logged it today; Whenever otherwise.
    bool neverDue = false;
};

// Active rituals in their order; archived ones are left out. A non-daily
// ritual (N per D) is due while fewer than N of the last D days are logged.
std::vector<TodayItem> todayItems(const History& history, const DerivedState& derived);

// Due today: Open, Partly, Done or Skipped, and not a ritual that is never due.
bool isDue(const TodayItem& item);

// Quiet days before today (docs/product.md §4.2 "Welcome back"): the days
// after the couple's last log before today, up to yesterday, that no pause
// covers. Welcomed back when there are at least minimumQuietGap of them; a
// couple that never logged has no gap.
inline constexpr int minimumQuietGap = 2;
struct QuietGap {
    Day first;         // the day after the last log
    Day last;          // yesterday
    int quietDays = 0; // days in [first, last] no pause covers
};
std::optional<QuietGap> quietGapBeforeToday(const History& history, const DerivedState& derived);

} // namespace kindling
