#!/usr/bin/env bash
# cpack -G DEB, from the build the tests already made, gives
# kindling_<version>_amd64.deb with its dependencies, the files of
# install_test.sh, and nothing lintian calls an error or a warning.
# Usage: deb_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
. "$(dirname "$0")/common.sh"

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch" >"$scratch/cpack.log" 2>&1 ||
  fail "cpack: $(cat "$scratch/cpack.log")"
deb=$scratch/kindling_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || fail "cpack made no $(basename "$deb"): $(ls "$scratch")"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = kindling ] || fail "the package is called '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "the package's version is '$(field Version)'"
[ -n "$(field Maintainer)" ] || fail "the package has no maintainer"
[[ $(field Description) == "small daily rituals for two"* ]] || fail "the package's summary is not 'small daily rituals for two'"
depends=$(field Depends)
# The fonts (read at run time) and the libraries dpkg-shlibdeps found.
for package in fonts-inter fonts-dejavu-core fonts-font-awesome libglfw3 libsqlite3-0 libsodium23 \
  libfontconfig1 libc6; do
  [[ ", $depends," == *", $package"[\ ,]* ]] || fail "Depends lacks $package: $depends"
done

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' >"$scratch/contents"
for file in usr/bin/kindling usr/share/applications/app.kindling.Kindling.desktop \
  usr/share/metainfo/app.kindling.Kindling.metainfo.xml usr/share/man/man1/kindling.1.gz \
  usr/share/icons/hicolor/48x48/apps/app.kindling.Kindling.png usr/share/doc/kindling/copyright; do
  grep -qx "$file" "$scratch/contents" || fail "the package lacks /$file"
done

# lintian: no error and no warning (the README lists the notes that remain).
lintian --no-cfg --fail-on error,warning --display-info "$deb" >"$scratch/lintian.log" 2>&1 ||
  fail "lintian: $(grep -v 'root privileges' "$scratch/lintian.log")"
if grep -q '^[EW]: ' "$scratch/lintian.log"; then fail "lintian: $(cat "$scratch/lintian.log")"; fi
echo "deb: $(basename "$deb"), $(du -k "$deb" | cut -f1) kB; lintian: $(grep -c '^I: ' "$scratch/lintian.log" || true) notes, no warning"
