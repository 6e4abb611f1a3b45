# Glue for Debian packages that ship no CMake config of their own.
# Nothing here is vendored: every target wraps a system package.

if(KINDLING_BUILD_GUI)
  # Dear ImGui 1.86 (libimgui-dev) ships its GLFW, OpenGL3 and FreeType parts
  # inside libimgui.a, but imgui.pc lists neither glfw, GL nor freetype.
  add_library(kindling_imgui INTERFACE)
  target_link_libraries(kindling_imgui INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE)
  # imgui.h is included as <imgui.h>; backends as <backends/imgui_impl_*.h>.
  target_compile_definitions(kindling_imgui INTERFACE IMGUI_DEFINE_MATH_OPERATORS)

  add_library(kindling_gl INTERFACE)
  target_link_libraries(kindling_gl INTERFACE kindling_imgui glfw PkgConfig::EPOXY OpenGL::GL
                                              ${CMAKE_DL_LIBS})
endif()
