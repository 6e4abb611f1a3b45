#pragma once
// Small drawing helpers shared by the screens.

#include <cstdint>
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
inline constexpr const char* check = "\uf00c";
inline constexpr const char* undo = "\uf0e2";
inline constexpr const char* snowflake = "\uf2dc";
inline constexpr const char* comments = "\uf086";
inline constexpr const char* forward = "\uf051";
inline constexpr const char* pause = "\uf04c";
} // namespace icons

// A rounded surface behind a group of widgets, as tall as its content.
void beginCard(const Palette& palette, float width, float scale);
void endCard();

// Text that wraps at the right edge of the current region.
void wrappedText(std::string_view text);
void wrappedTextColored(const ImVec4& colour, std::string_view text);

// Text cut with "…" to fit `maxWidth`; the whole text shows as a tooltip when
// it was cut.
void elidedText(std::string_view text, float maxWidth);

// The connection-streak flame: drawn with ImDrawList at the cursor, `height`
// tall, brighter and larger the longer the streak. Returns its width.
float flame(const Palette& palette, float height, int streakDays);

// A rounded pill button in a given colour (partner colours, the accent).
// `filled` draws it solid (done), otherwise as a soft outline.
bool pillButton(const char* label, const ImVec4& colour, bool filled, ImVec2 size);

ImVec4 colourFromRgb(std::uint32_t rgb);

} // namespace kindling::ui
