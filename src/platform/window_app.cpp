#include "platform/window_app.hpp"

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "app/clock.hpp"
#include "app/session.hpp"
#include "store/paths.hpp"
#include "platform/background.hpp"
#include "platform/frame_pacer.hpp"
#include "platform/screenshot.hpp"
#include "ui/shell.hpp"

namespace kindling {

namespace {

// Frames drawn before a screenshot is taken: ImGui sizes windows and settles
// auto-layout over the first frames.
constexpr int screenshotFrames = 4;

void reportGlfwError(int code, const char* description) {
    std::fprintf(stderr, "kindling: window system error %d: %s\n", code, description);
}

platform::FramePacer& pacerOf(GLFWwindow* window) {
    return *static_cast<platform::FramePacer*>(glfwGetWindowUserPointer(window));
}

// Installed before ImGui's own callbacks, which chain to these: every input
// wakes the loop for a few frames.
void installWakeCallbacks(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { pacerOf(w).noteInput(); });
    glfwSetMouseButtonCallback(window,
                               [](GLFWwindow* w, int, int, int) { pacerOf(w).noteInput(); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { pacerOf(w).noteInput(); });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { pacerOf(w).noteInput(); });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { pacerOf(w).noteInput(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { pacerOf(w).noteInput(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { pacerOf(w).noteInput(); });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { pacerOf(w).noteInput(); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { pacerOf(w).noteInput(); });
    glfwSetWindowContentScaleCallback(window,
                                      [](GLFWwindow* w, float, float) { pacerOf(w).noteInput(); });
}

struct GlfwSession {
    GlfwSession() : ok(glfwInit() == GLFW_TRUE) {}
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
    bool ok;
};

void applyScale(ui::UiState& state, float contentScale) {
    state.scale = std::clamp(contentScale, 0.75f, 4.0f);
    ImGuiIO& io = ImGui::GetIO();
    state.fonts = ui::loadFonts(io, state.scale);
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui::applyTheme(state.theme, state.scale);
}

} // namespace

int runWindowApp(const WindowRequest& request) {
    const bool screenshotMode = request.screenshotFile.has_value();
    const auto screen = ui::screenFromName(request.screen);
    if (!screen) {
        std::cerr << "kindling: --screen: unknown screen '" << request.screen
                  << "'; choose one of: " << ui::screenNames() << "\n";
        return 2;
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

    glfwSetErrorCallback(reportGlfwError);
    GlfwSession glfw;
    if (!glfw.ok) {
        std::cerr << "kindling: cannot open a window (is a display available? "
                     "for a headless machine, run under xvfb-run)\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, screenshotMode ? GLFW_FALSE : GLFW_TRUE);
    GLFWwindow* window =
        glfwCreateWindow(request.width, request.height, "Kindling", nullptr, nullptr);
    if (window == nullptr) {
        std::cerr << "kindling: cannot create an OpenGL 3.3 window\n";
        return 1;
    }
    glfwSetWindowSizeLimits(window, 640, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(screenshotMode ? 0 : 1);

    platform::FramePacer pacer;
    glfwSetWindowUserPointer(window, &pacer);
    installWakeCallbacks(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = screenshotMode ? nullptr : iniPath.c_str();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // The data file: opened once for the window's lifetime (and locked).
    std::optional<Session> session;
    ui::UiState state;
    try {
        session.emplace(Session::open(request.data));
        state.session = &*session;
        for (const std::string& warning : session->warnings())
            std::cerr << "kindling: warning: " << warning << "\n";
    } catch (const std::exception& e) {
        state.problem = e.what();
        std::cerr << "kindling: " << e.what() << "\n";
    }
    state.screen = *screen;
    if (request.darkTheme) state.theme = ui::ThemeVariant::Dark;
    const int dayStartHour = session ? session->history().settings.dayStartHour : 4;
    state.today = session ? session->asOf() : localLogicalToday(dayStartHour);
    float contentScale = 1.0f;
    glfwGetWindowContentScale(window, &contentScale, nullptr);
    applyScale(state, contentScale);

    auto background = std::make_unique<platform::Background>();
    if (!background->error().empty())
        std::cerr << "kindling: the background effect is off: " << background->error() << "\n";

    int exitCode = 0;
    int framesDrawn = 0;
    while (!glfwWindowShouldClose(window)) {
        if (pacer.canSleep() && !screenshotMode) {
            glfwWaitEventsTimeout(platform::FramePacer::idleTimeoutSeconds);
            const Day now = localLogicalToday(dayStartHour);
            if (now != state.today) {
                state.today = now;
                if (session) session->setAsOf(now);
                pacer.noteInput();
            }
            if (pacer.canSleep()) continue; // woke for nothing that shows
        } else {
            glfwPollEvents();
        }

        float newScale = 1.0f;
        glfwGetWindowContentScale(window, &newScale, nullptr);
        if (std::clamp(newScale, 0.75f, 4.0f) != state.scale) applyScale(state, newScale);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
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
        if (frame.drawBackground) {
            background->draw(colours, width, height, static_cast<float>(glfwGetTime()));
        } else {
            glViewport(0, 0, width, height);
            glClearColor(colours.background.x, colours.background.y, colours.background.z, 1);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        pacer.noteAnimating(frame.animating);
        pacer.frameDrawn();
        ++framesDrawn;
        if (screenshotMode && framesDrawn >= screenshotFrames) {
            std::string error;
            if (platform::saveFramebufferPng(*request.screenshotFile, width, height, error)) {
                std::cout << "kindling: saved " << *request.screenshotFile << " (" << width
                          << "x" << height << ")\n";
            } else {
                std::cerr << "kindling: " << error << "\n";
                exitCode = 1;
            }
            break;
        }
        glfwSwapBuffers(window);
    }

    background.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return exitCode;
}

} // namespace kindling
