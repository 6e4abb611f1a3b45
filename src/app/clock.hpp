#pragma once
// The one place that reads the wall clock. Everything else asks here, so a
// test can set the time (setClockForTesting) and nothing reads std::time on
// its own. A test that runs the kindling binary sets the environment variable
// KINDLING_TEST_NOW instead ("2026-12-02 20:45", local time; README
// "Testing with another time"), which clock.cpp alone reads.

#include "core/date.hpp"

#include <cstdint>
#include <optional>

namespace kindling {

// Now, in unix seconds.
std::int64_t unixNow();
// Today's logical day in local time; before dayStartHour it is still yesterday.
Day localLogicalToday(int dayStartHour);
// The local calendar date and time of `unixSeconds` (backup names, exports).
struct LocalTime {
    int year = 1970;
    unsigned month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
};
LocalTime localTimeOf(std::int64_t unixSeconds);

// Fixes the clock at `unixSeconds` for this process; nullopt lets it run again.
void setClockForTesting(std::optional<std::int64_t> unixSeconds);

} // namespace kindling
