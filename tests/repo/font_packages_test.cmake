# The font packages a native build downloads (thirdparty/fonts.cmake) must be
# the ones Debian 12 installs here for the Linux and cross builds: for each
# pin, the installed version (dpkg-query) and the SHA-256 apt knows for that
# very .deb (apt-cache show). Run by tests/repo/CMakeLists.txt:
#   cmake -DSOURCE_DIR=<repository> -P font_packages_test.cmake

cmake_minimum_required(VERSION 3.25)

include(${SOURCE_DIR}/thirdparty/fonts.cmake)

set(failures "")
foreach(entry ${KINDLING_FONT_PACKAGES})
  string(REPLACE "|" ";" entry "${entry}")
  list(GET entry 0 package)
  list(GET entry 1 version)
  list(GET entry 2 path)
  list(GET entry 3 sha256)
  execute_process(COMMAND dpkg-query -W -f=\${Version} ${package}
                  OUTPUT_VARIABLE installed RESULT_VARIABLE result ERROR_QUIET)
  if(NOT result EQUAL 0)
    string(APPEND failures "\n  ${package} is not installed (thirdparty/install-deps.sh installs it)")
    continue()
  endif()
  if(NOT installed STREQUAL version)
    string(APPEND failures "\n  ${package}: pinned ${version}, Debian installs ${installed}")
  endif()
  execute_process(COMMAND apt-cache show ${package}=${installed}
                  OUTPUT_VARIABLE record RESULT_VARIABLE result ERROR_QUIET)
  string(REGEX MATCH "\nFilename: ([^\n]*)" ignored "\n${record}")
  set(known_path "${CMAKE_MATCH_1}")
  string(REGEX MATCH "\nSHA256: ([0-9a-f]*)" ignored "\n${record}")
  set(known_sha256 "${CMAKE_MATCH_1}")
  if(NOT known_path STREQUAL path)
    string(APPEND failures "\n  ${package}: pinned ${path}, apt knows '${known_path}'")
  endif()
  if(NOT known_sha256 STREQUAL sha256)
    string(APPEND failures "\n  ${package}: pinned SHA-256 ${sha256}, apt knows '${known_sha256}'")
  endif()
endforeach()

list(LENGTH KINDLING_FONT_PACKAGES count)
if(NOT count EQUAL 3)
  string(APPEND failures "\n  ${count} font packages pinned, Kindling draws with three")
endif()
# Every file the builds put beside the program is in those packages here.
kindling_bundle_fonts_from("")

if(failures)
  message(FATAL_ERROR "thirdparty/fonts.cmake is out of step with Debian 12:${failures}")
endif()
message(STATUS "the three font packages are pinned to what Debian 12 installs")
