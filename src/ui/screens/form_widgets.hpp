#pragma once
// The small UI kit the screens build from: forms and lists, cards, the empty
// state, running a command and showing how it went. (The top of a screen is
// in screen_title.hpp.)

#include "app/session.hpp"
#include "ui/item_locator.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

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
    // A pill that chooses `option` for `value`, filled while it is chosen;
    // the tests find it at `locator`.
    template <class T>
    void choice(const Palette& palette, const char* label, T& value, const T& option,
                const std::string& locator) {
        if (pill(palette, label, value == option)) value = option;
        locateLastItem(locator);
    }

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

// "That did not work: …" in the problem colour; nothing when `error` is empty.
void showFailure(const Palette& palette, const std::string& error);

// ---- Running a command: its failure goes where the screen shows it, and never
// ---- escapes the frame.

// Into state.lastError, shown under the screen's title.
template <class F> void attempt(UiState& state, F&& command) {
    try {
        command();
        state.lastError.clear();
    } catch (const std::exception& e) {
        state.lastError = e.what();
    }
}

// Into a form's `error`, readable. Returns whether it worked.
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

// Into a card's notice (showNotice); the command may write a success there.
template <class F> void attempt(Notice& notice, F&& command) {
    try {
        command();
    } catch (const std::exception& e) {
        notice = {e.what(), true};
    }
}

// Into a card's notice, which says `saved` when it worked (empty: nothing).
template <class F> void attempt(Notice& notice, std::string saved, F&& command) {
    attempt(notice, [&] {
        command();
        notice = {std::move(saved), false};
    });
}

// Rows point into the session's history, so a command a row asks for must not
// change the history while the rows are drawn from it: the row asks here, and
// the screen runs it once every row is drawn.
class AfterRows {
  public:
    void ask(std::function<void()> command) { command_ = std::move(command); }
    // The command asked for, if any; a failure lands in state.lastError, readable.
    void run(UiState& state);

  private:
    std::function<void()> command_;
};

// A screen (or a list) with nothing to show yet: a card with an icon, what is
// missing and what to do. The caller may add a button, then calls endCard().
void beginEmptyState(const Palette& palette, float width, float scale, const char* icon,
                     const char* title, std::string_view text);

// ---- Cards of the Settings screen (settings*.cpp) -----------------------------

// A card's heading: its icon in the accent colour, then the title.
void cardTitle(UiState& state, const Palette& palette, const char* icon, const char* title);
// A button's width for `label`.
float buttonWidth(const char* label);
// How a card's last action went, under it: a problem in its own colour and
// icon, a success with a check. `roomAbove`: a little space between it and the
// card's last line (the data and sync cards); Settings' own cards set it closer.
void showNotice(const Palette& palette, const Notice& notice, bool roomAbove = true);
// Under a screen's title: what went wrong (state.lastError), what the last
// action did (`notice`), and the undo button while there is something to undo.
// Ctrl+Z undoes too, while no field is being typed in. Undoing clears the notice.
void drawFeedback(UiState& state, const Palette& palette, std::string& notice, const char* undoKey,
                  float width);

} // namespace kindling::ui
