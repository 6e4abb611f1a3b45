#include "platform/window_icon.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <stb_image.h>

namespace kindling::platform {

bool setWindowIcon(GLFWwindow* window) {
    std::vector<GLFWimage> images;
    bool decoded = true;
    for (const IconPng& icon : windowIconPngs()) {
        int width = 0, height = 0, channels = 0;
        stbi_uc* pixels =
            stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(icon.png.data()),
                                  static_cast<int>(icon.png.size()), &width, &height, &channels, 4);
        if (pixels == nullptr || width != icon.size || height != icon.size) {
            stbi_image_free(pixels);
            decoded = false;
            break;
        }
        images.push_back({width, height, pixels});
    }
    if (decoded) glfwSetWindowIcon(window, static_cast<int>(images.size()), images.data());
    for (const GLFWimage& image : images)
        stbi_image_free(image.pixels);
    return decoded;
}

} // namespace kindling::platform
