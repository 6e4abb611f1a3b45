#pragma once
// Calendar days as Kindling counts them. Everything in the core is stated over
// logical days (docs/scoring.md §0.1: the day starts at a configurable hour), never over
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

// The days Kindling keeps: every log, skip, pause and goal falls inside them,
// so whatever one command writes, an export of it imports again.
inline constexpr Day earliestDay{std::chrono::year{1970} / std::chrono::January / 1};
inline constexpr Day latestDay{std::chrono::year{2200} / std::chrono::December / 31};
inline constexpr bool isKeptDay(Day day) {
    return day >= earliestDay && day <= latestDay;
}
// The same range as text, for messages.
inline constexpr std::string_view keptDaysText = "1970-01-01 to 2200-12-31";
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

// A long holds any span of Kindling's dates (1970–2200) on every system,
// also where long is 32 bits (Windows).
inline long daysBetween(Day from, Day to) {
    return static_cast<long>((to - from).count());
}

} // namespace kindling
