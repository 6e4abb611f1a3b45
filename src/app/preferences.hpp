#pragma once
// This computer's preferences, typed: what the window reads and changes. They
// are stored as preference rows (one key each) and change through
// Session::apply like every other change (docs/architecture.md §2). The
// reminder (app/reminder.hpp) and the PIN (session_pin.cpp) keep their own keys.

#include "core/date.hpp"

#include <array>
#include <optional>

namespace kindling {

class Session;

enum class ThemeVariant { Light, Dark };

// The text and control sizes Settings offers.
inline constexpr std::array<float, 5> uiScales{0.9f, 1.0f, 1.15f, 1.3f, 1.5f};

// A value that is unset or garbled reads as the default.
struct Preferences {
    ThemeVariant theme = ThemeVariant::Light; // "theme": "light" or "dark"
    float uiScale = 1.0f;                     // "ui_scale": one of uiScales
    bool reduceMotion = false;                // "reduce_motion": calm, static celebrations
    std::optional<Day> welcomeBackSeen;       // "welcome_back_seen": the last quiet day welcomed
    bool operator==(const Preferences&) const = default;
};

Preferences loadPreferences(const Session& session);
// Writes the preferences that differ from the session's in one change set
// (none when nothing differs); a StoreError or RuleViolation changes nothing.
void savePreferences(Session& session, const Preferences& preferences);

// Loads them, lets `edit` change them and saves them: what a click does.
template <class Edit> void changePreferences(Session& session, Edit&& edit) {
    Preferences preferences = loadPreferences(session);
    edit(preferences);
    savePreferences(session, preferences);
}

} // namespace kindling
