#pragma once
// What the Today screen shows for each ritual: due or resting, done or open.

#include <vector>

#include "core/derived.hpp"

namespace kindling {

enum class TodayStatus : std::uint8_t {
    Open,    // due today and not yet done
    Partly,  // an `each` ritual one partner has done
    Done,    // done today (for `each`: by both)
    Skipped, // skipped today, or the couple is on a pause
    Resting, // not due: not one of its weekdays, or this period's target is already met
};

struct TodayItem {
    const Ritual* ritual = nullptr;
    TodayStatus status = TodayStatus::Open;
    std::array<bool, 2> doneBy{false, false}; // each partner (a Both log counts for both)
    double amountToday = 0.0;                 // measured rituals: the sum logged today
    int doneInPeriod = 0; // logged days in the last perDays days, today included
};

// Active rituals in their order; archived ones are left out. A non-daily
// ritual (N per D) is due while fewer than N of the last D days are logged.
std::vector<TodayItem> todayItems(const History& history, const DerivedState& derived);

bool isDue(const TodayItem& item);

} // namespace kindling
