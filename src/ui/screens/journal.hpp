#pragma once
// What the Journal (journal.cpp) keeps between frames: its filter, the logs
// it lists, the log being edited.

#include "core/model.hpp"
#include "ui/view_cache.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kindling::ui {

// Whose logs the Journal lists: a partner's are their own and those done
// together; Together is only the logs of both.
enum class JournalWho { Everyone, Partner1, Partner2, Together };

struct JournalFilter {
    std::string ritualId; // empty: every ritual
    JournalWho who = JournalWho::Everyone;
    std::optional<Day> from, to; // inclusive
    bool operator==(const JournalFilter&) const = default;
};

struct JournalState {
    JournalFilter filter;
    std::string fromText, toText; // the filter's dates as typed
    // The filtered logs, newest first, as indices into the session's history().logs.
    ViewCache<std::vector<std::uint32_t>, JournalFilter> rows;
    // The log being edited (empty when none) and its fields as typed.
    std::string editingId;
    std::string dayText;
    Who who = Who::Both;
    double amount = 0.0;
    std::string note;
    std::string error; // why the last save did not work
};

} // namespace kindling::ui
