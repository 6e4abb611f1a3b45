#pragma once
// The app's shell over a real data file in a fresh temporary folder, as the
// window would run it, and the text every frame drew: ImGui's own text
// logging captures what Text, Button and InputText put on screen, so a test
// reads the numbers a person would read.

#include "app/session.hpp"
#include "store/store_test_support.hpp"
#include "ui_fixture.hpp"

#include <cfloat>
#include <imgui.h>
#include <imgui_internal.h>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>

namespace kindling::testing {

class SessionFixture {
  public:
    // A taller display shows long screens (Settings) without scrolling.
    explicit SessionFixture(ImVec2 displaySize = ImVec2(1280, 800)) : ui_(displaySize) {
        ImGuiIO& io = ImGui::GetIO();
        io.ClipboardUserData = &drawn_;
        io.SetClipboardTextFn = [](void* user, const char* text) {
            static_cast<std::string*>(user)->assign(text);
        };
        // What the GLFW backend maps (GLFW_KEY_Z), so Ctrl+Z can be pressed.
        io.KeyMap[ImGuiKey_Z] = 'Z';
        io.KeyMap[ImGuiKey_Enter] = 257;  // GLFW_KEY_ENTER
        io.KeyMap[ImGuiKey_Escape] = 256; // GLFW_KEY_ESCAPE
        // Keyboard navigation and editing text (GLFW key codes).
        io.KeyMap[ImGuiKey_Tab] = 258;
        io.KeyMap[ImGuiKey_Backspace] = 259;
        io.KeyMap[ImGuiKey_RightArrow] = 262;
        io.KeyMap[ImGuiKey_LeftArrow] = 263;
        io.KeyMap[ImGuiKey_DownArrow] = 264;
        io.KeyMap[ImGuiKey_UpArrow] = 265;
        io.KeyMap[ImGuiKey_Space] = 32;
        io.KeyMap[ImGuiKey_Home] = 268;
        io.KeyMap[ImGuiKey_End] = 269;
        open();
    }
    SessionFixture(const SessionFixture&) = delete;
    SessionFixture& operator=(const SessionFixture&) = delete;

    Session& session() { return *session_; }
    ui::UiState& state() { return ui_.state; }
    Day today() const { return ui_.state.today; }
    const test::TempDir& dir() const { return dir_; }

    // Closes the data file and opens it again with a fresh session, as a new
    // start of the app would: everything shown afterwards came from disk.
    void reopen() {
        ui_.state.session = nullptr;
        session_.reset();
        ui_.state.screens.today = {};
        ui_.state.screens.journal = {};
        ui_.state.lastError.clear();
        open();
    }

    // The next morning, as the window sees it when the clock passes the
    // day's start: the same session, one day on.
    void nextDay() {
        ui_.state.today += days{1};
        session_->setAsOf(ui_.state.today);
    }

