#!/usr/bin/env bash
# Builds every library Kindling uses for 64-bit Windows with Debian's MinGW-w64
# (g++-mingw-w64-x86-64-posix), from Debian's own source packages, at the very
# versions installed for the Linux build (thirdparty/install-deps.sh), into
# a prefix under the build folder. Nothing is vendored: `apt-get source`
# fetches each package (with Debian's patches) and the build happens here.
#
#   thirdparty/windows/build-deps.sh WORKDIR     (the prefix is WORKDIR/prefix)
#
# Only the parts Kindling uses are built, two packages at a time (make -j), and
# a package already in the prefix at the same version is skipped, so a rerun
# costs a second. Each package's log is WORKDIR/logs/NAME.log.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
host=x86_64-w64-mingw32

if [ $# -lt 1 ]; then
  echo "usage: $0 WORKDIR [--one PACKAGE]" >&2
  exit 2
fi
work="$(mkdir -p "$1" && cd "$1" && pwd)"
prefix="$work/prefix"
stamps="$prefix/.kindling-stamps"
logs="$work/logs"
mkdir -p "$prefix/include" "$prefix/lib/pkgconfig" "$stamps" "$logs" "$work/src" "$work/build"

# Each entry: our name, the Linux package whose version we match, the Debian
# source package, and what must be built first.
# The longest builds come first, so make starts them at once.
packages=(
  "libsodium libsodium-dev     libsodium"
  "sqlite3   libsqlite3-dev    sqlite3"
  "sqlitecpp libsqlitecpp-dev  sqlitecpp  sqlite3"
  "glfw3     libglfw3-dev      glfw3"
  "freetype  libfreetype-dev   freetype"
  "libstb    libstb-dev        libstb"
  "imgui     libimgui-dev      imgui      freetype glfw3 libstb"
  "libepoxy  libepoxy-dev      libepoxy"
  "fmtlib    libfmt-dev        fmtlib"
  "cli11     libcli11-dev      cli11"
  "rapidjson rapidjson-dev     rapidjson"
  "cereal    libcereal-dev     libcereal  rapidjson"
  "catch2    catch2            catch2"
)

field() { # field NAME INDEX
  local entry
  for entry in "${packages[@]}"; do
    read -r -a parts <<<"$entry"
    if [ "${parts[0]}" = "$1" ]; then
      echo "${parts[@]:$2}"
      return
    fi
  done
  echo "build-deps: unknown package $1" >&2
  exit 2
}

# The Debian version of the source package behind the installed Linux package.
version_of() {
  local binary="$1" version
  version="$(dpkg-query -W -f='${source:Version}' "$binary" 2>/dev/null || true)"
  if [ -z "$version" ]; then
    echo "build-deps: $binary is not installed; run thirdparty/install-deps.sh first" >&2
    exit 1
  fi
  echo "$version"
}

cc="$host-gcc-posix"
cxx="$host-g++-posix"
for tool in "$cc" "$cxx" "$host-ar" "$host-windres" cmake make pkg-config dpkg-source meson ninja tclsh autoreconf libtoolize; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-deps: $tool is missing; run thirdparty/install-deps.sh first" >&2
    exit 1
  fi
done
launcher="${CMAKE_C_COMPILER_LAUNCHER:-}"
toolchain="$here/mingw-w64.cmake"
# The libraries are built like Debian's (-O2), without the Linux hardening
# flags MinGW's runtime does not provide (-fstack-protector needs libssp).
opt_flags="-O2 -g0"

cmake_package() { # cmake_package SOURCE BUILD [-D...]
  local source="$1" build="$2"
  shift 2
  cmake -S "$source" -B "$build" -G "Unix Makefiles" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DKINDLING_WINDOWS_PREFIX="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="$opt_flags -DNDEBUG" \
    -DCMAKE_CXX_FLAGS_RELEASE="$opt_flags -DNDEBUG" -DBUILD_SHARED_LIBS=OFF "$@"
  cmake --build "$build" -j1
  cmake --install "$build"
}

# Fetches NAME's source package at VERSION into src/ and unpacks it with
# Debian's patches applied; prints the unpacked folder.
fetch() {
  local source="$1" version="$2" dir upstream
  upstream="${version#*:}"
  upstream="${upstream%-*}"
  dir="$work/src/$source-$upstream"
  if [ -d "$dir" ] && [ -f "$dir/.kindling-unpacked" ]; then
    echo "$dir"
    return
  fi
  rm -rf "$dir"
  (cd "$work/src" && apt-get source --download-only -qq "$source=$version" >&2) || true
  local dsc="$work/src/${source}_${version#*:}.dsc"
  if [ ! -f "$dsc" ]; then
    echo "build-deps: apt-get source $source=$version fetched nothing." >&2
    echo "build-deps: it needs a deb-src entry: run thirdparty/install-deps.sh (as root)." >&2
    exit 1
  fi
  if ! (cd "$work/src" && dpkg-source -x "$dsc" "$dir" >&2); then
    # Some mirrors miss a package's debian.tar.xz (seen for libcereal and
    # libepoxy): then the upstream tarball, which apt checked against the
    # .dsc, is unpacked and Debian's changes that matter here are redone.
    local orig
    orig="$(ls "$work/src/${source}_${upstream}".orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -1)"
    if [ -z "$orig" ]; then
      echo "build-deps: cannot unpack $source $version" >&2
      exit 1
    fi
    echo "build-deps: $source: Debian's packaging part could not be fetched; using the upstream tarball of the same version" >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xf "$orig" -C "$dir" --strip-components=1
  fi
  touch "$dir/.kindling-unpacked"
  echo "$dir"
}

build_sqlite3() {
  local src="$1" native="$work/build/sqlite3-native"
  # The amalgamation (sqlite3.c) is generated by build-machine tools (tclsh, lemon).
  mkdir -p "$native"
  (cd "$native" && "$src/configure" --disable-tcl --disable-readline >/dev/null && make sqlite3.c)
  # The compile options of Debian's libsqlite3 (debian/rules), so both builds behave alike.
  local defines=(
    -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3
    -DSQLITE_ENABLE_FTS3_PARENTHESIS -DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1
    -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB
    -DSQLITE_ALLOW_ROWID_IN_VIEW -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1
    -DSQLITE_ENABLE_LOAD_EXTENSION -DSQLITE_ENABLE_JSON1 -DSQLITE_LIKE_DOESNT_MATCH_BLOBS
    -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS3_TOKENIZER=1 -DSQLITE_USE_URI=1
    -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION
    -DSQLITE_ENABLE_STMTVTAB -DSQLITE_MAX_VARIABLE_NUMBER=250000)
  $launcher $cc $opt_flags "${defines[@]}" -c "$native/sqlite3.c" -o "$native/sqlite3.o"
  rm -f "$prefix/lib/libsqlite3.a"
  "$host-ar" rcs "$prefix/lib/libsqlite3.a" "$native/sqlite3.o"
  install -m 0644 "$native/sqlite3.h" "$src/src/sqlite3ext.h" "$prefix/include/"
  local version
  version="$(cat "$src/VERSION")"
  cat >"$prefix/lib/pkgconfig/sqlite3.pc" <<EOF
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: SQLite
Description: SQL database engine
Version: $version
Libs: -L\${libdir} -lsqlite3
Cflags: -I\${includedir}
EOF
}

build_sqlitecpp() {
  cmake_package "$1" "$work/build/sqlitecpp" -DSQLITECPP_INTERNAL_SQLITE=OFF \
    -DSQLITECPP_RUN_CPPLINT=OFF -DSQLITECPP_RUN_CPPCHECK=OFF -DSQLITECPP_BUILD_TESTS=OFF \
    -DSQLITECPP_BUILD_EXAMPLES=OFF -DSQLITECPP_USE_STACK_PROTECTION=OFF
}

build_glfw3() {
  cmake_package "$1" "$work/build/glfw3" -DGLFW_BUILD_EXAMPLES=OFF -DGLFW_BUILD_TESTS=OFF \
    -DGLFW_BUILD_DOCS=OFF
}

build_freetype() {
  # Kindling's fonts are plain TrueType/OpenType files: none of the optional
  # codecs (zlib, bzip2, PNG, Brotli, HarfBuzz) is needed.
  cmake_package "$1" "$work/build/freetype" -DFT_DISABLE_ZLIB=ON -DFT_DISABLE_BZIP2=ON \
    -DFT_DISABLE_PNG=ON -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_BROTLI=ON
}

build_libstb() {
  # Debian's own Makefile (debian/patches/0001-Makefile-refactor.patch), limited
  # to the parts Kindling and Dear ImGui use.
  local build="$work/build/libstb"
  rm -rf "$build"
  cp -r "$1" "$build"
  make -C "$build" libstb.a stb.pc CC="$launcher $cc" AR="$host-ar" PREFIX="$prefix" \
    LIBDIR=lib CFLAGS="$opt_flags -Wall -fwrapv" \
    OBJS="stb_image.o stb_image_write.o stb_rect_pack_truetype.o"
  make -C "$build" install-static install-header PREFIX="$prefix" LIBDIR=lib \
    OBJS="stb_image.o stb_image_write.o stb_rect_pack_truetype.o" DESTDIR=
}

build_imgui() {
  # Debian's own Makefile (debian/patches/0001-add-Makefile.patch), with the
  # backends Kindling uses: GLFW and OpenGL 3, plus the FreeType font builder.
  local build="$work/build/imgui"
  rm -rf "$build"
  cp -r "$1" "$build"
  # imgui_demo.cpp (Dear ImGui's demo window) is left out: Kindling never shows it.
  local sources="imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp
    misc/cpp/imgui_stdlib.cpp misc/freetype/imgui_freetype.cpp
    backends/imgui_impl_glfw.cpp backends/imgui_impl_opengl3.cpp"
  CPPFLAGS="-I$prefix/include" CXXFLAGS="$opt_flags -Wall" \
    PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" PKG_CONFIG_PATH="" \
    make -C "$build" libimgui.a imgui.pc CXX="$launcher $cxx" AR="$host-ar" \
    PREFIX="$prefix" LIBDIR=lib VERSION=1.86 LIBS=freetype2 SRCS="$sources"
  make -C "$build" install-static install-header PREFIX="$prefix" LIBDIR=lib VERSION=1.86 \
    LIBS=freetype2 SRCS="$sources" PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" DESTDIR=
}

build_libepoxy() {
  local build="$work/build/libepoxy" cross="$work/build/meson-cross.ini"
  cat >"$cross" <<EOF
[binaries]
c = '$cc'
cpp = '$cxx'
ar = '$host-ar'
strip = '$host-strip'
windres = '$host-windres'
pkgconfig = 'pkg-config'

[properties]
pkg_config_libdir = '$prefix/lib/pkgconfig'

[host_machine]
system = 'windows'
cpu_family = 'x86_64'
cpu = 'x86_64'
endian = 'little'
EOF
  rm -rf "$build"
  CFLAGS="$opt_flags" meson setup "$build" "$1" --cross-file "$cross" --prefix "$prefix" \
    --libdir lib --buildtype plain -Ddefault_library=static -Dtests=false -Ddocs=false \
    -Degl=no -Dglx=no -Dx11=false
  ninja -C "$build" -j1
  ninja -C "$build" install
}

build_libsodium() {
  local build="$work/build/libsodium"
  rm -rf "$build"
  mkdir -p "$build"
  # Debian's source has no configure script: debian/rules runs dh_autoreconf.
  [ -x "$1/configure" ] || (cd "$1" && autoreconf -fi)
  (cd "$build" && "$1/configure" --host="$host" --prefix="$prefix" --disable-shared \
    --enable-static --disable-dependency-tracking --disable-ssp CC="$launcher $cc" \
    CFLAGS="$opt_flags" >/dev/null && make -j1 && make install)
  # A static libsodium on Windows needs SODIUM_STATIC wherever sodium.h is read.
  sed -i 's|^Cflags: \(.*\)$|Cflags: \1 -DSODIUM_STATIC|' "$prefix/lib/pkgconfig/libsodium.pc"
}

build_fmtlib() {
  cmake_package "$1" "$work/build/fmtlib" -DFMT_TEST=OFF -DFMT_DOC=OFF
}

build_cli11() {
  cmake_package "$1" "$work/build/cli11" -DCLI11_BUILD_TESTS=OFF -DCLI11_BUILD_EXAMPLES=OFF \
    -DCLI11_BUILD_DOCS=OFF -DCLI11_PRECOMPILED=OFF
}

build_rapidjson() {
  # Header-only: what Debian's rapidjson-dev installs under include/.
  rm -rf "$prefix/include/rapidjson"
  cp -r "$1/include/rapidjson" "$prefix/include/"
}

build_cereal() {
  cmake_package "$1" "$work/build/cereal" -DJUST_INSTALL_CEREAL=ON -DSKIP_PORTABILITY_TEST=ON \
    -DBUILD_TESTS=OFF -DBUILD_SANDBOX=OFF -DBUILD_DOC=OFF
  # Debian's cereal reads the system rapidjson instead of its bundled copy
  # (which the +dfsg tarball drops). When the mirror gave only the upstream
  # tarball, make the same change Debian's patch makes; the result is
  # byte-for-byte the headers libcereal-dev installs on Linux.
  local files
  files="$(grep -rl 'CEREAL_RAPIDJSON\|cereal/external/rapidjson' "$prefix/include/cereal" || true)"
  if [ -n "$files" ]; then
    echo "$files" | xargs sed -i 's/CEREAL_RAPIDJSON_/RAPIDJSON_/g; s|cereal/external/rapidjson/|rapidjson/|g'
  fi
}

build_catch2() {
  # As Debian builds it (debian/rules): the header plus Catch2WithMain.
  cmake_package "$1" "$work/build/catch2" -DCATCH_BUILD_TESTING=OFF -DCATCH_INSTALL_DOCS=OFF \
    -DCATCH_INSTALL_HELPERS=ON -DCATCH_BUILD_STATIC_LIBRARY=ON
}

one() {
  local name="$1" binary source version stamp dir started
  binary="$(field "$name" 1 | cut -d' ' -f1)"
  source="$(field "$name" 2 | cut -d' ' -f1)"
  version="$(version_of "$binary")"
  stamp="$stamps/$name"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
    return 0
  fi
  started=$(date +%s)
  echo "build-deps: $name $version ..."
  if ! {
    dir="$(fetch "$source" "$version")" && "build_$name" "$dir"
  } >"$logs/$name.log" 2>&1; then
    echo "build-deps: building $name failed; the end of $logs/$name.log:" >&2
    tail -n 30 "$logs/$name.log" >&2
    return 1
  fi
  echo "$version" >"$stamp"
  echo "build-deps: $name $version built in $(($(date +%s) - started)) s"
}

if [ "${2:-}" = "--one" ]; then
  one "$3"
  exit $?
fi

started=$(date +%s)
"$here/add-deb-src.sh"
# A small Makefile of the packages and what each needs, so make runs them in
# parallel in the right order.
makefile="$work/build/packages.mk"
{
  names=()
  for entry in "${packages[@]}"; do
    read -r -a parts <<<"$entry"
    names+=("${parts[0]}")
    printf '%s: %s\n\t@"%s" "%s" --one %s\n' "${parts[0]}" "${parts[*]:3}" "$0" "$work" "${parts[0]}"
  done
  printf '.PHONY: all %s\nall: %s\n' "${names[*]}" "${names[*]}"
} >"$makefile"
jobs="${KINDLING_DEPS_JOBS:-$(nproc)}"
# Our own make gets a fresh job server: a parent make's flags do not apply.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -f "$makefile" -j"$jobs" all
echo "build-deps: the Windows libraries are in $prefix ($(($(date +%s) - started)) s)"
