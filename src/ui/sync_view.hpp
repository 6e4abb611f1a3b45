#pragma once
// Two computers in the window (app/sync_engine.hpp): when the window syncs —
// on opening, a moment after each change, and every few seconds to see what
// arrived — and what it knows of the last sync, for the sidebar's quiet
// status and the Settings card. The frame loop sleeps until the next sync is
// due (secondsUntilSync), so an idle window still uses no CPU in between.

#include "app/sync_engine.hpp"
#include "ui/screens/settings_data.hpp"

#include <optional>
#include <string>

namespace kindling::ui {

struct UiState;

struct SyncView {
    double nextAt = 0.0; // state.now of the next sync; 0: as soon as possible
    std::uint64_t syncedRevision = ~std::uint64_t{0}; // the session's revision at the last one
    std::optional<SyncStatus> status;                 // after the last sync (or on first need)
    std::optional<SyncReport> lastReport;
    // The Settings card's fields and how its last action went.
    std::string folder;
    std::string code;
    bool showCode = false;
    bool confirmStop = false;
    bool scrollIntoView = false; // Settings scrolls to the card once (from the welcome steps)
    Notice notice;
};

// Seconds to wait between looks at the folder while nothing happens here, and
// after a change before writing it (changes close together go in one file).
inline constexpr double syncEverySeconds = 10.0;
inline constexpr double syncAfterChangeSeconds = 2.0;

// Syncs when it is due; true when the history changed (draw again).
bool syncIfDue(UiState& state);
// How long the loop may sleep before syncIfDue has work; nullopt: never.
std::optional<double> secondsUntilSync(const UiState& state);
// Syncs now (the card's button) and refreshes what the view shows.
void syncNowFromWindow(UiState& state);

// One line under the sidebar: in step, waiting, or a problem in words.
void drawSyncStatusLine(UiState& state);

} // namespace kindling::ui
