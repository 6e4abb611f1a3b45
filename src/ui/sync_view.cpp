#include "ui/sync_view.hpp"

#include "ui/item_locator.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace kindling::ui {

namespace {

bool syncOn(const UiState& state) {
    return state.sync.status && state.sync.status->on;
}

void refreshStatus(UiState& state) {
    try {
        state.sync.status = syncStatus(*state.session);
    } catch (const std::exception& e) {
        SyncStatus status;
        status.problems.push_back({"store", e.what(), {}});
        state.sync.status = status;
    }
}

} // namespace

void syncNowFromWindow(UiState& state) {
    if (state.session == nullptr) return;
    SyncView& view = state.sync;
    try {
        view.lastReport = syncNow(*state.session);
    } catch (const std::exception& e) {
        SyncReport report;
        report.problems.push_back({"store", e.what(), {}});
        view.lastReport = report;
    }
    refreshStatus(state);
    view.syncedRevision = state.session->revision();
    view.nextAt = state.now + syncEverySeconds;
}

bool syncIfDue(UiState& state) {
    if (state.session == nullptr || state.lock.locked) return false;
    SyncView& view = state.sync;
    if (!view.status) refreshStatus(state);
    if (!syncOn(state)) return false;
    // A change here goes out a moment later.
    if (state.session->revision() != view.syncedRevision)
        view.nextAt = std::min(view.nextAt, state.now + syncAfterChangeSeconds);
    if (state.now < view.nextAt) return false;
    const std::uint64_t before = state.session->revision();
    syncNowFromWindow(state);
    return state.session->revision() != before;
}

std::optional<double> secondsUntilSync(const UiState& state) {
    if (!syncOn(state)) return std::nullopt;
    double due = state.sync.nextAt;
    if (state.session != nullptr && state.session->revision() != state.sync.syncedRevision)
        due = std::min(due, state.now + syncAfterChangeSeconds);
    return std::max(0.0, due - state.now);
}

void drawSyncStatusLine(UiState& state) {
    if (!syncOn(state)) return;
    const Palette& p = palette(state.theme);
    const SyncStatus& status = *state.sync.status;
    std::string text;
    bool problem = false;
    if (!status.problems.empty()) {
        text = status.problems.front().message;
        problem = true;
    } else if (status.peers.empty()) {
        text = "Waiting for the other computer";
    } else if (status.pending > 0) {
        text = "Sending your changes…";
    } else {
        bool arriving = false;
        for (const SyncPeerStatus& peer : status.peers)
            arriving = arriving || peer.seenThrough > peer.appliedThrough;
        text = arriving ? "Changes are arriving" : "In step with " + status.peers.front().name;
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    if (problem) {
        ImGui::TextColored(p.problem, "%s", icons::exclamationCircle);
        ImGui::SameLine();
        ImGui::TextColored(p.textMuted, "%s", "Sync needs a look");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    } else {
        ImGui::TextColored(p.textMuted, "%s  %s", icons::exchange, text.c_str());
    }
    ImGui::PopTextWrapPos();
    locateLastItem("sync/status");
}

} // namespace kindling::ui
