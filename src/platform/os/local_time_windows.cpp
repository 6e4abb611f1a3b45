#include "platform/os/local_time.hpp"

namespace kindling::os {

std::tm localTime(std::time_t moment) {
    std::tm local{};
    ::localtime_s(&local, &moment);
    return local;
}

} // namespace kindling::os
