#pragma once
// PNG files from the frame being drawn: --screenshot and "Save as image".

#include <string>

namespace kindling::platform {

// A rectangle of the framebuffer in pixels, with y counted from the top.
struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;
};

// Reads `rect` of the current framebuffer (before the swap; `framebufferHeight`
// turns top-down rows into GL's bottom-up ones) and writes it as a PNG. The
// rectangle is clipped to the framebuffer. False with `error` on failure.
bool saveFramebufferPng(const std::string& file, PixelRect rect, int framebufferWidth,
                        int framebufferHeight, std::string& error);

} // namespace kindling::platform
