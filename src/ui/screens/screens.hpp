#pragma once
// One function per screen; each reads the state and draws into the current window.

#include "ui/shell.hpp"

namespace kindling::ui {

void drawTodayScreen(UiState& state);
void drawSupportScreen(UiState& state);
// Shown instead of every screen when the data file could not be opened.
void drawProblemScreen(UiState& state);

} // namespace kindling::ui
