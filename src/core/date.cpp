#include "core/date.hpp"

#include <cstdio>

namespace kindling {

using namespace std::chrono;

std::optional<Day> parseDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const year_month_day ymd{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                             day{static_cast<unsigned>(parts[2])}};
    if (!ymd.ok() || parts[0] < 1900) return std::nullopt;
    return sys_days{ymd};
}

std::string formatDay(Day d) {
    const year_month_day ymd{d};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year,
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        return buffer;
    }
    // Digit by digit: milestones and rows format days in every update, and
    // snprintf was a tenth of one.
    std::string text = "0000-00-00";
    const auto put = [&text](std::size_t end, unsigned value) {
        for (std::size_t at = end; value > 0; value /= 10)
            text[--at] = static_cast<char>('0' + value % 10);
    };
    put(4, static_cast<unsigned>(year));
    put(7, static_cast<unsigned>(ymd.month()));
    put(10, static_cast<unsigned>(ymd.day()));
    return text;
}

std::string formatLongDay(Day d) {
    static const char* const weekdayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};
    static const char* const monthNames[] = {"January", "February", "March",     "April",
                                             "May",     "June",     "July",      "August",
                                             "September", "October", "November", "December"};
    const year_month_day ymd{d};
    return std::string(weekdayNames[isoWeekdayIndex(d)]) + ", " +
           std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           monthNames[static_cast<unsigned>(ymd.month()) - 1] + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

int daysInMonth(Day d) {
    const year_month_day ymd{d};
    return static_cast<int>(
        static_cast<unsigned>(year_month_day_last{ymd.year(), month_day_last{ymd.month()}}.day()));
}

bool isLastDayOfMonth(Day d) {
    return static_cast<unsigned>(year_month_day{d}.day()) == static_cast<unsigned>(daysInMonth(d));
}

int isoWeekdayIndex(Day d) { return static_cast<int>(weekday{d}.iso_encoding()) - 1; }

Day logicalDay(int y, unsigned m, unsigned dom, int hour, int dayStartHour) {
    const Day calendar{year_month_day{year{y}, month{m}, day{dom}}};
    return hour < dayStartHour ? calendar - days{1} : calendar;
}

Day startOfWeek(Day d, int weekStart) {
    const int offset = (isoWeekdayIndex(d) - weekStart + 7) % 7;
    return d - days{offset};
}

Day startOfMonth(Day d) {
    const year_month_day ymd{d};
    return sys_days{ymd.year() / ymd.month() / 1};
}

Day endOfMonth(Day d) {
    const year_month_day ymd{d};
    return sys_days{year_month_day_last{ymd.year(), month_day_last{ymd.month()}}};
}

} // namespace kindling
