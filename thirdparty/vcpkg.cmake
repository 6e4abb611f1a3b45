# The native Windows (MSVC) and macOS builds: the packages of vcpkg.json,
# installed by vcpkg's toolchain file (CMakePresets.json: windows-msvc,
# macos). Included by CMakeLists.txt only when that toolchain is in use
# (VCPKG_TOOLCHAIN); the Linux and MinGW builds never read this file.
#
# The rest of the build names the packages pkg-config finds on Debian
# (PkgConfig::SODIUM, PkgConfig::IMGUI, ...: CMakeLists.txt,
# thirdparty/dependencies.cmake). vcpkg has no pkg-config on Windows, so the
# same names are made here as INTERFACE IMPORTED targets over vcpkg's CMake
# packages. tests/repo/vcpkg_manifest_test.cmake checks that vcpkg.json lists
# every package found here and in CMakeLists.txt.
#
# Not run here: written from vcpkg's port files of these versions
# (README "Building natively on Windows and macOS").

function(kindling_vcpkg_target name)
  add_library(PkgConfig::${name} INTERFACE IMPORTED)
  target_link_libraries(PkgConfig::${name} INTERFACE ${ARGN})
endfunction()

find_package(SQLiteCpp CONFIG REQUIRED)
find_package(cereal CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(Threads REQUIRED)
# libsodium's port installs the CMake package unofficial-sodium.
find_package(unofficial-sodium CONFIG REQUIRED)
kindling_vcpkg_target(SODIUM unofficial-sodium::sodium)

if(NOT WIN32 AND NOT APPLE)
  # vcpkg on Linux: the desktop's own libraries still come from the system.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(LIBNOTIFY REQUIRED IMPORTED_TARGET libnotify)
endif()

if(KINDLING_BUILD_GUI)
  find_package(glfw3 3.3 CONFIG REQUIRED)
  find_package(OpenGL REQUIRED)
  find_package(Freetype REQUIRED)
  kindling_vcpkg_target(FREETYPE Freetype::Freetype)

  # Dear ImGui with the glfw-binding, opengl3-binding and freetype features:
  # one library, imgui::imgui. Its port installs every header flat in
  # include/, where Debian keeps the backends in backends/ (the sources
  # include <backends/imgui_impl_glfw.h>): small forwarding headers, made in
  # the build folder, bridge the two.
  find_package(imgui CONFIG REQUIRED)
  set(compat ${CMAKE_BINARY_DIR}/vcpkg-compat)
  foreach(header imgui_impl_glfw.h imgui_impl_opengl3.h)
    file(CONFIGURE OUTPUT ${compat}/backends/${header}
         CONTENT "#pragma once\n// Made by thirdparty/vcpkg.cmake.\n#include <${header}>\n")
  endforeach()
  kindling_vcpkg_target(IMGUI imgui::imgui)
  target_include_directories(PkgConfig::IMGUI INTERFACE ${compat})

  # libepoxy is built with Meson and installs no CMake package: its header and
  # library, found in vcpkg's tree.
  find_path(EPOXY_INCLUDE_DIR epoxy/gl.h REQUIRED)
  find_library(EPOXY_LIBRARY NAMES epoxy libepoxy epoxy-0 REQUIRED)
  kindling_vcpkg_target(EPOXY ${EPOXY_LIBRARY})
  target_include_directories(PkgConfig::EPOXY INTERFACE ${EPOXY_INCLUDE_DIR})

  # stb is headers only; its port's FindStb module gives the folder.
  find_package(Stb REQUIRED)
  add_library(PkgConfig::STB INTERFACE IMPORTED)
  target_include_directories(PkgConfig::STB INTERFACE ${Stb_INCLUDE_DIR})

  if(NOT WIN32 AND NOT APPLE)
    pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
  else()
    # No fontconfig: the fonts go beside the program, Debian's very files,
    # downloaded once into the build folder (thirdparty/fonts.cmake).
    include(${PROJECT_SOURCE_DIR}/thirdparty/fonts.cmake)
    kindling_unpack_font_packages(${CMAKE_BINARY_DIR}/debian-fonts)
    kindling_bundle_fonts_from(${CMAKE_BINARY_DIR}/debian-fonts)
  endif()
endif()
