#pragma once
// Small drawing helpers shared by the screens.

#include <imgui.h>
#include <string_view>

#include "ui/theme.hpp"

namespace kindling::ui {

// Font Awesome 4.7 glyphs used by the app's own chrome (UTF-8).
namespace icons {
inline constexpr const char* fire = "\uf06d";
inline constexpr const char* heart = "\uf004";
inline constexpr const char* sun = "\uf185";
inline constexpr const char* moon = "\uf186";
inline constexpr const char* lifeRing = "\uf1cd";
inline constexpr const char* leaf = "\uf06c";
} // namespace icons

// A rounded surface behind a group of widgets, as tall as its content.
void beginCard(const Palette& palette, float width, float scale);
void endCard();

// Text that wraps at the right edge of the current region.
void wrappedText(std::string_view text);
void wrappedTextColored(const ImVec4& colour, std::string_view text);

} // namespace kindling::ui
