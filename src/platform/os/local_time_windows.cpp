#include "platform/os/local_time.hpp"

namespace kindling::os {

std::tm localTime(std::time_t moment) {
    std::tm local{};
    ::localtime_s(&local, &moment);
    return local;
}

std::tm utcTime(std::time_t moment) {
    std::tm utc{};
    ::gmtime_s(&utc, &moment);
    return utc;
}

} // namespace kindling::os
