// The PIN lock (docs/product.md §1.4, §4.12): until the PIN is entered, the window
// shows this card and nothing of the couple's data, not even their names.
#include "app/session.hpp"
#include "ui/item_locator.hpp"
#include "ui/screens/preference_widgets.hpp"
#include "ui/screens/screens.hpp"
#include "ui/widgets.hpp"

namespace kindling::ui {

namespace {

void tryUnlock(UiState& state) {
    LockView& lock = state.lock;
    bool matches = false;
    try {
        matches = state.session->checkPin(lock.pin);
    } catch (const std::exception& e) {
        lock.message = std::string("The PIN could not be checked: ") + e.what();
        return;
    }
    lock.pin.clear();
    if (matches) {
        lock = LockView{};
        return;
    }
    lock.message = "That was not the PIN. No rush: try again whenever you are ready.";
}

} // namespace

void drawLockScreen(UiState& state) {
    const Palette& p = palette(state.theme);
    const float s = state.scale;
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float width = std::min(room.x, 420 * s);
    const float left = ImGui::GetCursorPosX() + (room.x - width) * 0.5f;
    ImGui::SetCursorPos(
        ImVec2(left, ImGui::GetCursorPosY() + std::max(0.0f, room.y * 0.5f - 170 * s)));

    beginCard(p, width, s);
    const float inner = width - 2 * 18 * s;
    ImGui::PushFont(state.fonts.display);
    ImGui::TextColored(p.accent, "%s", icons::fire);
    ImGui::PopFont();
    ImGui::PushFont(state.fonts.heading);
    ImGui::TextUnformatted("Kindling is locked");
    ImGui::PopFont();
    wrappedTextColored(p.textMuted, "Enter your PIN to open it.");
    ImGui::Dummy(ImVec2(0, 4 * s));

    // The field has the keyboard whenever it is empty and nothing else is in use.
    if (state.lock.pin.empty() && !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    const float buttonWidth =
        ImGui::CalcTextSize("Unlock").x + 2 * ImGui::GetStyle().FramePadding.x + 24 * s;
    const bool entered = pinInput("##pin", state.lock.pin,
                                  inner - buttonWidth - ImGui::GetStyle().ItemSpacing.x, "PIN");
    locateLastItem("lock/pin");
    ImGui::SameLine();
    const bool pressed =
        pillButton("Unlock", p.accent, true, ImVec2(buttonWidth, ImGui::GetFrameHeight()));
    locateLastItem("lock/unlock");
    if ((entered || pressed) && !state.lock.pin.empty()) tryUnlock(state);

    if (!state.lock.message.empty()) {
        ImGui::Dummy(ImVec2(0, 2 * s));
        problemText(p, state.lock.message);
    }
    ImGui::Dummy(ImVec2(0, 4 * s));
    wrappedTextColored(p.textMuted,
                       "Forgot it? Close Kindling and run \"kindling forget-pin\" in a terminal "
                       "on this computer; your data stays as it is.");
    endCard();
}

} // namespace kindling::ui
