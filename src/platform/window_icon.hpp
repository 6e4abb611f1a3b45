#pragma once
// The window's icon: the flame of assets/app.kindling.Kindling.svg, rendered
// to PNG at build time and embedded, so an installed kindling needs no file.

#include <string_view>
#include <vector>

struct GLFWwindow;

namespace kindling::platform {

struct IconPng {
    int size; // width and height in pixels
    std::string_view png;
};

// Smallest first.
std::vector<IconPng> windowIconPngs();

// Gives every size to the window manager (glfwSetWindowIcon). False when one
// of them did not decode: the window then keeps the desktop's default icon.
bool setWindowIcon(GLFWwindow* window);

} // namespace kindling::platform
