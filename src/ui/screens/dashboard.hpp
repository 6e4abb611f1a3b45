#pragma once
// What the Dashboard (dashboard.cpp) keeps between frames.

#include "core/dashboard.hpp"
#include "core/date.hpp"
#include "ui/view_cache.hpp"

#include <optional>
#include <string>

namespace kindling::ui {

// The Dashboard calendar's small menu for one day of the chosen ritual.
struct CalendarDayMenu {
    std::optional<Day> day; // set while the menu is open
    std::string error;
};

struct DashboardState {
    std::string chosenRitual; // the calendar's ritual (the chooser), empty for all
    ViewCache<DashboardView, std::string> view; // its input: the ritual it was built for
    CalendarDayMenu calendarMenu;
};

} // namespace kindling::ui
