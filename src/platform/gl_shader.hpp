#pragma once
// Compiling our GLSL from shaders/ (embedded in the binary). A shader that
// fails is reported with the driver's log; the caller runs without the effect.

#include <epoxy/gl.h>
#include <string>
#include <string_view>
#include <vector>

namespace kindling::platform {

struct ShaderBuild {
    GLuint program = 0; // 0 when it failed
    std::string error;  // the GL log, prefixed with the file name
    explicit operator bool() const { return program != 0; }
};

// Links shaders/fullscreen.vert with the named fragment shader
// (e.g. "shaders/background.frag").
ShaderBuild buildFullscreenEffect(std::string_view fragmentName);

// A fullscreen effect ready to draw: its program and the empty vertex array
// the fullscreen triangle needs. When the shader failed, error() says why
// and begin() returns false, so the app runs on without the effect.
class FullscreenEffect {
  public:
    explicit FullscreenEffect(std::string_view fragmentName);
    ~FullscreenEffect();
    FullscreenEffect(const FullscreenEffect&) = delete;
    FullscreenEffect& operator=(const FullscreenEffect&) = delete;

    const std::string& error() const { return build_.error; }
    // Binds the program over a viewport of that size; set uniforms, then end().
    bool begin(int width, int height);
    void set(const char* uniform, float value);
    void set(const char* uniform, float x, float y);
    void set(const char* uniform, float x, float y, float z);
    // Draws the triangle; `blend` mixes it over what is there by its alpha.
    void end(bool blend);

  private:
    ShaderBuild build_;
    GLuint vertexArray_ = 0;
};

// Every shaders/*.frag embedded in the binary.
std::vector<std::string_view> effectNames();

} // namespace kindling::platform
