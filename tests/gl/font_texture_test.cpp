// The fonts on the GPU (platform/font_texture.hpp), in a real GL context: the
// texture the backend draws with is the atlas the glyphs point into, and its
// CPU copy stays freed. Left to itself, the backend's first NewFrame built the
// atlas again from freed input, and every letter came out as stripes.
#include "platform/font_texture.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <catch2/catch.hpp>
#include <cstdint>
#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <vector>

TEST_CASE("the font texture is the atlas the glyphs point into, and its CPU copy is freed") {
    REQUIRE(glfwInit() == GLFW_TRUE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(320, 240, "fonts", nullptr, nullptr);
    REQUIRE(window != nullptr);
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(320, 240);
    io.DeltaTime = 1.0f / 60.0f;

    REQUIRE(kindling::platform::startRenderer());
    kindling::ui::UiState state;
    kindling::platform::loadFontsToGpu(state, 1.0f);
    REQUIRE(state.fonts.body != nullptr);
    const ImFontGlyph glyph = *state.fonts.body->FindGlyph('K');
    const ImTextureID texture = io.Fonts->TexID;
    CHECK(io.Fonts->TexPixelsAlpha8 == nullptr);
    CHECK(io.Fonts->TexPixelsRGBA32 == nullptr);

    // Two frames drawn as the window draws them.
    for (int frame = 0; frame < 2; ++frame) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ImGui::Begin("fonts");
        ImGui::TextUnformatted("Kindling");
        ImGui::End();
        ImGui::Render();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    // Not built again: no CPU pixels, the same texture, the glyph where it was.
    CHECK(io.Fonts->TexPixelsAlpha8 == nullptr);
    CHECK(io.Fonts->TexPixelsRGBA32 == nullptr);
    CHECK(io.Fonts->TexID == texture);
    const ImFontGlyph* after = state.fonts.body->FindGlyph('K');
    REQUIRE(after != nullptr);
    CHECK(after->U0 == glyph.U0);
    CHECK(after->V0 == glyph.V0);

    // And the texture really holds the letter there: ink inside its rectangle.
    const int width = io.Fonts->TexWidth, height = io.Fonts->TexHeight;
    REQUIRE(width > 0);
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(texture)));
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const auto texel = [](float uv, int size) {
        return static_cast<int>(uv * static_cast<float>(size));
    };
    long ink = 0;
    for (int y = texel(glyph.V0, height); y < texel(glyph.V1, height); ++y)
        for (int x = texel(glyph.U0, width); x < texel(glyph.U1, width); ++x)
            ink += pixels[(static_cast<std::size_t>(y) * width + x) * 4 + 3];
    CHECK(ink > 255 * 10);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
}
