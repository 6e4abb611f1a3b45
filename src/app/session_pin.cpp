// The optional PIN (docs/product.md "Private"): a preference of this computer,
// kept only as a salted hash (app/pin.hpp). Changed back the way it was
// changed, from Settings: not undoable.
#include "app/pin.hpp"
#include "app/session.hpp"

namespace kindling {

namespace {

constexpr const char* pinHashKey = "pin_hash";

} // namespace

bool Session::hasPin() const {
    return preferences_.count(pinHashKey) > 0;
}

bool Session::checkPin(std::string_view pin) const {
    const auto hash = preferences_.find(pinHashKey);
    return hash != preferences_.end() && pinMatchesHash(hash->second, pin);
}

void Session::setPin(std::string_view currentPin, std::string_view newPin) {
    if (hasPin() && !checkPin(currentPin))
        throw RuleViolation(Field::CurrentPin, "That is not the current PIN, so nothing changed");
    if (!isValidPin(newPin)) throw RuleViolation(Field::NewPin, "A PIN is 4 to 12 digits");
    setPreference(pinHashKey, hashPin(newPin));
}

void Session::removePin(std::string_view currentPin) {
    if (!hasPin()) return;
    if (!checkPin(currentPin))
        throw RuleViolation(Field::CurrentPin, "That is not the current PIN, so nothing changed");
    setPreference(pinHashKey, std::nullopt);
}

void Session::forgetPin() {
    setPreference(pinHashKey, std::nullopt);
}

} // namespace kindling
