#pragma once
// The small window a second start shows when the Kindling already open on the
// same data could not be asked to come forward (platform/single_instance.hpp).

#include "ui/shell.hpp"

namespace kindling::ui {

// The size it is opened at, before the monitor's scale.
inline constexpr int alreadyOpenWidth = 480;
inline constexpr int alreadyOpenHeight = 220;

// Draws the whole window. True when the couple closes it (the button, Enter
// or Escape).
bool drawAlreadyOpen(const UiState& state);

} // namespace kindling::ui
