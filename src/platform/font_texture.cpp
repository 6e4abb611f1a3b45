#include "platform/font_texture.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace kindling::platform {

// Where window coordinates are pixels (Windows, X11), the content scale
// enlarges the layout and the fonts. On macOS they are points: the
// framebuffer has contentScale pixels per point (2 on Retina) and the GLFW
// backend's DisplayFramebufferScale already maps the layout onto them, so the
// layout keeps 1 and only the font atlas takes the density (loadFontsToGpu).
namespace {
float layoutContentScale([[maybe_unused]] float contentScale) {
#ifdef __APPLE__
    return 1.0f;
#else
    return contentScale;
#endif
}

// Pixels per layout unit the font atlas is rasterised for.
float fontDensity([[maybe_unused]] float contentScale) {
#ifdef __APPLE__
    return std::clamp(contentScale, 1.0f, 4.0f);
#else
    return 1.0f;
#endif
}
} // namespace

float scaleFor(const ui::UiState& state, float contentScale) {
    return std::clamp(layoutContentScale(contentScale) * state.uiScale, 0.75f, 4.0f);
}

bool fontsOutOfDate(const ui::UiState& state, float contentScale) {
    return scaleFor(state, contentScale) != state.scale ||
           1.0f / ImGui::GetIO().FontGlobalScale != fontDensity(contentScale);
}

bool startRenderer() {
    return ImGui_ImplOpenGL3_Init("#version 330 core") && ImGui_ImplOpenGL3_CreateDeviceObjects();
}

void loadFontsToGpu(ui::UiState& state, float contentScale) {
    state.scale = scaleFor(state, contentScale);
    ImGuiIO& io = ImGui::GetIO();
    // Rasterised at density x the layout's size and drawn at 1/density: as
    // large as before, sharp on a Retina framebuffer (1 and 1 but on macOS).
    const float density = fontDensity(contentScale);
    state.fonts = ui::loadFonts(io, state.scale * density);
    io.FontGlobalScale = 1.0f / density;
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    io.Fonts->ClearTexData();
    io.Fonts->ClearInputData();
    ui::applyTheme(state.theme, state.scale);
}

} // namespace kindling::platform
