#!/usr/bin/env bash
# The manual page documents every command and option --help lists, under the
# command it belongs to, and nothing --help does not list; man reads it
# without a warning.
# Usage: man_page_test.sh KINDLING MAN_PAGE (the configured kindling.1)
set -euo pipefail
kindling=$1 page=$2
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/help_tree.sh"

# Options named at the start of a .TP item, per section of the page: the
# OPTIONS section is "", each .SS is its command ("ritual add NAME" -> "ritual add").
awk '
  /^\.SH / {section = ($2 == "OPTIONS") ? "" : "-"; next}
  /^\.SS / {title = substr($0, 5); gsub(/"|\\f[IBRP]/, "", title); gsub(/\\-/, "-", title)
            sub(/ *[A-Z]*$/, "", title); section = title; next}
  /^\.TP/ {item = 1; next}
  item {item = 0; line = $0; gsub(/\\-/, "-", line)
        while (match(line, /(^|[^a-z0-9-])--?[a-z0-9][a-z0-9-]*/)) {
          option = substr(line, RSTART, RLENGTH); sub(/^[^-]/, "", option)
          if (section != "-") print section "\t" option
          line = substr(line, RSTART + RLENGTH)
        }}' "$page" | sort -u >"$scratch/man-options"
# The commands the page has a section for.
grep '^\.SS ' "$page" | sed 's/^\.SS //; s/"//g; s/\\f[IBRP]//g; s/\\-/-/g; s/ *[A-Z]*$//' |
  sort -u >"$scratch/man-sections"

# What --help says.
{
  options_of | awk '$0 != "--help"' | sed 's/^/\t/'
  echo -e "\t-h"
  echo -e "\t--help"
  leaf_commands | while read -r command; do
    # shellcheck disable=SC2086 # a path of words
    options_of $command | awk '$0 != "--help"' | sed "s/^/$command\t/"
  done
} | sort -u >"$scratch/help-options"
leaf_commands | sort -u >"$scratch/help-commands"

[ -s "$scratch/help-commands" ] || fail "kindling --help listed no command"
diff "$scratch/help-commands" "$scratch/man-sections" >"$scratch/diff" ||
  fail "the page's command sections differ from --help's commands (< --help only, > page only):
$(cat "$scratch/diff")"
diff "$scratch/help-options" "$scratch/man-options" >"$scratch/diff" ||
  fail "the page's options differ from --help's (< --help only, > page only; command, then option):
$(cat "$scratch/diff")"

# man reads it without a warning, and it shows the synopsis.
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man warns: $warnings"
shown=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null)
grep -q 'kindling - small daily rituals for two' <<<"$shown" ||
  fail "man -l does not show the page's name line"
echo "man page: $(wc -l <"$scratch/help-commands") commands and $(wc -l <"$scratch/help-options") options, as --help lists them"
