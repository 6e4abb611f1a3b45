#pragma once
// One function per screen; each reads the state and draws into the current window.

#include "ui/shell.hpp"

namespace kindling::ui {

void drawTodayScreen(UiState& state);
void drawSupportScreen(UiState& state);

} // namespace kindling::ui
