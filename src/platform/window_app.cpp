#include "platform/window_app.hpp"

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include "app/clock.hpp"
#include "app/preferences.hpp"
#include "app/session.hpp"
#include "platform/effects.hpp"
#include "platform/font_texture.hpp"
#include "platform/frame_pacer.hpp"
#include "platform/open_folder.hpp"
#include "platform/reminder_desktop.hpp"
#include "platform/screenshot.hpp"
#include "platform/single_instance.hpp"
#include "platform/window_icon.hpp"
#include "store/paths.hpp"
#include "ui/already_open.hpp"
#include "ui/shell.hpp"
#include "ui/sync_view.hpp"
#include "version.hpp"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <imgui.h>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace kindling {

namespace {

// Frames drawn before a screenshot is taken: ImGui sizes windows and settles
// auto-layout over the first frames.
constexpr int screenshotFrames = 4;

void reportGlfwError(int code, const char* description) {
    std::fprintf(stderr, "kindling: window system error %d: %s\n", code, description);
}

// What the window's callbacks feed: the pacer, and the keys pressed since
// the last frame. ImGui 1.86 only sees whether a key is down when a frame
// starts, so a quick tap (press and release between two frames) would be
// lost; such keys are held down for one frame (see holdTappedKeys).
struct WindowEvents {
    platform::FramePacer pacer;
    struct KeyPress {
        int key;
        int mods; // the modifiers held when it was pressed (GLFW_MOD_*)
    };
    std::vector<KeyPress> keysPressed;
    std::vector<int> keysHeld; // held by us for the frame just drawn
};

WindowEvents& eventsOf(GLFWwindow* window) {
    return *static_cast<WindowEvents*>(glfwGetWindowUserPointer(window));
}

platform::FramePacer& pacerOf(GLFWwindow* window) {
    return eventsOf(window).pacer;
}

// After polling: a key pressed and already released is marked down for this
// frame; one held the frame before is let go, unless it is really down.
void holdTappedKeys(GLFWwindow* window, WindowEvents& events) {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : events.keysHeld)
        if (glfwGetKey(window, key) != GLFW_PRESS) io.KeysDown[key] = false;
    events.keysHeld.clear();
    // The modifiers as the backend derives them from the keys now down, plus
    // those held with a tapped key (Ctrl+Z typed quickly in full).
    const auto down = [&io](int left, int right) {
        return io.KeysDown[left] || io.KeysDown[right];
    };
    io.KeyCtrl = down(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL);
    io.KeyShift = down(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
    io.KeyAlt = down(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
    io.KeySuper = down(GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER);
    for (const WindowEvents::KeyPress& press : events.keysPressed) {
        if (io.KeysDown[press.key]) continue; // still down: ImGui sees it as it is
        io.KeysDown[press.key] = true;
        events.keysHeld.push_back(press.key);
        io.KeyCtrl = io.KeyCtrl || (press.mods & GLFW_MOD_CONTROL) != 0;
        io.KeyShift = io.KeyShift || (press.mods & GLFW_MOD_SHIFT) != 0;
        io.KeyAlt = io.KeyAlt || (press.mods & GLFW_MOD_ALT) != 0;
        io.KeySuper = io.KeySuper || (press.mods & GLFW_MOD_SUPER) != 0;
    }
    events.keysPressed.clear();
}

// Installed before ImGui's own callbacks, which chain to these: every input
// wakes the loop for a few frames.
void installWakeCallbacks(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { pacerOf(w).noteInput(); });
    glfwSetMouseButtonCallback(window,
                               [](GLFWwindow* w, int, int, int) { pacerOf(w).noteInput(); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { pacerOf(w).noteInput(); });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
        pacerOf(w).noteInput();
        const bool known = key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown));
        if (action == GLFW_PRESS && known) eventsOf(w).keysPressed.push_back({key, mods});
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { pacerOf(w).noteInput(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { pacerOf(w).noteInput(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { pacerOf(w).noteInput(); });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { pacerOf(w).noteInput(); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { pacerOf(w).noteInput(); });
    glfwSetWindowContentScaleCallback(window,
                                      [](GLFWwindow* w, float, float) { pacerOf(w).noteInput(); });
}

// A folder of the home folder: $`variable`, else ~/`name` when it exists,
// else the home folder. "Save as image" uses Pictures, exports Documents.
std::filesystem::path userDirectory(const char* variable, const char* name) {
    if (const char* xdg = std::getenv(variable); xdg != nullptr && *xdg != '\0') return xdg;
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = home != nullptr ? home : ".";
    std::error_code error;
    if (std::filesystem::is_directory(base / name, error)) return base / name;
    return base;
}

// Writes the celebration card the UI asked for and tells the UI how it went.
void saveCard(const ui::CardCapture& capture, ui::UiState& state, int width, int height) {
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    const platform::PixelRect rect{static_cast<int>(capture.min.x * scale.x),
                                   static_cast<int>(capture.min.y * scale.y),
                                   static_cast<int>((capture.max.x - capture.min.x) * scale.x),
                                   static_cast<int>((capture.max.y - capture.min.y) * scale.y)};
    std::string error;
    const bool saved =
        platform::saveFramebufferPng(capture.file.string(), rect, width, height, error);
    state.celebration.saved =
        saved ? "Saved to " + capture.file.string() : "The image was not saved: " + error;
    state.celebration.savedProblem = !saved;
}

struct GlfwSession {
    GlfwSession() : ok(glfwInit() == GLFW_TRUE) {}
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
    bool ok;
};

// "kindling: first frame: wall 1764612345.123456 s, cpu 172.4 ms": the wall
// clock (to subtract the moment the process was started: a measurement, so the
// real clock, never the one tests set in app/clock.hpp) and the CPU time the
// process has used, start-up included (std::clock; on Windows it counts the
// time since the start instead).
void reportFirstFrame() {
    glFinish(); // the frame is drawn, not only queued
    const auto wall = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
    const double cpuMs = 1e3 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
    std::fprintf(stderr, "kindling: first frame: wall %lld.%06lld s, cpu %.1f ms\n",
                 static_cast<long long>(wall / 1'000'000), static_cast<long long>(wall % 1'000'000),
                 cpuMs);
}

// How long a second start waits for the first window to say it came forward.
constexpr std::chrono::milliseconds raiseTimeout{3000};

// The data file is held. By a Kindling window that may still be starting (its
// socket not yet open): ask it a few more times, for about a second and a
// half. Or by a reminder check (`kindling reminder check` from its timer or
// watcher), which lets go within a moment: then open it. Returns true when
// the other window came forward.
bool raiseOtherOrOpen(const std::filesystem::path& socket, const DataLocation& data,
                      std::optional<Session>& session) {
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        if (platform::askWindowToRaise(socket, raiseTimeout) == platform::RaiseAnswer::Raised)
            return true;
        try {
            session.emplace(Session::open(data));
            return false;
        } catch (const StoreError& e) {
            if (e.kind() != StoreError::Kind::Locked) throw;
        }
    }
    return false;
}

// Shown, restored when minimised, and given the focus; where the window
// manager refuses the focus (focus-stealing prevention), the window asks for
// attention instead.
void raiseWindow(GLFWwindow* window) {
    glfwShowWindow(window);
    if (glfwGetWindowAttrib(window, GLFW_ICONIFIED) == GLFW_TRUE) glfwRestoreWindow(window);
    glfwFocusWindow(window);
    if (glfwGetWindowAttrib(window, GLFW_FOCUSED) != GLFW_TRUE) glfwRequestWindowAttention(window);
}

// The window class and the Wayland app id are the application id, so the
// desktop matches the window to its menu entry and icon
// (assets/app.kindling.Kindling.desktop, StartupWMClass).
GLFWwindow* openWindow(int width, int height, bool visible, bool resizable) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_RESIZABLE, resizable ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHintString(GLFW_X11_CLASS_NAME, appId);
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "kindling");
#ifdef GLFW_WAYLAND_APP_ID // GLFW 3.4
    glfwWindowHintString(GLFW_WAYLAND_APP_ID, appId);
#endif
    GLFWwindow* window = glfwCreateWindow(width, height, "Kindling", nullptr, nullptr);
    if (window == nullptr) return nullptr;
    if (!platform::setWindowIcon(window))
        std::cerr << "kindling: the window keeps the desktop's default icon (ours did not load)\n";
    return window;
}

