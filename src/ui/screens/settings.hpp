#pragma once
// What the Settings screen (settings.cpp) keeps between frames: the fields
// typed before they are saved, and how each card's last change went. Its
// data section keeps its own (settings_data.hpp).

#include "ui/screens/settings_data.hpp"

#include <array>
#include <string>

namespace kindling::ui {

struct SettingsState {
    std::array<std::string, 2> names;
    std::array<std::string, 2> namesFrom; // the couple's names the fields were filled from
    std::string currentPin, newPin, repeatPin;
    Notice coupleNotice, daysNotice, lookNotice, pinNotice, talkNotice;
};

} // namespace kindling::ui
