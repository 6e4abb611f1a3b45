#include "platform/os/local_time.hpp"

namespace kindling::os {

std::tm localTime(std::time_t moment) {
    std::tm local{};
    ::localtime_r(&moment, &local);
    return local;
}

std::tm utcTime(std::time_t moment) {
    std::tm utc{};
    ::gmtime_r(&moment, &utc);
    return utc;
}

} // namespace kindling::os
