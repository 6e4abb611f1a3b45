# CMake toolchain for the Windows cross build: Debian's MinGW-w64 (the POSIX
# threads flavour, g++-mingw-w64-x86-64-posix, GCC 12) targeting 64-bit Windows.
# Dependencies come only from the prefix thirdparty/windows/build-deps.sh fills
# (KINDLING_WINDOWS_PREFIX, by default <build>/thirdparty/prefix) and from
# MinGW's own sysroot; nothing is taken from the Linux system.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(KINDLING_MINGW_HOST x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${KINDLING_MINGW_HOST}-gcc-posix)
set(CMAKE_CXX_COMPILER ${KINDLING_MINGW_HOST}-g++-posix)
set(CMAKE_RC_COMPILER ${KINDLING_MINGW_HOST}-windres)
set(CMAKE_AR ${KINDLING_MINGW_HOST}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${KINDLING_MINGW_HOST}-gcc-ranlib-posix CACHE FILEPATH "")

if(NOT KINDLING_WINDOWS_PREFIX)
  if(DEFINED ENV{KINDLING_WINDOWS_PREFIX})
    set(KINDLING_WINDOWS_PREFIX $ENV{KINDLING_WINDOWS_PREFIX})
  else()
    set(KINDLING_WINDOWS_PREFIX ${CMAKE_BINARY_DIR}/thirdparty/prefix)
  endif()
endif()
# try_compile projects see the same prefix.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES KINDLING_WINDOWS_PREFIX)
set(ENV{KINDLING_WINDOWS_PREFIX} ${KINDLING_WINDOWS_PREFIX})

set(CMAKE_FIND_ROOT_PATH ${KINDLING_WINDOWS_PREFIX} /usr/${KINDLING_MINGW_HOST})
set(CMAKE_PREFIX_PATH ${KINDLING_WINDOWS_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# pkg-config reads only the prefix's .pc files, never /usr/lib's.
set(ENV{PKG_CONFIG_LIBDIR} ${KINDLING_WINDOWS_PREFIX}/lib/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
set(PKG_CONFIG_ARGN --static)

# One self-contained .exe: libgcc, libstdc++ and winpthread linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
