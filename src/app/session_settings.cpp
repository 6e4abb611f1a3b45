// The couple, the settings and the optional PIN: what the Settings screen and
// the welcome steps change. None of it is undoable: each is changed back the
// way it was changed, from the same screen.
#include "app/pin.hpp"
#include "app/session.hpp"

namespace kindling {

namespace {

constexpr const char* pinHashKey = "pin_hash";

bool sameIgnoringAsciiCase(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

} // namespace

void Session::setCouple(const Couple& couple) {
    Couple checked = couple;
    for (std::size_t i = 0; i < 2; ++i) {
        Partner& partner = checked.partners[i];
        const std::string argument = i == 0 ? "partner 1" : "partner 2";
        partner.name = validatedName(argument, partner.name);
        if (sameIgnoringAsciiCase(partner.name, "both"))
            throw InputError(argument,
                             "\"both\" is kept for logging together; choose another name");
        if (partner.colour > 0xFFFFFFu)
            throw InputError(argument, argument + ": a colour is six hex digits (0xRRGGBB)");
    }
    if (sameIgnoringAsciiCase(checked.partners[0].name, checked.partners[1].name))
        throw InputError("partner 2", "The two of you need different names, so every log "
                                      "can say who it was");
    store_.saveCouple(checked);
    history_.couple = checked;
    ++revision_;
}

void Session::setSettings(const Settings& settings) {
    if (settings.dayStartHour < 0 || settings.dayStartHour > 23)
        throw InputError("day start", "The day can start at any hour from 0 to 23");
    if (settings.weekStart < 0 || settings.weekStart > 6)
        throw InputError("week start", "The week starts on a day from Monday to Sunday");
    store_.saveSettings(settings);
    history_.settings = settings;
    rederive(); // the week start moves goals' weeks and the dashboard's week
}

bool Session::hasPin() const {
    return store_.getSetting(pinHashKey).has_value();
}

bool Session::checkPin(std::string_view pin) const {
    const auto hash = store_.getSetting(pinHashKey);
    return hash && pinMatchesHash(*hash, pin);
}

void Session::setPin(std::string_view currentPin, std::string_view newPin) {
    if (hasPin() && !checkPin(currentPin))
        throw InputError("current PIN", "That is not the current PIN, so nothing changed");
    if (!isValidPin(newPin)) throw InputError("PIN", "A PIN is 4 to 12 digits");
    store_.setSetting(pinHashKey, hashPin(newPin));
}

void Session::removePin(std::string_view currentPin) {
    if (!hasPin()) return;
    if (!checkPin(currentPin))
        throw InputError("current PIN", "That is not the current PIN, so nothing changed");
    store_.eraseSetting(pinHashKey);
}

void Session::forgetPin() {
    store_.eraseSetting(pinHashKey);
}

} // namespace kindling
