#pragma once
// The top of every screen in the sidebar: a muted line, then the title.

#include "ui/shell.hpp"

#include <string>
#include <string_view>

namespace kindling::ui {

// A muted `line`, then `title` in the display font. With an `undoKey`, the
// undo button stands right of the title while there is something to undo (so
// nothing below moves when it appears), and Ctrl+Z does the same while no
// field is being typed in; `undoKey` names the button for the tests. A failed
// undo lands in state.lastError.
void drawScreenTitle(UiState& state, const char* title, const std::string& line, float width,
                     const char* undoKey = nullptr);

// The same title with a filled pill button (`action`, found by tests as
// `actionKey`) at its right; true on the frame it is clicked.
bool drawScreenTitle(UiState& state, const char* title, const std::string& line, float width,
                     const std::string& action, const std::string& actionKey);

// Under the title: what the screen is for, in a muted line or two.
void drawScreenIntro(UiState& state, std::string_view text, float width);

} // namespace kindling::ui
