#pragma once

#include <string>

namespace kindling {

// A random (version 4) UUID, 8-4-4-4-12 lowercase hex: the stable id of every
// row a couple creates. Randomness from /dev/urandom, else std::random_device.
std::string newUuid();

} // namespace kindling
