#!/usr/bin/env bash
# cmake --install into a temporary DESTDIR puts every file where the desktop
# looks for it, and the desktop's own checkers accept them.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR VERSION RELEASE_DATE
set -euo pipefail
build=$1 source=$2 version=$3 date=$4
. "$(dirname "$0")/common.sh"

DESTDIR=$scratch/root cmake --install "$build" --prefix /usr >"$scratch/install.log" ||
  fail "cmake --install: $(cat "$scratch/install.log")"
root=$scratch/root/usr
id=app.kindling.Kindling
expected=(
  bin/kindling
  share/applications/$id.desktop
  share/metainfo/$id.metainfo.xml
  share/icons/hicolor/scalable/apps/$id.svg
  share/man/man1/kindling.1.gz
  share/bash-completion/completions/kindling
  share/doc/kindling/copyright
  share/doc/kindling/changelog.gz
)
sizes=(16 22 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do expected+=("share/icons/hicolor/${size}x${size}/apps/$id.png"); done
for file in "${expected[@]}"; do
  [ -f "$root/$file" ] || fail "not installed: /usr/$file"
done
# Nothing else: a stray file is one nobody checked.
installed=$(cd "$root" && find . -type f | sed 's|^\./||' | sort)
wanted=$(printf '%s\n' "${expected[@]}" | sort)
[ "$installed" = "$wanted" ] || fail "installed files differ from the list:
$(diff <(echo "$wanted") <(echo "$installed"))"

[ -x "$root/bin/kindling" ] || fail "/usr/bin/kindling is not executable"
"$root/bin/kindling" --version | grep -qx "kindling $version" ||
  fail "the installed kindling says '$("$root/bin/kindling" --version)', not version $version"

# Each PNG is the size its folder says (bytes 16-23: width and height).
for size in "${sizes[@]}"; do
  png=$root/share/icons/hicolor/${size}x${size}/apps/$id.png
  read -r w h < <(od -An -tu4 --endian=big -j16 -N8 "$png")
  [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "$png is ${w}x${h}, not ${size}x${size}"
done

# The desktop file. Debian 12's desktop-file-validate (0.26) knows the Desktop
# Entry spec up to 1.4; SingleMainWindow came in 1.5, so that one complaint
# alone is expected from it, and nothing else.
desktop=$root/share/applications/$id.desktop
validate=$(desktop-file-validate "$desktop" 2>&1 || true)
remaining=$(grep -v 'file contains key "SingleMainWindow" in group "Desktop Entry", but keys extending the format should start with "X-"' <<<"$validate" || true)
[ -z "$remaining" ] || fail "desktop-file-validate: $remaining"
for key in Name Exec Icon Categories Keywords StartupWMClass SingleMainWindow; do
  grep -q "^$key=" "$desktop" || fail "the desktop file has no $key"
done
grep -qx "Icon=$id" "$desktop" || fail "the desktop file's icon is not $id"
grep -qx "StartupWMClass=$id" "$desktop" || fail "StartupWMClass is not the window class $id"
grep -qx "Exec=kindling" "$desktop" || fail "the desktop file does not start kindling"

# The metainfo: valid without the network, and its newest release is this one.
metainfo=$root/share/metainfo/$id.metainfo.xml
appstreamcli validate --no-net "$metainfo" >"$scratch/appstream.log" 2>&1 ||
  fail "appstreamcli validate: $(cat "$scratch/appstream.log")"
grep -q "<id>$id</id>" "$metainfo" || fail "the metainfo's id is not $id"
grep -q '<project_license>GPL-3.0-or-later</project_license>' "$metainfo" ||
  fail "the metainfo does not name the licence"
grep -q '<content_rating type="oars-1.1"' "$metainfo" || fail "the metainfo has no OARS rating"
newest=$(grep -o '<release version="[^"]*" date="[^"]*"' "$metainfo" | head -1)
[ "$newest" = "<release version=\"$version\" date=\"$date\"" ] ||
  fail "the metainfo's newest release is '$newest', not $version of $date"
screens=$({ "$root/bin/kindling" --data-dir "$scratch/data" --screen no-such-screen 2>&1 || true; } |
  sed -n 's/.*choose one of: //p' | tr -d ,)
[ -n "$screens" ] || fail "kindling did not list its screens"
shots=$(grep -o 'screenshots/[a-z]*\.png' "$metainfo" | sed 's|screenshots/||; s|\.png||')
[ -n "$shots" ] || fail "the metainfo has no screenshots"
for shot in $shots; do
  [[ " $screens " == *" $shot "* ]] || fail "the metainfo's screenshot $shot.png is named after no screen ($screens)"
done

# The other places that name the version agree.
head -1 <(zcat "$root/share/doc/kindling/changelog.gz") | grep -q "^kindling ($version) " ||
  fail "the Debian changelog's newest entry is not $version"
grep -m1 '^## ' "$source/CHANGELOG.md" | grep -qx "## $version — $date" ||
  fail "CHANGELOG.md's newest entry is not '## $version — $date'"
grep -q "^\.TH KINDLING 1 \"$date\" \"Kindling $version\"" <(zcat "$root/share/man/man1/kindling.1.gz") ||
  fail "the man page is not dated $date for version $version"

# The licence, where a reader looks for it.
grep -q '/usr/share/common-licenses/GPL-3' "$root/share/doc/kindling/copyright" ||
  fail "the copyright file does not point to the GPL's text"
cmp -s "$source/LICENSE" /usr/share/common-licenses/GPL-3 || fail "LICENSE is not the GPL-3 text"
echo "install: ${#expected[@]} files in place; desktop-file-validate and appstreamcli agree"
