#pragma once
// The GL effects drawn under ImGui: the warm glow behind the screens
// (shaders/background.frag) and the sparks of a celebration
// (shaders/celebration.frag). An effect whose shader failed is left out.

#include "platform/gl_shader.hpp"
#include "ui/shell.hpp"
#include "ui/theme.hpp"

#include <string>
#include <vector>

namespace kindling::platform {

class Effects {
  public:
    Effects(); // needs a current GL context
    // Why an effect is off, one line per failed shader (usually none).
    std::vector<std::string> errors() const;

    // Clears to the theme's background and, when `glow`, lays the glow over it.
    void drawBackground(const ui::Palette& palette, int width, int height, float seconds,
                        bool glow);
    // Blends a celebration's sparks over the frame.
    void drawCelebration(const ui::Sparks& sparks, int width, int height);

  private:
    FullscreenEffect background_;
    FullscreenEffect celebration_;
};

} // namespace kindling::platform
