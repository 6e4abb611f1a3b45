#include "platform/os/random_bytes.hpp"

#include <bcrypt.h>
#include <windows.h>

namespace kindling::os {

bool systemRandomBytes(std::uint8_t* bytes, std::size_t size) {
    return BCryptGenRandom(nullptr, bytes, static_cast<ULONG>(size),
                           BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}

} // namespace kindling::os
