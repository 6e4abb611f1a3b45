#!/usr/bin/env bash
# Runs a Windows program of the cross build under Wine (wine64 from Debian):
#   tests/windows/wine-run.sh WINEPREFIX PROGRAM.exe [ARGUMENTS...]
#   tests/windows/wine-run.sh WINEPREFIX --start   (make the prefix, keep a server)
#   tests/windows/wine-run.sh WINEPREFIX --stop
# CMake uses it as the cross build's CMAKE_CROSSCOMPILING_EMULATOR, so ctest
# runs every test executable through it. The first start makes the prefix
# (about 10 s); a persistent wineserver then keeps each later start near 1 s.
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
    prepare
    echo "wine-run: Wine $(wine --version) ready in $WINEPREFIX"
    exit 0
    ;;
  --stop)
    wineserver -k >/dev/null 2>&1 || true
    exit 0
    ;;
esac
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
