#pragma once
// The optional PIN (docs/product.md §1.4): it hides the app's content from a
// casual glance. Only a salted, deliberately slow hash of it is kept: Argon2id
// from libsodium, whose stored string carries its own random salt and costs.

#include <string>
#include <string_view>

namespace kindling {

// 4 to 12 digits: easy to type, and never a name or a sentence.
bool isValidPin(std::string_view pin);

// A new hash with a fresh random salt: hashing one PIN twice gives two
// different strings. Throws std::runtime_error when memory runs out.
std::string hashPin(std::string_view pin);

// Whether `pin` is the one `storedHash` was made from; false for a malformed hash.
bool pinMatchesHash(const std::string& storedHash, std::string_view pin);

} // namespace kindling
