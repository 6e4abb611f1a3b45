#include "platform/font_texture.hpp"

#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <algorithm>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

namespace kindling::platform {

float scaleFor(const ui::UiState& state, float contentScale) {
    return std::clamp(contentScale * state.uiScale, 0.75f, 4.0f);
}

bool startRenderer() {
    return ImGui_ImplOpenGL3_Init("#version 330 core") && ImGui_ImplOpenGL3_CreateDeviceObjects();
}

void loadFontsToGpu(ui::UiState& state, float contentScale) {
    state.scale = scaleFor(state, contentScale);
    ImGuiIO& io = ImGui::GetIO();
    state.fonts = ui::loadFonts(io, state.scale);
    io.Fonts->Build();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    io.Fonts->ClearTexData();
    io.Fonts->ClearInputData();
    ui::applyTheme(state.theme, state.scale);
}

} // namespace kindling::platform