// The small window of a second start that could not reach the first: it says
// Kindling is already open, and closes. For --screenshot, saves it instead.
int runAlreadyOpenWindow(const WindowRequest& request, ui::UiState& state) {
    const bool screenshotMode = request.screenshotFile.has_value();
    GLFWwindow* window =
        openWindow(ui::alreadyOpenWidth, ui::alreadyOpenHeight, !screenshotMode, false);
    if (window == nullptr) {
        std::cerr << "kindling: cannot create an OpenGL 3.3 window\n";
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(screenshotMode ? 0 : 1);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    int exitCode = 1; // this start did not open Kindling
    if (!platform::startRenderer()) {
        std::cerr << "kindling: the OpenGL 3.3 renderer did not start\n";
    } else {
        float contentScale = 1.0f;
        glfwGetWindowContentScale(window, &contentScale, nullptr);
        platform::loadFontsToGpu(state, contentScale);
        for (int frames = 1; !glfwWindowShouldClose(window); ++frames) {
            if (screenshotMode)
                glfwPollEvents();
            else
                glfwWaitEventsTimeout(platform::FramePacer::idleTimeoutSeconds);
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            const bool close = ui::drawAlreadyOpen(state);
            ImGui::Render();
            int width = 0, height = 0;
            glfwGetFramebufferSize(window, &width, &height);
            const ImVec4& background = ui::palette(state.theme).background;
            glViewport(0, 0, width, height);
            glClearColor(background.x, background.y, background.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (screenshotMode && frames >= screenshotFrames) {
                std::string error;
                if (platform::saveFramebufferPng(*request.screenshotFile, {0, 0, width, height},
                                                 width, height, error)) {
                    std::cout << "kindling: saved " << *request.screenshotFile << " (" << width
                              << "x" << height << ")\n";
                    exitCode = 0;
                } else {
                    std::cerr << "kindling: " << error << "\n";
                }
                break;
            }
            if (close) break;
            glfwSwapBuffers(window);
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return exitCode;
}

} // namespace

int runWindowApp(const WindowRequest& request) {
    const bool screenshotMode = request.screenshotFile.has_value();
    std::optional<ui::Screen> screen; // unset: the app decides when the data file is open
    if (!request.screen.empty()) {
        screen = ui::screenFromName(request.screen);
        if (!screen) {
            std::cerr << "kindling: --screen: unknown screen '" << request.screen
                      << "'; choose one of: " << ui::screenNames() << "\n";
            return 2;
        }
    }

    std::string iniPath;
    try {
        ensurePrivateDirectory(request.data.directory);
        const auto config = configDirectory();
        ensurePrivateDirectory(config);
        iniPath = (config / "imgui.ini").string();
    } catch (const std::exception& e) {
        std::cerr << "kindling: " << e.what() << "\n";
        return 1;
    }

    // A second start on the same data brings the first window forward.
    const std::filesystem::path socket = platform::windowSocketPath(request.data.directory);
    if (!screenshotMode &&
        platform::askWindowToRaise(socket, raiseTimeout) == platform::RaiseAnswer::Raised)
        return 0;

    // The data file: opened once for the window's lifetime (and locked).
    std::optional<Session> session;
    ui::UiState state;
    bool alreadyOpen = false;
    try {
        session.emplace(Session::open(request.data));
        state.session = &*session;
        for (const std::string& warning : session->warnings())
            std::cerr << "kindling: warning: " << warning << "\n";
    } catch (const StoreError& e) {
        alreadyOpen = e.kind() == StoreError::Kind::Locked;
        try {
            if (alreadyOpen && !screenshotMode && raiseOtherOrOpen(socket, request.data, session))
                return 0;
        } catch (const std::exception& again) {
            alreadyOpen = false;
            state.problem = again.what();
        }
        if (session) {
            alreadyOpen = false;
            state.session = &*session;
        } else {
            if (state.problem.empty()) state.problem = e.what();
            std::cerr << "kindling: " << state.problem << "\n";
        }
    } catch (const std::exception& e) {
        state.problem = e.what();
        std::cerr << "kindling: " << e.what() << "\n";
    }

    glfwSetErrorCallback(reportGlfwError);
    GlfwSession glfw;
    if (!glfw.ok) {
        std::cerr << "kindling: cannot open a window (is a display available? "
                     "for a headless machine, run under xvfb-run)\n";
        return 1;
    }
    if (alreadyOpen) return runAlreadyOpenWindow(request, state);

    GLFWwindow* window = openWindow(request.width, request.height, !screenshotMode, true);
    if (window == nullptr) {
        std::cerr << "kindling: cannot create an OpenGL 3.3 window\n";
        return 1;
    }
    glfwSetWindowSizeLimits(window, 640, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(screenshotMode ? 0 : 1);

    WindowEvents events;
    platform::FramePacer& pacer = events.pacer;
    glfwSetWindowUserPointer(window, &events);
    installWakeCallbacks(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = screenshotMode ? nullptr : iniPath.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    if (!platform::startRenderer()) {
        std::cerr << "kindling: the OpenGL 3.3 renderer did not start\n";
        return 1;
    }

    // Listens while this window holds the data file, so a second start finds it.
    std::optional<platform::RaiseListener> listener;
    if (session && !screenshotMode) {
        listener.emplace(socket, [] { glfwPostEmptyEvent(); });
        if (!listener->problem().empty())
            std::cerr << "kindling: a second start will not find this window: "
                      << listener->problem() << "\n";
    }
    const auto raiseWhenAsked = [&] {
        if (!listener || !listener->takeRequest()) return;
        raiseWindow(window);
        listener->answer();
        pacer.noteInput();
    };

    // The first run opens on the welcome steps; a PIN hides everything until it is entered.
    bool onboarded = true;
    if (session) {
        try {
            onboarded = session->onboarded();
            state.lock.locked = session->hasPin();
        } catch (const std::exception& e) {
            state.problem = e.what();
        }
    }
    state.screen = screen.value_or(onboarded ? ui::Screen::Today : ui::Screen::Onboarding);
    const Preferences preferences = session ? loadPreferences(*session) : Preferences{};
    state.theme = request.theme.empty()     ? preferences.theme
                  : request.theme == "dark" ? ThemeVariant::Dark
                                            : ThemeVariant::Light;
    state.uiScale = preferences.uiScale;
    state.reduceMotion = request.reduceMotion || preferences.reduceMotion;
    state.imageDirectory = userDirectory("XDG_PICTURES_DIR", "Pictures");
    state.documentsDirectory = userDirectory("XDG_DOCUMENTS_DIR", "Documents");
    state.appVersion = request.appVersion;
    platform::FolderOpener folders;
    state.openFolder = [&folders](const std::filesystem::path& folder) {
        return folders.open(folder, glfwGetTime());
    };
    // Read each time: the couple can move the day's start in Settings.
    const auto dayStartHour = [&session] {
        return session ? session->history().settings.dayStartHour : 4;
    };
    state.today = session ? session->asOf() : localLogicalToday(dayStartHour());
    float contentScale = 1.0f;
    glfwGetWindowContentScale(window, &contentScale, nullptr);
    platform::loadFontsToGpu(state, contentScale);

    auto effects = std::make_unique<platform::Effects>();
    for (const std::string& error : effects->errors())
        std::cerr << "kindling: an effect is off: " << error << "\n";

    // The evening reminder, sent by the window while it is open.
    state.reminder.program = platform::currentProgram();
    platform::WindowReminder reminder(platform::makeDesktopNotifier, [] { glfwPostEmptyEvent(); });
    const auto remind = [&] {
        try {
            bool changed = false;
            for (const auto answer : reminder.answers(*session, state.today)) {
                changed = true;
                if (answer == platform::WindowReminder::Answer::OpenToday) {
                    raiseWindow(window);
                    state.screen = ui::Screen::Today;
                } else {
                    state.reminder.bannerDay.reset();
                }
            }
            if (auto result = reminder.check(*session, glfwGetTime())) {
                changed = true;
                state.reminder.deliveryProblem = result->problem;
                if (result->banner) {
                    state.reminder.banner = *result->banner;
                    state.reminder.bannerDay = result->day;
                    std::cerr << "kindling: " << result->problem
                              << "; the evening reminder shows in the window instead\n";
                }
            }
            if (changed) pacer.noteInput();
        } catch (const std::exception& e) {
            std::cerr << "kindling: the evening reminder: " << e.what() << "\n";
        }
    };

    int exitCode = 0;
    int framesDrawn = 0;
    while (!glfwWindowShouldClose(window)) {
        if (auto problem = folders.finished()) {
            state.data.folderNotice = {"The folder did not open: " + *problem, true};
            pacer.noteInput();
        }
        if (session && !screenshotMode) remind();
        if (pacer.canSleep() && !screenshotMode) {
            // A file manager just asked for may still fail: look again soon.
            // Sync wakes the loop when it is due (ui/sync_view.hpp), else it sleeps.
            state.now = glfwGetTime();
            double timeout =
                folders.watching(glfwGetTime()) ? 0.25 : platform::FramePacer::idleTimeoutSeconds;
            if (auto untilSync = ui::secondsUntilSync(state))
                timeout = std::min(timeout, *untilSync);
            glfwWaitEventsTimeout(timeout);
            const Day now = localLogicalToday(dayStartHour());
            if (now != state.today) {
                state.today = now;
                if (session) session->setAsOf(now);
                pacer.noteInput();
            }
            raiseWhenAsked();
            state.now = glfwGetTime();
            if (!screenshotMode && ui::syncIfDue(state)) pacer.noteInput();
            if (pacer.canSleep()) continue; // woke for nothing that shows
        } else {
            glfwPollEvents();
            raiseWhenAsked();
            state.now = glfwGetTime();
            if (!screenshotMode && ui::syncIfDue(state)) pacer.noteInput();
        }
        holdTappedKeys(window, events);

        float newScale = 1.0f;
        glfwGetWindowContentScale(window, &newScale, nullptr);
        if (platform::fontsOutOfDate(state, newScale)) platform::loadFontsToGpu(state, newScale);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        // Screenshots are taken as if a second passed per frame, so an
        // animation (a celebration's sparks) is caught in full swing.
        state.now = screenshotMode ? framesDrawn * 1.0 : glfwGetTime();
        const ui::FrameResult frame = ui::drawShell(state);
        ImGui::Render();
        if (state.themeChanged) {
            ui::applyTheme(state.theme, state.scale);
            state.themeChanged = false;
            pacer.noteInput();
        }

        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        const ui::Palette& colours = ui::palette(state.theme);
        effects->drawBackground(colours, width, height, static_cast<float>(state.now),
                                frame.drawBackground);
        if (frame.sparks) effects->drawCelebration(*frame.sparks, width, height);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (frame.capture) {
            saveCard(*frame.capture, state, width, height);
            pacer.noteInput(); // show where it went
        }

        pacer.noteAnimating(frame.animating);
        pacer.frameDrawn();
        ++framesDrawn;
        if (screenshotMode && framesDrawn >= screenshotFrames) {
            std::string error;
            if (platform::saveFramebufferPng(*request.screenshotFile, {0, 0, width, height}, width,
                                             height, error)) {
                std::cout << "kindling: saved " << *request.screenshotFile << " (" << width << "x"
                          << height << ")\n";
            } else {
                std::cerr << "kindling: " << error << "\n";
                exitCode = 1;
            }
            break;
        }
        glfwSwapBuffers(window);
        if (request.reportFirstFrame && framesDrawn == 1) reportFirstFrame();
    }

    effects.reset();
    listener.reset(); // no request may wait on a window that is gone
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return exitCode;
}

} // namespace kindling
