#!/usr/bin/env bash
# Run by syncthing_pair.sh: the sealed folder through a real Syncthing pair.
#
#   pair_folder_test.sh SYNC_PROBE
#
# 1. The first computer (side A) makes a couple and writes a segment; the
#    second (side B) joins with the code once the files arrive and opens the
#    segment, within 60 s. A wrong code and a typo are refused there.
# 2. B writes, A opens it.
# 3. A 24 MiB segment: while Syncthing delivers it, B's reader never sees a
#    problem (the partial download is ignored), then opens it whole.
# 4. A conflict: with the two paused, both sides write segment 1 of one device
#    id (a data file copied to two computers); after resuming, Syncthing keeps
#    one and makes a .sync-conflict- copy of the other; both payloads are read
#    on both sides.
set -euo pipefail
# shellcheck source=tests/sync/pair_lib.sh
source "$PAIR_LIB"
probe=$1
[ -x "$probe" ] || { echo "pair test: no sync_probe at '$probe'" >&2; exit 1; }

fail() {
    echo "pair test: FAILED: $*" >&2
    exit 1
}
step_ns=0
step() {
    step_ns=$(date +%s%N)
    echo "pair test: $*" >&2
}
took() { # seconds since the step began, to a hundredth
    local ms=$((($(date +%s%N) - step_ns) / 1000000))
    printf "%d.%02d s" $((ms / 1000)) $((ms % 1000 / 10))
}

read_side() { # read_side SIDE SELF-DEVICE: what that side's reader sees
    "$probe" read "$(pair_side_var "$1" FOLDER)" "$couple" "$key" "$2"
}
sees() { # sees SIDE SELF LINE: the reader on SIDE prints LINE exactly
    read_side "$1" "$2" 2>/dev/null | grep -qxF "$3"
}

step "1. the first computer makes the couple and writes a segment"
couple='' code='' key='' device=''
eval "$("$probe" create "$PAIR_A_FOLDER")"
first=$device
if [ -z "$couple" ] || [ -z "$code" ] || [ -z "$key" ] || [ -z "$first" ]; then
    fail "create printed no couple"
fi
n=$("$probe" write "$PAIR_A_FOLDER" "$couple" "$key" "$first" "hello from the first computer")
[ "$n" = 1 ] || fail "the first segment is number '$n'"

joined() { "$probe" join "$PAIR_B_FOLDER" "$code" >"$PAIR_WORK/join.txt" 2>"$PAIR_WORK/join.err"; }
pair_wait 60 "the couple to arrive on the second computer" joined || {
    cat "$PAIR_WORK/join.err" >&2
    fail "the second computer could not join"
}
grep -qxF "couple=$couple" "$PAIR_WORK/join.txt" || fail "joined another couple: $(cat "$PAIR_WORK/join.txt")"
grep -qxF "key=$key" "$PAIR_WORK/join.txt" || fail "the code gave another key"
second=$("$probe" new-device)
pair_wait 60 "the first segment to open on the second computer" \
    sees b "$second" "file $first segment 1 original hello from the first computer" ||
    fail "B sees: $(read_side b "$second" 2>&1)"
echo "pair test: joined, and the segment opened on B after $(took)" >&2

# A code of nobody's and a typo are refused on B, each for what it is.
other_code=$("$probe" create "$PAIR_WORK" | sed -n 's/^code=//p')
typo="${code:0:3}$([ "${code:3:1}" = A ] && echo B || echo A)${code:4}"
refused_as() { # refused_as KIND CODE: join exits 2 naming that kind of problem
    local status=0
    "$probe" join "$PAIR_B_FOLDER" "$2" >/dev/null 2>"$PAIR_WORK/refused.err" || status=$?
    [ "$status" = 2 ] && grep -q "^$1:" "$PAIR_WORK/refused.err"
}
refused_as wrong-code "$other_code" || fail "another couple's code: $(cat "$PAIR_WORK/refused.err")"
refused_as code-mistyped "$typo" || fail "a typo: $(cat "$PAIR_WORK/refused.err")"
refused_as code-mistyped "${code:0:28}" || fail "a short code: $(cat "$PAIR_WORK/refused.err")"

