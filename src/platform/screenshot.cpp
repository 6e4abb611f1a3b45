#include "platform/screenshot.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <epoxy/gl.h>
#include <stb_image_write.h>
#include <vector>

namespace kindling::platform {

bool saveFramebufferPng(const std::string& file, PixelRect rect, int framebufferWidth,
                        int framebufferHeight, std::string& error) {
    const int left = std::clamp(rect.x, 0, framebufferWidth);
    const int top = std::clamp(rect.y, 0, framebufferHeight);
    const int width = std::clamp(rect.x + rect.width, 0, framebufferWidth) - left;
    const int height = std::clamp(rect.y + rect.height, 0, framebufferHeight) - top;
    if (width <= 0 || height <= 0) {
        error = "there is nothing on screen to capture";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(left, framebufferHeight - top - height, width, height, GL_RGBA, GL_UNSIGNED_BYTE,
                 pixels.data());
    // GL's rows run bottom-up; PNG's top-down. Opaque: the window has no alpha.
    for (size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;
    stbi_flip_vertically_on_write(1);
    errno = 0;
    if (stbi_write_png(file.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
        error =
            "cannot write " + file + (errno != 0 ? ": " + std::string(std::strerror(errno)) : "");
        return false;
    }
    return true;
}

} // namespace kindling::platform
