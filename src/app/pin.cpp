#include "app/pin.hpp"

#include <algorithm>
#include <sodium.h>
#include <stdexcept>

namespace kindling {

namespace {

void initialiseSodium() {
    // Safe to call more than once (and from several threads).
    if (sodium_init() < 0) throw std::runtime_error("the PIN cannot be protected on this system");
}

} // namespace

bool isValidPin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hashPin(std::string_view pin) {
    initialiseSodium();
    char out[crypto_pwhash_STRBYTES];
    // The interactive costs (64 MiB, a fraction of a second): checking the
    // PIN on open stays quick, guessing it from a copied file does not.
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("there was not enough memory to protect the PIN");
    return out;
}

bool pinMatchesHash(const std::string& storedHash, std::string_view pin) {
    initialiseSodium();
    if (storedHash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(storedHash.c_str(), pin.data(), pin.size()) == 0;
}

} // namespace kindling
