#pragma once
// Fonts shipped beside the program: on Windows (and wherever a fonts/ folder
// sits next to the executable) the build copies Debian's Inter, DejaVu Sans and
// Font Awesome files there (thirdparty/windows/cross.cmake). src/ui/fonts.cpp
// tries them before the system's font folders.

#include <string>

namespace kindling::ui {

// <executable's folder>/fonts/<fileName> in UTF-8 when that file exists, else "".
std::string bundledFontFile(const std::string& fileName);

} // namespace kindling::ui
