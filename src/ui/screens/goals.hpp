#pragma once
// What the Goals screen (goals.cpp) keeps between frames: the form being
// filled in, and the goals' numbers derived from the session.

#include "core/actions.hpp"
#include "core/date.hpp"
#include "core/goals.hpp"
#include "ui/view_cache.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kindling::ui {

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

// The goals as the screen lists them.
struct GoalLists {
    std::vector<GoalRow> active, archived; // in the order the goals were set
    std::vector<ReachedGoal> reached;      // newest first
};

struct GoalsState {
    GoalForm form;
    bool showArchived = false;
    std::string notice;
    ViewCache<GoalLists> lists;
};

} // namespace kindling::ui
