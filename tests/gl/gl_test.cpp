#include <catch2/catch.hpp>

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <unistd.h>
#include <stb_image.h>
#include <string>
#include <vector>

#include "app/resources.hpp"
#include "platform/gl_shader.hpp"
#include "platform/screenshot.hpp"

namespace fs = std::filesystem;

namespace {

struct HiddenGlContext {
    HiddenGlContext() {
        REQUIRE(glfwInit() == GLFW_TRUE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        window = glfwCreateWindow(64, 64, "test", nullptr, nullptr);
        REQUIRE(window != nullptr);
        glfwMakeContextCurrent(window);
    }
    ~HiddenGlContext() {
        glfwDestroyWindow(window);
        glfwTerminate();
    }
    GLFWwindow* window = nullptr;
};

fs::path freshDirectory(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("kindling-gl-" + name + "-" +
                                                      std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

int run(const std::string& arguments) {
    const std::string command = std::string(KINDLING_BINARY) + " " + arguments;
    return std::system(command.c_str());
}

} // namespace

TEST_CASE("every embedded shader compiles and links") {
    HiddenGlContext gl;
    const auto names = kindling::platform::effectNames();
    REQUIRE_FALSE(names.empty());
    for (auto name : names) {
        INFO(name);
        const auto build = kindling::platform::buildFullscreenEffect(name);
        CHECK(build.error.empty());
        CHECK(build.program != 0);
        glDeleteProgram(build.program);
    }
}

// The app asks for a 3.3 core context and its shaders say #version 330 core
// (macOS gives a 3.3 or later core context to a forward-compatible request:
// docs/architecture.md). That they also compile as GLSL 1.50, OpenGL 3.2's,
// shows they use nothing a 3.2 context would lack.
TEST_CASE("every embedded shader also compiles as #version 150 core") {
    HiddenGlContext gl;
    std::vector<std::string_view> names = kindling::platform::effectNames();
    names.push_back("shaders/fullscreen.vert");
    for (auto name : names) {
        INFO(name);
        const auto source = kindling::embeddedResource(name);
        REQUIRE(source.has_value());
        const std::string text(*source);
        REQUIRE(text.rfind("#version 330 core\n", 0) == 0);
        const std::string as150 = "#version 150 core" + text.substr(text.find('\n'));
        const bool vertex = name.ends_with(".vert");
        const GLuint shader = glCreateShader(vertex ? GL_VERTEX_SHADER : GL_FRAGMENT_SHADER);
        const GLchar* data = as150.c_str();
        glShaderSource(shader, 1, &data, nullptr);
        glCompileShader(shader);
        GLint ok = GL_FALSE;
        glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
        std::string log(1024, '\0');
        glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
        INFO(log.c_str());
        CHECK(ok == GL_TRUE);
        glDeleteShader(shader);
    }
}

TEST_CASE("a broken shader is reported with the GL log, not a crash") {
    HiddenGlContext gl;
    const auto build = kindling::platform::buildFullscreenEffect("shaders/missing.frag");
    CHECK(build.program == 0);
    CHECK(build.error.find("shaders/missing.frag") != std::string::npos);
}

namespace {

// Many distinct colours: text, cards, the glow; a blank or failed frame has few.
void checkNotBlank(const fs::path& png, int expectedWidth, int expectedHeight) {
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
    REQUIRE(pixels != nullptr);
    CHECK(width == expectedWidth);
    CHECK(height == expectedHeight);
    std::set<int> colours;
    for (int i = 0; i < width * height; i += 7)
        colours.insert(pixels[3 * i] << 16 | pixels[3 * i + 1] << 8 | pixels[3 * i + 2]);
    stbi_image_free(pixels);
    CHECK(colours.size() > 50);
}

// Every screen by its --screen name, in one theme.
void screenshotEveryScreen(const fs::path& dataDir, const fs::path& out, const std::string& theme) {
    for (const std::string screen :
         {"today", "dashboard", "journal", "rituals", "goals", "questions", "achievements",
          "settings", "support", "onboarding", "celebration"}) {
        INFO(screen << " " << theme << " on " << dataDir);
        const fs::path png = out / (screen + "-" + theme + ".png");
        REQUIRE(run("--data-dir " + dataDir.string() + " --screenshot " + png.string() +
                    " --screen " + screen + " --theme " + theme +
                    " --window-size 900x600 > /dev/null") == 0);
        checkNotBlank(png, 900, 600);
    }
}

} // namespace

TEST_CASE("--screenshot writes a PNG of every screen that is not blank, on an empty data dir") {
    const fs::path dir = freshDirectory("shot");
    screenshotEveryScreen(dir / "data", dir, "light");
    // The data folder was created private to its owner.
    CHECK((fs::status(dir / "data").permissions() & fs::perms::group_all) == fs::perms::none);
    CHECK((fs::status(dir / "data").permissions() & fs::perms::others_all) == fs::perms::none);
    fs::remove_all(dir);
}

TEST_CASE("--screenshot renders every screen on ten years of demo data") {
    const fs::path dir = freshDirectory("demo");
    REQUIRE(run("--data-dir " + (dir / "data").string() + " demo --years 10 > /dev/null") == 0);
    screenshotEveryScreen(dir / "data", dir, "dark");
    fs::remove_all(dir);
}

TEST_CASE("a rectangle of the frame is saved as a PNG of exactly that part") {
    HiddenGlContext gl;
    // Left half red, right half blue, in a 64x64 frame.
    glViewport(0, 0, 64, 64);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(1, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    glScissor(32, 0, 32, 64);
    glClearColor(0, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);

    const fs::path dir = freshDirectory("card");
    const fs::path png = dir / "card.png";
    std::string error;
    // 20x10 pixels starting 8 from the top, 24 from the left: 8 red columns, 12 blue.
    REQUIRE(kindling::platform::saveFramebufferPng(png.string(), {24, 8, 20, 10}, 64, 64, error));
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
    REQUIRE(pixels != nullptr);
    CHECK(width == 20);
    CHECK(height == 10);
    CHECK(int(pixels[0]) == 255);        // top left: red
    CHECK(int(pixels[2]) == 0);
    CHECK(int(pixels[3 * 19 + 2]) == 255); // top right: blue
    CHECK(int(pixels[3 * 19]) == 0);
    stbi_image_free(pixels);

    // A rectangle outside the frame, or a folder that does not exist: an error, no file.
    CHECK_FALSE(kindling::platform::saveFramebufferPng((dir / "none.png").string(),
                                                      {70, 70, 10, 10}, 64, 64, error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(fs::exists(dir / "none.png"));
    error.clear();
    CHECK_FALSE(kindling::platform::saveFramebufferPng((dir / "missing" / "card.png").string(),
                                                      {0, 0, 10, 10}, 64, 64, error));
    CHECK(error.find("missing") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("an unknown screen name is refused with the list of screens") {
    const fs::path dir = freshDirectory("badscreen");
    const int status = run("--data-dir " + (dir / "data").string() + " --screenshot " +
                           (dir / "x.png").string() + " --screen nowhere 2> " +
                           (dir / "err.txt").string());
    CHECK(WEXITSTATUS(status) == 2);
    CHECK_FALSE(fs::exists(dir / "x.png"));
    fs::remove_all(dir);
}
