#pragma once
// The broken-down time of a moment, thread-safe: in the time zone the user
// set (localtime_r on POSIX, localtime_s on Windows), or in UTC (gmtime_r,
// gmtime_s).

#include <ctime>

namespace kindling::os {

std::tm localTime(std::time_t moment);
std::tm utcTime(std::time_t moment);

} // namespace kindling::os
