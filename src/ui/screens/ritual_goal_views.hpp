#pragma once
// What the Rituals and Goals screens (rituals.cpp, goals.cpp) keep between
// frames: the form being filled in, and the goals' numbers derived from the
// session.

#include "app/session.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

struct RitualsView {
    RitualForm form;
    bool showArchived = false;
    std::string notice; // what the last action did ("… is now one of your rituals")
};

// A new goal, or the one being edited, as the couple fills it in.
struct GoalForm {
    bool open = false;
    std::string goalId; // the goal being edited; empty for a new one
    GoalDraft draft;
    std::string fromText, toText; // a custom range's days as typed, YYYY-MM-DD
    std::string error;
    bool takeFocus = false;
};

// One goal as the Goals screen lists it.
struct GoalRow {
    std::string goalId;
    std::optional<GoalProgress> current; // the period it is in, or its last one
    bool ended = false;                  // a one-off goal whose period is over
    int timesReached = 0;                // periods completed, all time
};

// A completed period, for "Reached together".
struct ReachedGoal {
    std::string goalId;
    std::string title;
    std::string reward;
    Day start, end, completedOn;
};

struct GoalsView {
    GoalForm form;
    bool showArchived = false;
    std::string notice;
    // Rebuilt when the session, its revision or its day changes.
    const kindling::Session* builtFor = nullptr;
    std::uint64_t builtRevision = ~std::uint64_t{0};
    Day builtAsOf{};
    std::vector<GoalRow> active, archived; // in the order the goals were set
    std::vector<ReachedGoal> reached;      // newest first
};

} // namespace kindling::ui
