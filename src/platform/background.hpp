#pragma once
// The warm glow drawn behind the screens (shaders/background.frag).

#include "platform/gl_shader.hpp"
#include "ui/theme.hpp"

namespace kindling::platform {

class Background {
  public:
    // Compiles the shader; on failure keeps the message and draws a flat colour.
    Background();
    ~Background();
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

    void draw(const ui::Palette& palette, int width, int height, float seconds);
    const std::string& error() const { return build_.error; }

  private:
    ShaderBuild build_;
    GLuint vertexArray_ = 0;
    GLint timeLocation_ = -1, resolutionLocation_ = -1, baseLocation_ = -1, glowLocation_ = -1,
          strengthLocation_ = -1;
};

} // namespace kindling::platform
