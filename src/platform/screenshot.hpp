#pragma once
#include <string>

namespace kindling::platform {

// Reads the current framebuffer (before the swap) and writes it as a PNG.
bool saveFramebufferPng(const std::string& file, int width, int height, std::string& error);

} // namespace kindling::platform
