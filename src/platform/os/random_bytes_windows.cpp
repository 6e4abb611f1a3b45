#include "platform/os/random_bytes.hpp"

// <windows.h> must come before the other Windows headers.
// clang-format off
#include <windows.h>
#include <bcrypt.h>
// clang-format on

namespace kindling::os {

bool systemRandomBytes(std::uint8_t* bytes, std::size_t size) {
    return BCryptGenRandom(nullptr, bytes, static_cast<ULONG>(size),
                           BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}

} // namespace kindling::os
