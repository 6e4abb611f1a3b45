#include "platform/screenshot.hpp"

#include <cerrno>
#include <cstring>
#include <epoxy/gl.h>
#include <stb_image_write.h>
#include <vector>

namespace kindling::platform {

bool saveFramebufferPng(const std::string& file, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "the window has no size to capture";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's rows run bottom-up; PNG's top-down. Opaque: the window has no alpha.
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    stbi_flip_vertically_on_write(1);
    errno = 0;
    if (stbi_write_png(file.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
        error = "cannot write " + file + (errno != 0 ? ": " + std::string(std::strerror(errno)) : "");
        return false;
    }
    return true;
}

} // namespace kindling::platform
