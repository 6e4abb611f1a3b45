#pragma once
// The one place that reads the wall clock: "today" as a logical day.

#include "core/date.hpp"

namespace kindling {

// Today's logical day in local time; before dayStartHour it is still yesterday.
Day localLogicalToday(int dayStartHour);

} // namespace kindling
