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

// Every shaders/*.frag embedded in the binary.
std::vector<std::string_view> effectNames();

} // namespace kindling::platform
