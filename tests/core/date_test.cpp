#include "core/date.hpp"

#include <catch2/catch.hpp>
#include <cstdio>

using namespace kindling;
using namespace std::chrono;

TEST_CASE("formatDay writes YYYY-MM-DD for every day, padded, and parseDay reads it back") {
    CHECK(formatDay(Day{year{987} / 3 / 4}) == "0987-03-04");
    CHECK(formatDay(Day{year{2000} / 10 / 10}) == "2000-10-10");
    CHECK(formatDay(Day{year{12345} / 1 / 9}) == "12345-01-09");
    for (Day day = Day{year{1969} / 1 / 1}; day <= Day{year{2201} / 1 / 1}; day += days{1}) {
        const year_month_day ymd{day};
        char expected[16];
        std::snprintf(expected, sizeof expected, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        if (formatDay(day) != expected) FAIL(expected << " written as " << formatDay(day));
        if (parseDay(formatDay(day)) != day) FAIL(expected << " not read back");
    }
}

TEST_CASE("parseDay accepts real dates and rejects impossible or malformed ones") {
    REQUIRE(parseDay("2026-11-22").has_value());
    CHECK(formatDay(*parseDay("2026-11-22")) == "2026-11-22");
    CHECK(formatDay(*parseDay("2024-02-29")) == "2024-02-29");
    CHECK(formatLongDay(*parseDay("2026-11-22")) == "Sunday, 22 November 2026");
    CHECK(formatLongDay(*parseDay("2027-01-04")) == "Monday, 4 January 2027");
    CHECK_FALSE(parseDay("2026-02-30"));
    CHECK_FALSE(parseDay("2025-02-29"));
    CHECK_FALSE(parseDay("2026-13-01"));
    CHECK_FALSE(parseDay("2026-1-01"));
    CHECK_FALSE(parseDay("2026-01-01 "));
    CHECK_FALSE(parseDay("20x6-01-01"));
    CHECK_FALSE(parseDay(""));
}

TEST_CASE("month helpers") {
    CHECK(daysInMonth(*parseDay("2024-02-10")) == 29);
    CHECK(daysInMonth(*parseDay("2026-02-10")) == 28);
    CHECK(daysInMonth(*parseDay("2026-12-31")) == 31);
    CHECK(isLastDayOfMonth(*parseDay("2026-04-30")));
    CHECK_FALSE(isLastDayOfMonth(*parseDay("2026-05-30")));
    CHECK(startOfMonth(*parseDay("2026-11-22")) == *parseDay("2026-11-01"));
    CHECK(endOfMonth(*parseDay("2026-11-22")) == *parseDay("2026-11-30"));
}

TEST_CASE("logical day starts at the configured hour") {
    // A hug at 00:30 with the default 04:00 start belongs to the evening before.
    CHECK(logicalDay(2026, 11, 22, 0, 4) == *parseDay("2026-11-21"));
    CHECK(logicalDay(2026, 11, 22, 4, 4) == *parseDay("2026-11-22"));
    CHECK(logicalDay(2026, 3, 1, 1, 4) == *parseDay("2026-02-28"));
    CHECK(logicalDay(2026, 11, 22, 0, 0) == *parseDay("2026-11-22"));
}

TEST_CASE("weeks start on the chosen weekday") {
    const Day sunday = *parseDay("2026-11-22");
    CHECK(isoWeekdayIndex(sunday) == 6);
    CHECK(startOfWeek(sunday, 0) == *parseDay("2026-11-16"));
    CHECK(startOfWeek(sunday, 6) == sunday);
}
