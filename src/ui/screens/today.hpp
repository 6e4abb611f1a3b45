#pragma once
// What the Today screen (today.cpp) keeps between frames.

#include "core/today.hpp"
#include "ui/view_cache.hpp"

#include <map>
#include <string>
#include <vector>

namespace kindling::ui {

// The break being planned on the Today screen ("Taking a break?").
struct PauseDraft {
    bool open = false;    // the form is showing
    int reason = 0;       // index into the reasons the Today screen offers
    std::string note;     // optional, a few words
    std::string from, to; // YYYY-MM-DD as typed
    std::string error;    // why the last try did not work
};

struct TodayState {
    ViewCache<std::vector<TodayItem>> items; // the items point into the session's history
    PauseDraft pause;
    std::map<std::string, double> amountDrafts; // measured rituals: the amount being typed
};

} // namespace kindling::ui
