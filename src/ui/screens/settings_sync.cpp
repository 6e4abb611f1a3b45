// Settings → Two computers (app/sync_engine.hpp, README "Two computers, one
// couple"): choose the shared folder, pair with the code, see this computer
// and the other one, when each last wrote and what arrived.
#include "platform/os/local_time.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/form_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/sync_view.hpp"
#include "ui/widgets.hpp"

#include <ctime>
#include <fmt/format.h>
#include <imgui.h>

namespace kindling::ui {

namespace {

std::string when(std::int64_t unixSeconds) {
    const auto time = static_cast<std::time_t>(unixSeconds);
    const std::tm local = os::localTime(time);
    char text[48];
    std::strftime(text, sizeof text, "%d %B, %H:%M", &local); // %e is not on Windows
    return text[0] == '0' ? text + 1 : text;
}

std::filesystem::path typedFolder(const std::string& text) {
    if (text.rfind("~/", 0) == 0)
        if (const char* home = std::getenv("HOME"))
            return std::filesystem::path(home) / text.substr(2);
    return text;
}

void drawOff(UiState& state, const Palette& p, float inner) {
    SyncView& view = state.sync;
    wrappedTextColored(p.textMuted,
                       "Each of you can use Kindling on your own computer and see the same "
                       "rituals, streaks and goals. Choose a folder your sync app already shares "
                       "between the two computers (Syncthing, Nextcloud, Dropbox, a USB stick). "
                       "Only sealed files go there: nobody can read a name or a note in it.");
    fieldLabel(p, "The shared folder");
    ImGui::SetNextItemWidth(inner);
    inputText("##sync-folder", view.folder, "~/Kindling-sync");
    locateLastItem("sync/folder");
    fieldLabel(p, "Pairing code from the other computer (only on the second one)");
    ImGui::SetNextItemWidth(std::min(inner, 360 * state.scale));
    inputText("##sync-code", view.code, "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
    locateLastItem("sync/code");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    const bool joining = !view.code.empty();
    const char* label = joining ? "Join with this code" : "Sync through this folder";
    if (pillButton(label, p.accent, true, ImVec2(buttonWidth(label) + 24 * state.scale, 0))) {
        view.notice = {};
        attempt(view.notice, [&] {
            Session& session = *state.session;
            if (joining) {
                joinSync(session, typedFolder(view.folder), view.code);
                view.notice = {"You are paired. Everything of the two of you is here now.", false};
            } else {
                startSync(session, typedFolder(view.folder));
                view.notice = {"Syncing. On the other computer, choose its copy of this folder "
                               "and type the pairing code shown here.",
                               false};
                view.showCode = true;
            }
            view.code.clear();
        });
        syncNowFromWindow(state);
    }
    locateLastItem("sync/start");
}

void drawOn(UiState& state, const Palette& p, float inner) {
    SyncView& view = state.sync;
    const SyncStatus& status = *view.status;
    wrappedText("Syncing through " + status.folder.string() + ".");
    ImGui::Dummy(ImVec2(0, 4 * state.scale));
    wrappedTextColored(
        p.textMuted,
        "This computer (" + status.deviceName + ") " +
            (status.lastWrite ? "last wrote " + when(*status.lastWrite)
                              : std::string("has not written anything yet")) +
            (status.pending > 0 ? fmt::format(", {} change{} on the way", status.pending,
                                              status.pending == 1 ? "" : "s")
                                : std::string()) +
            ".");
    if (status.peers.empty())
        wrappedTextColored(p.textMuted, view.showCode
                                            ? "The other computer has not written yet. Type the "
                                              "pairing code below on it."
                                            : "The other computer has not written yet. To pair "
                                              "it, show the pairing code and type it there.");
    for (const SyncPeerStatus& peer : status.peers)
        wrappedTextColored(
            p.textMuted,
            peer.name +
                (peer.appliedAt ? ": what it wrote arrived here " + when(*peer.appliedAt)
                                : std::string(": nothing it wrote has arrived here yet")) +
                (peer.seenThrough > peer.appliedThrough ? " (more is on its way)" : "") + ".");
    if (view.lastReport && view.lastReport->rowsApplied > 0)
        wrappedTextColored(p.textMuted, fmt::format("Last time, {} change{} arrived.",
                                                    view.lastReport->rowsApplied,
                                                    view.lastReport->rowsApplied == 1 ? "" : "s"));
    for (const SyncProblem& problem : status.problems)
        problemText(p, problem.message);

    ImGui::Dummy(ImVec2(0, 6 * state.scale));
    if (ImGui::Button("Sync now")) {
        view.notice = {};
        syncNowFromWindow(state);
        if (view.status->problems.empty()) view.notice = {"In step.", false};
    }
    locateLastItem("sync/now");
    ImGui::SameLine();
    if (ImGui::Button(view.showCode ? "Hide the pairing code" : "Show the pairing code"))
        view.showCode = !view.showCode;
    locateLastItem("sync/show-code");
    ImGui::SameLine();
    if (ImGui::Button("Stop syncing")) view.confirmStop = true;
    locateLastItem("sync/stop");
    if (view.showCode) {
        attempt(view.notice, [&] {
            if (auto code = pairingCode(*state.session)) {
                std::string shown = *code;
                ImGui::SetNextItemWidth(std::min(inner, 360 * state.scale));
                inputText("##pairing-code", shown, "", ImGuiInputTextFlags_ReadOnly);
                locateLastItem("sync/pairing-code");
                wrappedTextColored(p.textMuted,
                                   "Type it on the other computer. It opens your sealed files, "
                                   "so keep it between the two of you.");
            }
        });
    }
    if (view.confirmStop) {
        wrappedText("Stop syncing on this computer? Nothing here or in the folder is deleted, "
                    "and you can pair again later.");
        if (ImGui::Button("Yes, stop")) {
            attempt(view.notice, [&] {
                stopSync(*state.session);
                view.notice = {"Sync is off on this computer.", false};
            });
            view.confirmStop = false;
            view.status.reset();
        }
        locateLastItem("sync/stop-yes");
        ImGui::SameLine();
        if (ImGui::Button("Keep syncing")) view.confirmStop = false;
    }
}

} // namespace

void drawSyncSection(UiState& state) {
    if (state.session == nullptr) return;
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const float width = ImGui::GetContentRegionAvail().x;
    const float inner = cardInnerWidth(width, s);
    SyncView& view = state.sync;
    if (!view.status) attempt(view.notice, [&] { view.status = syncStatus(*state.session); });
    ImGui::PushID("sync");
    if (view.scrollIntoView) {
        ImGui::SetScrollHereY(0.0f);
        view.scrollIntoView = false;
    }
    beginCard(p, width, s);
    cardTitle(state, p, icons::exchange, "Two computers");
    if (view.status && view.status->on)
        drawOn(state, p, inner);
    else
        drawOff(state, p, inner);
    showNotice(p, view.notice);
    endCard();
    ImGui::PopID();
}

} // namespace kindling::ui
