#include "platform/os/computer_name.hpp"
#include "platform/os/windows_text.hpp"

#include <windows.h>

namespace kindling::os {

std::optional<std::string> computerName() {
    wchar_t name[256] = {};
    DWORD length = sizeof name / sizeof name[0];
    if (!GetComputerNameExW(ComputerNameDnsHostname, name, &length) || length == 0)
        return std::nullopt;
    return narrow({name, length});
}

} // namespace kindling::os
