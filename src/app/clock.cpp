#include "app/clock.hpp"

#include "platform/os/local_time.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace kindling {

namespace {

// INT64_MIN: the clock runs.
std::atomic<std::int64_t> fixedNow{INT64_MIN};

// For tests of whole processes only (README "Testing with another time"):
// KINDLING_TEST_NOW fixes this process's clock at a local time
// "YYYY-MM-DD HH:MM" (or with a T, or seconds :SS), or at "@<unix seconds>".
// Read here and nowhere else; a value that is not a time is refused loudly.
std::optional<std::int64_t> testNowFromEnvironment() {
    const char* text = std::getenv("KINDLING_TEST_NOW");
    if (text == nullptr || *text == '\0') return std::nullopt;
    if (text[0] == '@') {
        char* end = nullptr;
        const long long seconds = std::strtoll(text + 1, &end, 10);
        if (end != text + 1 && *end == '\0') return seconds;
    } else {
        std::tm local{};
        char separator = 0;
        int consumed = 0;
        const int fields = std::sscanf(text, "%4d-%2d-%2d%c%2d:%2d%n:%2d%n", &local.tm_year,
                                       &local.tm_mon, &local.tm_mday, &separator, &local.tm_hour,
                                       &local.tm_min, &consumed, &local.tm_sec, &consumed);
        const bool whole = (fields == 6 || fields == 7) && text[consumed] == '\0';
        if (whole && (separator == ' ' || separator == 'T')) {
            local.tm_year -= 1900;
            local.tm_mon -= 1;
            local.tm_isdst = -1;
            const std::time_t seconds = std::mktime(&local);
            if (seconds != static_cast<std::time_t>(-1)) return static_cast<std::int64_t>(seconds);
        }
    }
    std::fprintf(stderr,
                 "kindling: KINDLING_TEST_NOW=%s is not \"YYYY-MM-DD HH:MM\" nor \"@SECONDS\"; "
                 "the clock runs as usual\n",
                 text);
    return std::nullopt;
}

const std::optional<std::int64_t>& environmentNow() {
    static const std::optional<std::int64_t> now = testNowFromEnvironment();
    return now;
}

} // namespace

std::int64_t unixNow() {
    const std::int64_t fixed = fixedNow.load();
    if (fixed != INT64_MIN) return fixed;
    if (const auto& fromEnvironment = environmentNow()) return *fromEnvironment;
    return static_cast<std::int64_t>(std::time(nullptr));
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
