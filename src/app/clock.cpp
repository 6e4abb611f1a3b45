#include "app/clock.hpp"

#include "platform/os/local_time.hpp"

#include <atomic>
#include <ctime>

namespace kindling {

namespace {

// INT64_MIN: the clock runs.
std::atomic<std::int64_t> fixedNow{INT64_MIN};

} // namespace

std::int64_t unixNow() {
    const std::int64_t fixed = fixedNow.load();
    return fixed != INT64_MIN ? fixed : static_cast<std::int64_t>(std::time(nullptr));
}

LocalTime localTimeOf(std::int64_t unixSeconds) {
    const std::tm local = os::localTime(static_cast<std::time_t>(unixSeconds));
    return LocalTime{local.tm_year + 1900,
                     static_cast<unsigned>(local.tm_mon + 1),
                     static_cast<unsigned>(local.tm_mday),
                     local.tm_hour,
                     local.tm_min,
                     local.tm_sec};
}

Day localLogicalToday(int dayStartHour) {
    const LocalTime local = localTimeOf(unixNow());
    return logicalDay(local.year, local.month, local.day, local.hour, dayStartHour);
}

void setClockForTesting(std::optional<std::int64_t> unixSeconds) {
    fixedNow.store(unixSeconds.value_or(INT64_MIN));
}

} // namespace kindling
