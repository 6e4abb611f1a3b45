# The Windows cross build (CMakePresets.json "windows", toolchain
# thirdparty/windows/mingw-w64.cmake): builds the libraries first, runs the
# tests under Wine, and puts the fonts beside kindling.exe.

# 1. The libraries, from Debian's source packages, into the build folder. A
# rerun skips what is already there (about 3 s).
set(KINDLING_WINDOWS_DEPS_DIR ${CMAKE_BINARY_DIR}/thirdparty)
option(KINDLING_WINDOWS_BUILD_DEPS "Run thirdparty/windows/build-deps.sh while configuring" ON)
if(KINDLING_WINDOWS_BUILD_DEPS)
  message(STATUS "Building the Windows libraries in ${KINDLING_WINDOWS_DEPS_DIR}")
  execute_process(COMMAND ${PROJECT_SOURCE_DIR}/thirdparty/windows/build-deps.sh
                          ${KINDLING_WINDOWS_DEPS_DIR}
                  RESULT_VARIABLE deps_result)
  if(NOT deps_result EQUAL 0)
    message(FATAL_ERROR "thirdparty/windows/build-deps.sh failed; its logs are in "
                        "${KINDLING_WINDOWS_DEPS_DIR}/logs")
  endif()
endif()

# 2. Tests run under Wine, in a Wine prefix of this build folder's own.
find_program(KINDLING_WINE wine REQUIRED)
find_program(KINDLING_WINESERVER wineserver REQUIRED)
set(KINDLING_WINE_PREFIX ${CMAKE_BINARY_DIR}/wine)
set(CMAKE_CROSSCOMPILING_EMULATOR ${PROJECT_SOURCE_DIR}/tests/windows/wine-run.sh
                                  ${KINDLING_WINE_PREFIX})
# Wine shows this machine's / as drive Z:, so a test built for Windows reaches
# the sources and the build through Z:.
set(KINDLING_TEST_PATH_PREFIX "Z:")

# 3. The fonts Kindling draws with, from this machine's Debian font packages
# (thirdparty/fonts.cmake).
include(${PROJECT_SOURCE_DIR}/thirdparty/fonts.cmake)
kindling_bundle_fonts_from("")
