#pragma once
// Calendar days as Kindling counts them. Everything in the core is stated over
// logical days (product.md: the day starts at a configurable hour), never over
// the clock: the caller passes "today" in.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kindling {

using Day = std::chrono::sys_days;
using std::chrono::days;

// Parses exactly "YYYY-MM-DD"; rejects impossible dates such as 2026-02-30.
std::optional<Day> parseDay(std::string_view text);
std::string formatDay(Day day);
// "Sunday, 22 November 2026": how the app shows a day to the couple.
std::string formatLongDay(Day day);

int daysInMonth(Day day);
bool isLastDayOfMonth(Day day);
// 0 = Monday … 6 = Sunday (ISO order, used for weekday schedules).
int isoWeekdayIndex(Day day);

// The logical day of a local wall-clock moment: before dayStartHour it still
// belongs to the previous calendar day (a hug at 00:30 counts for the evening).
Day logicalDay(int year, unsigned month, unsigned dayOfMonth, int hour, int dayStartHour);

// First day of the week containing `day`; weekStart is 0 = Monday … 6 = Sunday.
Day startOfWeek(Day day, int weekStart);
Day startOfMonth(Day day);
Day endOfMonth(Day day);

inline long daysBetween(Day from, Day to) { return (to - from).count(); }

} // namespace kindling