step "2. the second computer writes; the first opens it"
n=$("$probe" write "$PAIR_B_FOLDER" "$couple" "$key" "$second" "and hello back")
[ "$n" = 1 ] || fail "B's first segment is number '$n'"
pair_wait 60 "B's segment to open on A" \
    sees a "$first" "file $second segment 1 original and hello back" ||
    fail "A sees: $(read_side a "$first" 2>&1)"
echo "pair test: B's segment opened on A after $(took)" >&2

step "3. a 24 MiB segment while B keeps reading"
size=$((24 * 1024 * 1024))
n=$("$probe" write "$PAIR_A_FOLDER" "$couple" "$key" "$first" "bytes:$size")
[ "$n" = 2 ] || fail "the large segment is number '$n'"
polls=0
saw_partial=0
deadline=$(($(date +%s) + 60))
while :; do
    out=$(read_side b "$second") || fail "B's reader failed while the file arrived: $out"
    polls=$((polls + 1))
    if grep -q '^problem ' <<<"$out"; then
        fail "B's reader saw a problem while the file arrived: $(grep '^problem ' <<<"$out")"
    fi
    grep -q '^ignored partial-download \.syncthing\.' <<<"$out" && saw_partial=1
    grep -qxF "file $first segment 2 original bytes:$size" <<<"$out" && break
    [ "$(date +%s)" -lt "$deadline" ] || fail "the large segment did not arrive in 60 s"
    sleep 0.02
done
echo "pair test: it opened whole on B after $(took), $polls reads without a problem" \
    "(Syncthing's partial download seen and ignored: $([ $saw_partial = 1 ] && echo yes || echo no))" >&2

step "4. a conflict: both sides write segment 1 of one device while paused"
twin=$("$probe" new-device)
both_idle() { pair_idle a && pair_idle b; }
both_disconnected() { ! pair_connected a && ! pair_connected b; }
pair_wait 30 "both sides to be idle" both_idle || fail "the pair did not settle"
pair_pause a
pair_pause b
pair_wait 30 "the pair to disconnect" both_disconnected || fail "pausing did not disconnect the pair"
n=$("$probe" write "$PAIR_A_FOLDER" "$couple" "$key" "$twin" "the twin on A")
[ "$n" = 1 ] || fail "A's twin segment is number '$n'"
pair_scan a
sleep 1 # a later modification time on B: B's version keeps the name
n=$("$probe" write "$PAIR_B_FOLDER" "$couple" "$key" "$twin" "the twin on B")
[ "$n" = 1 ] || fail "B's twin segment is number '$n'"
pair_scan b
pair_resume a
pair_resume b
conflict_on() { # conflict_on SIDE: a Syncthing conflict copy of the twin's segment 1
    compgen -G "$(pair_side_var "$1" FOLDER)/$couple/$twin/0000000001.sync-conflict-*.kseg" >/dev/null
}
both_conflicted() { conflict_on a && conflict_on b; }
pair_wait 60 "a conflict copy on both sides" both_conflicted ||
    fail "Syncthing made no conflict copy: A has $(ls "$PAIR_A_FOLDER/$couple/$twin"), B has $(ls "$PAIR_B_FOLDER/$couple/$twin")"
echo "pair test: Syncthing made $(basename "$(compgen -G "$PAIR_B_FOLDER/$couple/$twin/*.sync-conflict-*")")" \
    "after $(took)" >&2
reads_both_twins() { # reads_both_twins SIDE SELF
    local out
    out=$(read_side "$1" "$2") || return 1
    grep -qxF "file $twin segment 1 original the twin on B" <<<"$out" &&
        grep -qxF "file $twin segment 1 conflict the twin on A" <<<"$out"
}
pair_wait 30 "both twins to be read on A" reads_both_twins a "$first" ||
    fail "A did not read both twins: $(read_side a "$first" 2>&1)"
pair_wait 30 "both twins to be read on B" reads_both_twins b "$second" ||
    fail "B did not read both twins: $(read_side b "$second" 2>&1)"
echo "pair test: both versions read as input on both sides after $(took)" >&2
echo "pair test: passed" >&2
