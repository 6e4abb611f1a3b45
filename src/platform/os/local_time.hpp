#pragma once
// The broken-down local time of a moment (localtime_r on POSIX, localtime_s
// on Windows): thread-safe, and the time zone the user set.

#include <ctime>

namespace kindling::os {

std::tm localTime(std::time_t moment);

} // namespace kindling::os
