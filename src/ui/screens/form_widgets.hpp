#pragma once
// Pieces the Rituals and Goals screens build their forms and lists from.

#include "app/session.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

#include <exception>
#include <string>
#include <string_view>

namespace kindling::ui {

// The width inside a card of `width` (beginCard's padding on both sides).
float cardInnerWidth(float width, float scale);

// A pill that fits `label`.
ImVec2 pillSize(std::string_view label, float scale);

// Pills laid out left to right that wrap onto a new line at `width`.
class Flow {
  public:
    Flow(float width, float scale);
    // A choice: filled when `selected`. Returns true when clicked.
    bool pill(const Palette& palette, const char* label, bool selected, float minWidth = 0.0f);

  private:
    float left_, right_, scale_;
    bool first_ = true;
};

// A quiet button that shows or hides a section below it ("Archived (2)").
void disclosure(const Palette& palette, const std::string& label, bool& open);

// A field's caption, with room above it.
void fieldLabel(const Palette& palette, const char* text);
// Why the last save did not work, when it did not.
void formError(const Palette& palette, const std::string& error);

// The message of a failed command as a person reads it: InputError's
// "--target: must be at least 1" (the command line's words) becomes "Must be
// at least 1"; a store error is already written for people.
std::string readableError(const std::exception& error);

// Runs a command; a failure lands in `error` (readable), never escapes the
// frame. Returns whether it worked.
template <class F> bool attemptIn(std::string& error, F&& command) {
    try {
        command();
        error.clear();
        return true;
    } catch (const std::exception& e) {
        error = readableError(e);
        return false;
    }
}

// ---- Cards of the Settings screen (settings*.cpp) -----------------------------

// A card's heading: its icon in the accent colour, then the title.
void cardTitle(UiState& state, const Palette& palette, const char* icon, const char* title);
// A button's width for `label`.
float buttonWidth(const char* label);
// How a card's last action went, under it: a problem in its own colour and
// icon, a success with a check.
void showNotice(const Palette& palette, const Notice& notice);
// Runs an action; any failure becomes the card's notice, never a crash.
template <class F> void attempt(Notice& notice, F&& action) {
    try {
        action();
    } catch (const std::exception& e) {
        notice = {e.what(), true};
    }
}

// Under a screen's title: what went wrong (state.lastError), what the last
// action did (`notice`), and the undo button while there is something to undo.
// Ctrl+Z undoes too, while no field is being typed in. Undoing clears the notice.
void drawFeedback(UiState& state, const Palette& palette, std::string& notice, const char* undoKey,
                  float width);

} // namespace kindling::ui
