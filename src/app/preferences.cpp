#include "app/preferences.hpp"

#include "app/session.hpp"
#include "core/actions.hpp"

#include <fmt/format.h>
#include <string>

namespace kindling {

namespace {

namespace keys {
constexpr const char* theme = "theme";
constexpr const char* uiScale = "ui_scale";
constexpr const char* reduceMotion = "reduce_motion";
constexpr const char* welcomeBackSeen = "welcome_back_seen";
} // namespace keys

std::string themeText(ThemeVariant theme) {
    return theme == ThemeVariant::Dark ? "dark" : "light";
}
std::string scaleText(float scale) {
    return fmt::format("{:g}", scale);
}
std::string flagText(bool on) {
    return on ? "1" : "0";
}

} // namespace

Preferences loadPreferences(const Session& session) {
    Preferences preferences;
    const std::string theme = session.preference(keys::theme, "");
    if (theme == themeText(ThemeVariant::Dark)) preferences.theme = ThemeVariant::Dark;
    const std::string scale = session.preference(keys::uiScale, "");
    for (float offered : uiScales)
        if (scale == scaleText(offered)) preferences.uiScale = offered;
    preferences.reduceMotion = session.preference(keys::reduceMotion, "") == flagText(true);
    if (auto seen = session.findPreference(keys::welcomeBackSeen))
        preferences.welcomeBackSeen = parseDay(*seen);
    return preferences;
}

void savePreferences(Session& session, const Preferences& preferences) {
    const Preferences stored = loadPreferences(session);
    ChangeSet change;
    change.undoable = false;
    change.description = "the preferences";
    const auto write = [&](const char* key, std::optional<std::string> value) {
        change.append(setPreference(session.findPreference(key), key, value));
    };
    if (preferences.theme != stored.theme) write(keys::theme, themeText(preferences.theme));
    if (preferences.uiScale != stored.uiScale) write(keys::uiScale, scaleText(preferences.uiScale));
    if (preferences.reduceMotion != stored.reduceMotion)
        write(keys::reduceMotion, flagText(preferences.reduceMotion));
    if (preferences.welcomeBackSeen != stored.welcomeBackSeen)
        write(keys::welcomeBackSeen, preferences.welcomeBackSeen
                                         ? std::optional(formatDay(*preferences.welcomeBackSeen))
                                         : std::nullopt);
    if (!change.empty()) session.apply(change);
}

} // namespace kindling
