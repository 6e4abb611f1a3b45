#pragma once
// Bytes from the system's random source (/dev/urandom; BCryptGenRandom).

#include <cstddef>
#include <cstdint>

namespace kindling::os {

// False when the source could not fill all `size` bytes.
bool systemRandomBytes(std::uint8_t* bytes, std::size_t size);

} // namespace kindling::os
