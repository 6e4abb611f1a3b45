#pragma once
// The fonts on the GPU: built at the window's scale, uploaded through the
// OpenGL3 backend, and then freed on the CPU side.

#include "ui/shell.hpp"

namespace kindling::platform {

// The monitor's content scale times the couple's UI scale (Settings): the
// layout's scale. On macOS the content scale is left out (window coordinates
// are points there; font_texture.cpp).
float scaleFor(const ui::UiState& state, float contentScale);

// Whether the fonts must be loaded again for this content scale: the layout's
// scale or (macOS) the pixel density the atlas was made for changed.
bool fontsOutOfDate(const ui::UiState& state, float contentScale);

// Starts the OpenGL3 backend (a GL context must be current) with its device
// objects made now: left to its first NewFrame, it would build the font atlas
// again from input loadFontsToGpu has freed, and draw every glyph from the
// wrong place.
bool startRenderer();

// Loads the fonts at that scale into state.fonts, uploads the atlas and
// frees its pixels and the font files' bytes (megabytes). After startRenderer.
void loadFontsToGpu(ui::UiState& state, float contentScale);

} // namespace kindling::platform
