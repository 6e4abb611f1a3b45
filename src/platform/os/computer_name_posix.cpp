#include "platform/os/computer_name.hpp"

#include <unistd.h>

namespace kindling::os {

std::optional<std::string> computerName() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return std::nullopt;
    return name;
}

} // namespace kindling::os
