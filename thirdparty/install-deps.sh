#!/usr/bin/env bash
# Installs the Debian 12 packages Kindling builds, runs and tests with.
# Idempotent and non-interactive: packages already present are left alone.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config
  # libraries (find_package / pkg-config in CMakeLists.txt)
  libimgui-dev libglfw3-dev libepoxy-dev libfreetype-dev libstb-dev
  libsqlitecpp-dev libsqlite3-dev libcereal-dev rapidjson-dev libcli11-dev libfmt-dev
  libsodium-dev libfontconfig-dev
  catch2
  # benchmarks (tests/bench/run.sh; built only with KINDLING_BUILD_BENCHMARKS=ON)
  libbenchmark-dev
  # fonts found at run time
  fonts-inter fonts-font-awesome fonts-dejavu-core
  # headless window for tests and screenshots
  xvfb xauth libgl1-mesa-dri
  # two real Syncthing instances for the sync folder test (tests/sync/syncthing_pair.sh):
  # syncthing, its REST API through curl and jq, a private namespace (unshare, setpriv,
  # mount from util-linux and mount) with loopback brought up by ip
  syncthing curl jq util-linux mount iproute2
  # the icon's PNGs (build), the .deb (cpack: dpkg-shlibdeps) and its checks (tests/install)
  librsvg2-bin dpkg-dev lintian appstream desktop-file-utils man-db
  # Xlib for the GL tests that read the X focus and the window's class
  libx11-dev
  # the Windows cross build (CMakePresets.json "windows"): MinGW-w64, the tools
  # thirdparty/windows/build-deps.sh builds Debian's sources with, and Wine
  # with Python for its tests (tests/windows/), xwininfo (x11-utils) to see its windows,
  # xdotool to click the reminder's icon in the notification area
  g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix dpkg-dev meson ninja-build
  autoconf automake libtool tcl wine wine64 python3 x11-utils xdotool
  # the evening reminder: desktop notifications (libnotify); its tests (tests/platform/):
  # a private session bus (dbus-run-session), a fake notification server in Python
  # (Debian's python3 with python3-dbus and python3-gi), a real one (dunst), and the
  # checkers for the timer units and the autostart entry it writes
  libnotify-dev dbus dbus-daemon python3 python3-dbus python3-gi dunst systemd
  # (desktop-file-utils, above, checks the autostart entry too)
)

if [ ! -r /etc/debian_version ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: this script installs Debian 12 packages with apt-get, and this is not Debian." >&2
  echo "install-deps: install the equivalents of: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# `apt-get source` (the Windows cross build) needs deb-src entries.
add_deb_src() {
  "$(dirname "$0")/windows/add-deb-src.sh"
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are already installed."
  add_deb_src
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: these packages are missing: ${missing[*]}" >&2
  echo "install-deps: run this script as root (or: sudo $0) to install them." >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
add_deb_src
echo "install-deps: done."
