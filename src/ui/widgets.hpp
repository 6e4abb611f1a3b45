#pragma once
// Small drawing helpers shared by the screens.

#include "ui/theme.hpp"

#include <array>
#include <cstdint>
#include <imgui.h>
#include <string>
#include <string_view>

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
inline constexpr const char* trophy = "\uf091";
inline constexpr const char* star = "\uf005";
inline constexpr const char* flagCheckered = "\uf11e";
inline constexpr const char* calendarCheck = "\uf274";
inline constexpr const char* picture = "\uf03e";
inline constexpr const char* book = "\uf02d";
inline constexpr const char* list = "\uf03a";
inline constexpr const char* barChart = "\uf080";
inline constexpr const char* lineChart = "\uf201";
inline constexpr const char* calendar = "\uf073";
inline constexpr const char* users = "\uf0c0";
inline constexpr const char* pieChart = "\uf200";
inline constexpr const char* bullseye = "\uf140";
inline constexpr const char* cog = "\uf013";
inline constexpr const char* folderOpen = "\uf07c";
inline constexpr const char* download = "\uf019";
inline constexpr const char* upload = "\uf093";
inline constexpr const char* history = "\uf1da";
inline constexpr const char* pencil = "\uf040";
inline constexpr const char* trash = "\uf014";
inline constexpr const char* starEmpty = "\uf006";
inline constexpr const char* arrowRight = "\uf061";
inline constexpr const char* lock = "\uf023";
inline constexpr const char* arrowLeft = "\uf060";
inline constexpr const char* clock = "\uf017";
inline constexpr const char* paintBrush = "\uf1fc";
inline constexpr const char* unlock = "\uf09c";
inline constexpr const char* plus = "\uf067";
inline constexpr const char* archive = "\uf187";
inline constexpr const char* chevronUp = "\uf077";
inline constexpr const char* chevronDown = "\uf078";
inline constexpr const char* chevronRight = "\uf054";
inline constexpr const char* lightbulb = "\uf0eb";
inline constexpr const char* gift = "\uf06b";
inline constexpr const char* exclamationCircle = "\uf06a";
inline constexpr const char* compass = "\uf14e";
inline constexpr const char* handshake = "\uf2b5";
inline constexpr const char* handPaper = "\uf256";
inline constexpr const char* play = "\uf04b";
inline constexpr const char* stop = "\uf04d";
inline constexpr const char* exchange = "\uf0ec";
inline constexpr const char* bell = "\uf0f3";
// Every glyph above: the fonts build these (and core/icons.hpp's) only, so a
// new one goes here too (tests/ui/fonts_test.cpp checks that it was).
inline constexpr std::array all{fire,
                                heart,
                                sun,
                                moon,
                                lifeRing,
                                leaf,
                                check,
                                undo,
                                snowflake,
                                comments,
                                forward,
                                pause,
                                trophy,
                                star,
                                flagCheckered,
                                calendarCheck,
                                picture,
                                book,
                                list,
                                barChart,
                                lineChart,
                                calendar,
                                users,
                                pieChart,
                                bullseye,
                                cog,
                                folderOpen,
                                download,
                                upload,
                                history,
                                pencil,
                                trash,
                                starEmpty,
                                arrowRight,
                                lock,
                                arrowLeft,
                                clock,
                                paintBrush,
                                unlock,
                                plus,
                                archive,
                                chevronUp,
                                chevronDown,
                                chevronRight,
                                lightbulb,
                                gift,
                                exclamationCircle,
                                exchange,
                                bell,
                                compass,
                                handshake,
                                handPaper,
                                play,
                                stop};
} // namespace icons

// A rounded surface behind a group of widgets, as tall as its content.
void beginCard(const Palette& palette, float width, float scale);
void endCard();

// Text that wraps at the right edge of the current region.
void wrappedText(std::string_view text);
void wrappedTextColored(const ImVec4& colour, std::string_view text);
// What went wrong, and what went well, never alike: a problem is berry with
// an exclamation mark; a success is the accent's check mark beside plain text.
void problemText(const Palette& palette, std::string_view text);
void doneText(const Palette& palette, std::string_view text);

// Text wrapped at `width` with every line centred in it, from the cursor.
void centredWrappedText(std::string_view text, float width);

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

// "17,783": a count read at a glance.
std::string thousands(std::int64_t value);

// ImGui::InputText(WithHint) over a std::string, growing it as the person
// types (1.86's package has no imgui_stdlib). An empty `hint` shows none.
bool inputText(const char* label, std::string& text, const char* hint = "",
               ImGuiInputTextFlags flags = 0);
// The same for several lines (a note), `size` as ImGui::InputTextMultiline takes it.
bool inputTextMultiline(const char* label, std::string& text, ImVec2 size,
                        ImGuiInputTextFlags flags = 0);

} // namespace kindling::ui
