# The fonts Kindling draws with, put beside the program where no fontconfig
# finds them by family (Windows, macOS; src/ui/font_files.cpp): Inter, DejaVu
# Sans and Font Awesome 4.7, all under free licences (README "Licences"),
# with their copyright files. Always the files of Debian 12's font packages:
#
# - the cross build (thirdparty/windows/cross.cmake) copies them from this
#   machine, where thirdparty/install-deps.sh installed the packages;
# - a native build (thirdparty/vcpkg.cmake) downloads the same three .deb
#   files from Debian's archive while configuring, checks each one's SHA-256
#   against the pin below and unpacks it with CMake's own tar (libarchive
#   reads the .deb's ar wrapper), into the build folder. Done once; a rerun
#   finds them there.
#
# tests/repo/font_packages_test.cmake checks that the pins are the versions
# Debian 12 installs here, so both builds carry the same files.
#
# Sets KINDLING_BUNDLED_FONTS and KINDLING_BUNDLED_FONT_LICENCES (FILE=NAME:
# the copyright file and the name it gets beside the fonts), which
# src/CMakeLists.txt copies into fonts/ beside kindling.

# package | version | path in the archive | SHA-256 of the .deb
set(KINDLING_FONT_PACKAGES
    "fonts-inter|4.0~beta7+ds-1|pool/main/f/fonts-inter/fonts-inter_4.0~beta7+ds-1_all.deb|6afd9014550e04b58bccf64b94f92ae1dbfd8018489b92de835408970234c24c"
    "fonts-dejavu-core|2.37-6|pool/main/f/fonts-dejavu/fonts-dejavu-core_2.37-6_all.deb|8892669e51aab4dc56682c8e39d8ddb7d70fad83c369344e1e240bf3ca22bb76"
    "fonts-font-awesome|5.0.10+really4.7.0~dfsg-4.1|pool/main/f/fonts-font-awesome/fonts-font-awesome_5.0.10+really4.7.0~dfsg-4.1_all.deb|5f09e1adce26d59628a239c538882d53e58978b958233864fc617be9a510018e")
set(KINDLING_DEBIAN_ARCHIVE "https://deb.debian.org/debian" CACHE STRING
    "Where a native build downloads Debian's font packages")

# Downloads and unpacks every package of KINDLING_FONT_PACKAGES under `root`
# (root/usr/share/...), unless an earlier run did.
function(kindling_unpack_font_packages root)
  foreach(entry ${KINDLING_FONT_PACKAGES})
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 package)
    list(GET entry 2 path)
    list(GET entry 3 sha256)
    set(done ${root}/.${package}.unpacked)
    if(EXISTS ${done})
      continue()
    endif()
    get_filename_component(deb ${path} NAME)
    set(work ${root}/.download/${package})
    file(REMOVE_RECURSE ${work})
    file(MAKE_DIRECTORY ${work})
    message(STATUS "Fonts: downloading ${KINDLING_DEBIAN_ARCHIVE}/${path}")
    file(DOWNLOAD ${KINDLING_DEBIAN_ARCHIVE}/${path} ${work}/${deb}
         EXPECTED_HASH SHA256=${sha256} STATUS status TLS_VERIFY ON)
    list(GET status 0 code)
    if(NOT code EQUAL 0)
      list(GET status 1 reason)
      message(FATAL_ERROR "Fonts: ${package} could not be downloaded from "
                          "${KINDLING_DEBIAN_ARCHIVE}/${path}: ${reason}")
    endif()
    # A .deb is an ar archive of control.tar.* and data.tar.*.
    execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${deb}
                    WORKING_DIRECTORY ${work} RESULT_VARIABLE result)
    file(GLOB data ${work}/data.tar.*)
    if(NOT result EQUAL 0 OR NOT data)
      message(FATAL_ERROR "Fonts: ${work}/${deb} is not a Debian package")
    endif()
    file(MAKE_DIRECTORY ${root})
    execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf ${data}
                    WORKING_DIRECTORY ${root} RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "Fonts: ${data} could not be unpacked")
    endif()
    file(REMOVE_RECURSE ${work})
    file(TOUCH ${done})
  endforeach()
endfunction()

# The files under `root` ("" for this machine's own /usr/share).
function(kindling_bundle_fonts_from root)
  set(fonts
      ${root}/usr/share/fonts/opentype/inter/Inter-Regular.otf
      ${root}/usr/share/fonts/opentype/inter/Inter-SemiBold.otf
      ${root}/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
      ${root}/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf)
  set(licences
      ${root}/usr/share/doc/fonts-inter/copyright=Inter-copyright.txt
      ${root}/usr/share/doc/fonts-dejavu-core/copyright=DejaVu-copyright.txt
      ${root}/usr/share/doc/fonts-font-awesome/copyright=FontAwesome-copyright.txt)
  foreach(file ${fonts} ${licences})
    string(REGEX REPLACE "=.*" "" file "${file}")
    if(NOT EXISTS ${file})
      message(FATAL_ERROR "${file} is missing: run thirdparty/install-deps.sh")
    endif()
  endforeach()
  set(KINDLING_BUNDLED_FONTS ${fonts} PARENT_SCOPE)
  set(KINDLING_BUNDLED_FONT_LICENCES ${licences} PARENT_SCOPE)
endfunction()
