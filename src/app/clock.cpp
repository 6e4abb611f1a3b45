#include "app/clock.hpp"

#include "platform/os/local_time.hpp"

#include <ctime>

namespace kindling {

Day localLogicalToday(int dayStartHour) {
    const std::time_t now = std::time(nullptr);
    const std::tm local = os::localTime(now);
    return logicalDay(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                      static_cast<unsigned>(local.tm_mday), local.tm_hour, dayStartHour);
}

} // namespace kindling
