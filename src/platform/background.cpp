#include "platform/background.hpp"

namespace kindling::platform {

Background::Background() : build_(buildFullscreenEffect("shaders/background.frag")) {
    glGenVertexArrays(1, &vertexArray_);
    if (!build_) return;
    timeLocation_ = glGetUniformLocation(build_.program, "time");
    resolutionLocation_ = glGetUniformLocation(build_.program, "resolution");
    baseLocation_ = glGetUniformLocation(build_.program, "baseColor");
    glowLocation_ = glGetUniformLocation(build_.program, "glowColor");
    strengthLocation_ = glGetUniformLocation(build_.program, "glowStrength");
}

Background::~Background() {
    if (build_.program != 0) glDeleteProgram(build_.program);
    if (vertexArray_ != 0) glDeleteVertexArrays(1, &vertexArray_);
}

void Background::draw(const ui::Palette& palette, int width, int height, float seconds) {
    const ImVec4& base = palette.background;
    glViewport(0, 0, width, height);
    glClearColor(base.x, base.y, base.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!build_) return;
    glUseProgram(build_.program);
    glUniform1f(timeLocation_, seconds);
    glUniform2f(resolutionLocation_, static_cast<float>(width), static_cast<float>(height));
    glUniform3f(baseLocation_, base.x, base.y, base.z);
    glUniform3f(glowLocation_, palette.glow.x, palette.glow.y, palette.glow.z);
    glUniform1f(strengthLocation_, 0.55f);
    glBindVertexArray(vertexArray_);
    glDisable(GL_BLEND);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace kindling::platform