    void run(int frames = 1) {
        for (int i = 0; i < frames; ++i)
            ui_.harness.frame([this] { drawFrame(); });
    }
    // Clicks the widget; a celebration the click earned covers every screen,
    // so it is continued past, as the couple would. Returns how many were shown.
    // The pointer then leaves the window, so no tooltip cuts the drawn text short.
    int click(const std::string& key) {
        clickAndLeave(key);
        int shown = 0;
        for (; shown < 20 && !session_->pendingCelebrations().empty(); ++shown) {
            run();
            clickAndLeave("celebration/continue");
        }
        if (!session_->pendingCelebrations().empty())
            throw std::runtime_error("the celebrations never ended");
        return shown;
    }
    // Clicks, then draws the frame that shows what the click did.
    void act(const std::string& key) {
        click(key);
        run();
    }
    // Replaces what a text field holds: clicks it, deletes what is there (up
    // to 40 characters), types `text`.
    void retype(const std::string& key, const std::string& text) {
        act(key);
        pressKey(ImGuiKey_End);
        for (int i = 0; i < 40; ++i)
            pressKey(ImGuiKey_Backspace);
        type(text);
    }
    // Clicks the widget and nothing more: a celebration it earns stays up.
    void press(const std::string& key) {
        ui_.harness.click(key, [this] { drawFrame(); });
    }
    // Presses a key (an ImGuiKey_) for one frame, then lets go.
    void pressKey(ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        const int index = ImGui::GetKeyIndex(key);
        io.KeysDown[index] = true;
        run();
        io.KeysDown[index] = false;
        run();
    }
    // What the last frame asked of the platform (sparks, a card to save).
    const ui::FrameResult& lastFrame() const { return lastFrame_; }
    // Marks every waiting celebration as seen: for history set up before the
    // test, whose milestones the couple celebrated long ago.
    void celebrateAll() {
        while (!session_->pendingCelebrations().empty()) {
            // A copy: celebrated() erases the milestone the key would refer to.
            const std::string key = session_->pendingCelebrations().front().key;
            session_->celebrated(key);
        }
    }
    // Types into the widget that has keyboard focus, in one frame.
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str()); // "Zoë" as three characters
        run();
    }
    // Holds Ctrl and presses `key` (a GLFW key code) for one frame, then lets go.
    void pressCtrl(int key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = true;
        io.KeysDown[key] = true;
        run();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        run();
    }
    // Forgets where widgets were, then draws a frame: afterwards wasDrawn()
    // answers for that frame only.
    void runFresh() {
        ui_.harness.forgetItems();
        run();
    }
    bool wasDrawn(const std::string& key) const { return ui_.harness.wasDrawn(key); }
    // Stops (or restarts) reading the drawn text. While ImGui logs text, an
    // ImGuiListClipper draws every row, so a test of clipping turns it off.
    void readText(bool on) { readText_ = on; }
    // Where the widget was drawn (its centre), if it was.
    std::optional<ImVec2> centreOf(const std::string& key) const {
        return ui_.harness.centreOf(key);
    }

    // Everything the last frame drew as text, one line per row of widgets;
    // button labels are in "[ brackets ]", text fields in "{ braces }".
    const std::string& drawn() const { return drawn_; }
    bool shows(const std::string& text) const { return drawn_.find(text) != std::string::npos; }

    // The connection streak number beside the flame, as drawn.
    std::optional<int> shownStreak() const {
        static const std::regex pattern(R"((\d+)\s+days? of connection)");
        std::smatch match;
        if (!std::regex_search(drawn_, match, pattern)) return std::nullopt;
        return std::stoi(match[1].str());
    }

    // The line drawn under a ritual's name: its status and its buttons.
    // Empty when the ritual's row was not drawn.
    std::string rowOf(const std::string& ritualName) const {
        const std::string nameLine = "\n" + ritualName + "\n";
        const auto found = drawn_.find(nameLine);
        if (found == std::string::npos) return {};
        const auto begin = found + nameLine.size();
        return drawn_.substr(begin, drawn_.find('\n', begin) - begin);
    }

  private:
    void clickAndLeave(const std::string& key) {
        ui_.harness.click(key, [this] { drawFrame(); });
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }

    void open() {
        session_.emplace(Session::open(dir_.location(), ui_.state.today));
        ui_.state.session = &*session_;
    }

    void drawFrame() {
        drawn_.clear();
        if (!readText_) {
            lastFrame_ = ui::drawShell(ui_.state);
            return;
        }
        // Depth 0: logging must not open collapsed headers, as it would by default.
        ImGui::LogToClipboard(0);
        lastFrame_ = ui::drawShell(ui_.state);
        ImGui::LogFinish();
        // ImGui ends the log with the first top-level window that ends: a
        // tooltip or popup inside the screen cuts the text short.
        for (const ImGuiWindow* window : GImGui->Windows)
            if (window->Active &&
                (window->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)))
                drawn_ += "\n(the drawn text was cut short by a tooltip or popup)\n";
    }

    // Destroyed in reverse: the session closes its file before the folder goes.
    test::TempDir dir_;
    UiFixture ui_;
    std::optional<Session> session_;
    std::string drawn_;
    bool readText_ = true;
    ui::FrameResult lastFrame_;
};

} // namespace kindling::testing
