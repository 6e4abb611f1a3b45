#!/usr/bin/env bash
# Makes `apt-get source` work: adds deb-src entries (as root) for the mirrors,
# suites and components apt already uses, when there are none. Called by
# thirdparty/install-deps.sh and thirdparty/windows/build-deps.sh; does
# nothing when Debian's sources can already be fetched.
set -euo pipefail

# apt-get source needs deb-src entries for the suites apt already uses. When
# there are none, add them (as root) beside the existing sources: the same
# mirrors, suites and components, with Types: deb-src.
ensure_deb_src() {
  if apt-get source --print-uris -qq glfw3 >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "add-deb-src: apt has no deb-src entries, so apt-get source cannot fetch Debian's sources." >&2
    echo "add-deb-src: run thirdparty/install-deps.sh as root once; it adds them." >&2
    exit 1
  fi
  local list=/etc/apt/sources.list.d/kindling-deb-src.sources
  echo "add-deb-src: adding deb-src entries to $list"
  {
    for file in /etc/apt/sources.list.d/*.sources; do
      [ -f "$file" ] && [ "$file" != "$list" ] || continue
      # Only deb822 paragraphs that are enabled and name Types: deb.
      awk 'BEGIN { RS=""; ORS="\n\n" }
           /(^|\n)Types:[ \t]*deb([ \t]|\n|$)/ && !/(^|\n)Enabled:[ \t]*no/ {
             sub(/Types:[ \t]*deb/, "Types: deb-src"); print }' "$file"
    done
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -f "$file" ] || continue
      sed -n 's/^[ \t]*deb[ \t]\+/deb-src /p' "$file"
    done
  } >"$list.tmp"
  mv "$list.tmp" "$list"
  apt-get update -qq
  if ! apt-get source --print-uris -qq glfw3 >/dev/null 2>&1; then
    echo "add-deb-src: apt-get source still finds no source packages after adding $list" >&2
    exit 1
  fi
}

ensure_deb_src
