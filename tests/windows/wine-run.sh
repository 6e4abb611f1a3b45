#!/usr/bin/env bash
# Runs a Windows program of the cross build under Wine (wine64 from Debian):
#   tests/windows/wine-run.sh WINEPREFIX PROGRAM.exe [ARGUMENTS...]
#   tests/windows/wine-run.sh WINEPREFIX --start   (make the prefix, keep a server)
#   tests/windows/wine-run.sh WINEPREFIX --stop
# CMake uses it as the cross build's CMAKE_CROSSCOMPILING_EMULATOR, so ctest
# runs every test executable through it. The first start makes the prefix
# (about 10 s); a persistent wineserver then keeps each later start near 1 s.
# --start also starts one Xvfb for the run, which every later program of this
# prefix uses: Wine's desktop process starts with the first program and keeps
# the display it found, so a window (kindling.exe --screenshot) can only open
# when all of them share one X server.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 WINEPREFIX PROGRAM.exe [ARGUMENTS...] | --start | --stop" >&2
  exit 2
fi
export WINEPREFIX="$1"
shift
export WINEDEBUG=-all
# No Mono or Gecko: nothing here uses .NET or HTML, and they cannot be downloaded.
export WINEDLLOVERRIDES="mscoree,mshtml="
# Command lines and file names cross from Unix to Windows as UTF-8.
case "${LC_ALL:-${LANG:-}}" in
  *UTF-8* | *utf8*) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac

display_file="$WINEPREFIX.display"

use_display() {
  if [ -f "$display_file" ]; then
    read -r number pid <"$display_file"
    if kill -0 "$pid" 2>/dev/null; then
      export DISPLAY=":$number"
    fi
  fi
}

start_display() {
  use_display
  if [ -n "${DISPLAY:-}" ] && [ -f "$display_file" ] && kill -0 "$(cut -d' ' -f2 "$display_file")" 2>/dev/null; then
    return
  fi
  command -v Xvfb >/dev/null || { echo "wine-run: Xvfb is missing (package xvfb)" >&2; exit 1; }
  local ready
  ready="$(mktemp)"
  # -terminate 300: it goes away by itself 5 minutes after its last client.
  setsid Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -terminate 300 \
    3>"$ready" </dev/null >/dev/null 2>&1 &
  local pid=$! waited=0
  while [ ! -s "$ready" ]; do
    if ! kill -0 "$pid" 2>/dev/null || [ $waited -ge 100 ]; then
      echo "wine-run: Xvfb did not start" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "$(tr -d '\n' <"$ready") $pid" >"$display_file"
  rm -f "$ready"
  use_display
}

prepare() {
  mkdir -p "$WINEPREFIX"
  # One prefix shared by tests running in parallel: the first makes it.
  exec 9>"$WINEPREFIX.lock"
  flock 9
  if [ ! -f "$WINEPREFIX/.kindling-ready" ]; then
    wineboot -i >/dev/null 2>&1
    wineserver -w
    touch "$WINEPREFIX/.kindling-ready"
  fi
  # A server that stays 5 minutes after its last program, so a test run does
  # not pay for starting it again and again, and nothing lingers after it.
  # (Exit code 2: one is already running.)
  wineserver -p300 >/dev/null 2>&1 || true
  flock -u 9
}

case "$1" in
  --start)
    # A server left from an earlier run knows another display: end it first.
    wineserver -k >/dev/null 2>&1 || true
    wineserver -w >/dev/null 2>&1 || true
    start_display
    prepare
    echo "wine-run: Wine $(wine --version) ready in $WINEPREFIX"
    exit 0
    ;;
  --stop)
    wineserver -k >/dev/null 2>&1 || true
    if [ -f "$display_file" ]; then
      kill "$(cut -d' ' -f2 "$display_file")" 2>/dev/null || true
      rm -f "$display_file"
    fi
    exit 0
    ;;
esac
use_display
prepare
# Wine's own background programs (services.exe and others) may start with
# this program and outlive it, holding whatever stdout and stderr it had: were
# those ctest's pipes, ctest would wait for them. So the program writes to
# files, which are then passed on.
output="$(mktemp -d)"
trap 'rm -rf "$output"' EXIT
status=0
wine "$@" >"$output/out" 2>"$output/err" || status=$?
cat "$output/out"
cat "$output/err" >&2
exit "$status"
