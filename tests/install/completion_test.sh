#!/usr/bin/env bash
# The bash completion offers, at every level, exactly the commands and the
# options kindling --help lists there, and values for the options that take
# one of a few.
# Usage: completion_test.sh KINDLING COMPLETION_FILE
set -euo pipefail
kindling=$1 completion=$2
. "$(dirname "$0")/common.sh"
. "$(dirname "$0")/help_tree.sh"
# shellcheck disable=SC1090
. "$completion"

# What completing the last of these words offers, sorted, one a line.
offers() {
  COMP_WORDS=(kindling "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _kindling
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}

expect() {
  local what=$1 wanted=$2 got=$3
  [ "$wanted" = "$got" ] || fail "$what: offered
$got
where --help lists
$wanted"
}

cd "$scratch" # empty: where a file name may come, none is offered
checked=0
paths=("")
for top in $(commands_of); do
  paths+=("$top")
  for sub in $(commands_of "$top"); do paths+=("$top $sub"); done
done
for path in "${paths[@]}"; do
  # shellcheck disable=SC2086 # a path of words
  expect "options of 'kindling $path'" "$(options_of $path | sort)" "$(offers $path --)"
  # shellcheck disable=SC2086
  expect "commands under 'kindling $path'" "$(commands_of $path | sort)" "$(offers $path '')"
  checked=$((checked + 1))
done
[ "$checked" -gt 10 ] || fail "only $checked commands were checked"

# Option values before a command do not hide it; options that take one of a
# few values offer them.
expect "after --data-dir DIR" "$(commands_of ritual | sort)" "$(offers --data-dir /tmp ritual '')"
expect "--theme" "$(printf 'dark\nlight')" "$(offers --theme '')"
expect "--mode" "$(printf 'each\ntogether')" "$(offers ritual add Walk --mode '')"
expect "--format" "$(printf 'csv\njson')" "$(offers export out.json --format '')"
expect "--screen" "$(printf 'dashboard\n')" "$(offers --screen da)"
expect "a ritual's name" "" "$(offers log --date 2026-12-02 --note '')"
touch "$scratch/kindling-export.json"
expect "export's FILE" "kindling-export.json" "$(offers export kindling-)"
echo "completion: ${#paths[@]} commands, their options and values, as --help lists them"
