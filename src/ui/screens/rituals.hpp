#pragma once
// What the Rituals screen (rituals.cpp) keeps between frames: the form being
// filled in.

#include "core/actions.hpp"
#include "core/scoring.hpp"

#include <string>

namespace kindling::ui {

// A new ritual, or the one being edited, as the couple fills it in.
struct RitualForm {
    bool open = false;
    std::string ritualId; // the ritual being edited; empty for a new one
    RitualDraft draft;
    // Kept while their switch is off, so switching back finds them again.
    bool onWeekdays = false;
    Weekdays weekdays{true, false, true, false, true, false, false};
    bool measured = false;
    Measure measure{MeasureKind::AtLeast, 20.0};
    std::string error;      // why the last save did not work
    bool takeFocus = false; // the name field takes the keyboard focus once
};

struct RitualsState {
    RitualForm form;
    bool showArchived = false;
    std::string notice; // what the last action did ("… is now one of your rituals")
};

} // namespace kindling::ui
