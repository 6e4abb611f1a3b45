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

#include "platform/gl_shader.hpp"

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

TEST_CASE("a broken shader is reported with the GL log, not a crash") {
    HiddenGlContext gl;
    const auto build = kindling::platform::buildFullscreenEffect("shaders/missing.frag");
    CHECK(build.program == 0);
    CHECK(build.error.find("shaders/missing.frag") != std::string::npos);
}

TEST_CASE("--screenshot writes a PNG of the app that is not blank") {
    const fs::path dir = freshDirectory("shot");
    for (const std::string screen : {"today", "support"}) {
        INFO(screen);
        const fs::path png = dir / (screen + ".png");
        REQUIRE(run("--data-dir " + (dir / "data").string() + " --screenshot " + png.string() +
                    " --screen " + screen + " --window-size 900x600 > /dev/null") == 0);
        int width = 0, height = 0, channels = 0;
        unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
        REQUIRE(pixels != nullptr);
        CHECK(width == 900);
        CHECK(height == 600);
        // Not blank: many distinct colours (text, cards, the glow).
        std::set<int> colours;
        for (int i = 0; i < width * height; i += 7)
            colours.insert(pixels[3 * i] << 16 | pixels[3 * i + 1] << 8 | pixels[3 * i + 2]);
        stbi_image_free(pixels);
        CHECK(colours.size() > 50);
    }
    // The data folder was created private to its owner.
    CHECK((fs::status(dir / "data").permissions() & fs::perms::group_all) == fs::perms::none);
    CHECK((fs::status(dir / "data").permissions() & fs::perms::others_all) == fs::perms::none);
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
