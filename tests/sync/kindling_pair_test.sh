#!/usr/bin/env bash
# Two Kindling data folders, one on each side of a real Syncthing pair
# (run by syncthing_pair.sh): the first computer pairs, the second joins with
# the code, each logs, and within 60 s each shows the other's logs, with the
# same numbers on both.
#   kindling_pair_test.sh KINDLING
set -euo pipefail
# shellcheck source=tests/sync/pair_lib.sh
source "$PAIR_LIB"
kindling=$1
a="$PAIR_WORK/kindling-a" b="$PAIR_WORK/kindling-b"
fail() {
    echo "kindling_pair_test: $*" >&2
    exit 1
}
k() { # k SIDE ARGS...: kindling on that side's data folder
    local side=$1
    shift
    if [ "$side" = a ]; then "$kindling" --data-dir "$a" "$@"; else "$kindling" --data-dir "$b" "$@"; fi
}
today=$(date +%F)

k a couple set --partner1 Zoë --partner2 Sam >/dev/null
k a ritual add "Evening walk" >/dev/null
k a ritual add "Thank-you" --mode each >/dev/null
k a log "Evening walk" --date "$today" --note "by the river" >/dev/null
k a sync --folder "$PAIR_A_FOLDER" >/dev/null
code=$(k a sync code)
pair_scan a

# The second computer joins as soon as the couple's files have arrived.
started=$(date +%s)
joined() { k b sync --folder "$PAIR_B_FOLDER" --code "$code" >/dev/null 2>&1; }
pair_wait 60 "the couple to arrive on the second computer" joined
echo "kindling_pair_test: joined after $(($(date +%s) - started)) s"
[ "$(k b stats --json | jq -r '.couple.partners[0]')" = "Zoë" ] || fail "the couple did not arrive"

k b log "Thank-you" --date "$today" --by Sam >/dev/null
k a log "Thank-you" --date "$today" --by Zoë >/dev/null
k a sync >/dev/null
k b sync >/dev/null
pair_scan a
pair_scan b

logs() { k "$1" stats --json | jq '[.rituals[].total_logs] | add'; }
both_see_three() {
    k a sync >/dev/null 2>&1 && k b sync >/dev/null 2>&1 &&
        [ "$(logs a)" = 3 ] && [ "$(logs b)" = 3 ]
}
started=$(date +%s)
pair_wait 60 "each computer to show the other's logs" both_see_three
echo "kindling_pair_test: both showed all three logs after $(($(date +%s) - started)) s"
diff <(k a stats --json) <(k b stats --json) || fail "the two computers show different numbers"
# Nothing readable in either folder.
if grep -rl -e "Zoë" -e "Evening walk" -e "river" "$PAIR_A_FOLDER" "$PAIR_B_FOLDER"; then
    fail "a name or a note is readable in the shared folder"
fi
k a sync status --json | jq -e '.peers | length == 1' >/dev/null || fail "a does not know b"
echo "kindling_pair_test: ok"
