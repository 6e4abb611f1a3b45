#pragma once
// Pieces the welcome steps, the Settings screen and the PIN lock share.

#include "ui/shell.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace kindling::ui {

// A partner colour the couple can choose. Every one keeps white text readable
// on it and reads as text on the light and the dark theme (3:1 or more).
struct Swatch {
    std::uint32_t rgb;
    const char* name;
};
const std::array<Swatch, 12>& partnerSwatches();

// A row of colour circles (wrapping when narrow). `otherColour` is the other
// partner's and cannot be chosen. Returns true when `colour` changed. Each
// circle is located as `key` + "/" + its index.
bool colourSwatches(UiState& state, const std::string& key, std::uint32_t& colour,
                    std::uint32_t otherColour);

// A PIN field: digits only, at most 12, shown as dots. True when Enter was pressed in it.
bool pinInput(const char* label, std::string& pin, float width, const char* hint);

} // namespace kindling::ui
