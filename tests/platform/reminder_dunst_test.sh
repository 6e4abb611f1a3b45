#!/usr/bin/env bash
# The evening reminder with a real notification server: dunst, under Xvfb
# (run inside xvfb-run and dbus-run-session with session-bus.conf). A couple
# who turned the reminder on and logged nothing sees one kind notification
# after the reminder time, none after logging, none during a pause, and a
# weekly one after three quiet days; with the window open the window sends it
# and the timer's check stays silent; with no server at all the window shows
# it as its banner and nothing crashes.
# Usage: reminder_dunst_test.sh KINDLING
# shellcheck source-path=SCRIPTDIR source=reminder_lib.sh
source "$(dirname "$0")/reminder_lib.sh"
need dunst dunstctl
if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "FAIL: run me under xvfb-run and dbus-run-session (see tests/platform/CMakeLists.txt)" >&2
    exit 1
fi

cat >"$work/dunstrc" <<'CONFIG'
[global]
    font = DejaVu Sans 11
    width = 420
    origin = top-right
    offset = 16x16
    format = "<b>%a</b>\n<b>%s</b>\n%b"
    history_length = 100
    show_age_threshold = -1
[urgency_normal]
    timeout = 0
CONFIG
dunst_pid=
window_pid=
stop_dunst() {
    if [ -n "$dunst_pid" ]; then
        kill "$dunst_pid" 2>/dev/null || true
        wait "$dunst_pid" 2>/dev/null || true
        dunst_pid=
    fi
}
stop_window() {
    if [ -n "$window_pid" ]; then
        kill "$window_pid" 2>/dev/null || true
        wait "$window_pid" 2>/dev/null || true
        window_pid=
    fi
}
trap 'stop_window; stop_dunst; cleanup' EXIT
dunst -config "$work/dunstrc" >"$work/dunst.log" 2>&1 &
dunst_pid=$!
if ! wait_for 10 dunstctl count displayed >/dev/null 2>&1; then
    echo "FAIL: dunst did not start:" >&2
    cat "$work/dunst.log" >&2
    exit 1
fi

shown() { dunstctl count history; }
on_screen() { [ "$(dunstctl count displayed)" -ge "$1" ]; } # on_screen AT-LEAST
newest() { dunstctl history | jq -r ".data[0][0].$1.data"; }
# deliver "YYYY-MM-DD HH:MM": the timer's check at that moment. A notification
# it shows stays on screen until it is closed here, as a person would.
deliver() {
    at "$1" reminder check >"$work/out" 2>&1 &
    local check=$! i
    for ((i = 0; i < 100; i++)); do
        if [ "$(dunstctl count displayed)" -ge 1 ] || ! kill -0 "$check" 2>/dev/null; then break; fi
        sleep 0.1
    done
    if [ "$(dunstctl count displayed)" -ge 1 ]; then dunstctl close; fi
    wait "$check"
}

k couple set --partner1 Zoë --partner2 Sam >/dev/null
k ritual add "Coffee together" >/dev/null
k reminder on --via systemd >/dev/null

deliver "2026-12-01 20:00"
expect "before the reminder time: none" equals "$(shown)" 0
deliver "2026-12-01 20:45"
expect "after the reminder time: one" equals "$(shown)" 1
expect "shown as Kindling's" equals "$(newest appname)" Kindling
expect "its kind line" equals "$(newest summary)" "$(sed -n 's/^Sent: //p' "$work/out")"
expect "with a body" test -n "$(newest body)"
deliver "2026-12-01 21:30"
expect "a second check that evening: none" equals "$(shown)" 1

k log "Coffee together" --date 2026-12-02 >/dev/null
deliver "2026-12-02 20:45"
expect "after logging: none" equals "$(shown)" 1

k pause --from 2026-12-03 --to 2026-12-03 --reason "a busy day" >/dev/null
deliver "2026-12-03 20:45"
expect "during a pause: none" equals "$(shown)" 1

for day in 04 05 06; do deliver "2026-12-$day 20:45"; done
expect "three quiet evenings: three hellos" equals "$(shown)" 4
for day in 07 08 09 10 11 12; do deliver "2026-12-$day 20:45"; done
expect "then it rests" equals "$(shown)" 4
deliver "2026-12-13 20:45"
expect "a week on: one weekly hello" equals "$(shown)" 5
case "$(newest summary)" in
"Just saying hello" | "A quiet hello" | "Hello again, you two") pass "the weekly hello's own words" ;;
*) fail "the weekly hello's own words: $(newest summary)" ;;
esac

# ---- The window open: it says hello itself, and the timer stays silent ---------------
k log "Coffee together" --date 2026-12-14 >/dev/null
KINDLING_TEST_NOW="2026-12-15 20:45" "$kindling" --data-dir "$data" >"$work/window.log" 2>&1 &
window_pid=$!
expect "the open window sends it" wait_for 20 on_screen 1
out=$(at "2026-12-15 20:50" reminder check)
expect "the timer's check stays silent" contains "$out" "window is open"
expect "one on screen, not two" equals "$(dunstctl count displayed)" 1
dunstctl close
expect "the window is still running" kill -0 "$window_pid"
stop_window

# ---- No notification server: the window's banner, and nothing crashes ------------------
stop_dunst
KINDLING_TEST_NOW="2026-12-16 20:45" "$kindling" --data-dir "$data" >"$work/window.log" 2>&1 &
window_pid=$!
expect "with no server the window shows it itself" \
    wait_for 20 grep -q "the evening reminder shows in the window instead" "$work/window.log"
expect "the window is still running" kill -0 "$window_pid"
stop_window
expect "the banner counted as today's hello" \
    equals "$(status_field "2026-12-16 21:00" .last_sent)" 2026-12-16
set +e
out=$(at "2026-12-17 20:45" reminder check 2>&1)
code=$?
set -e
expect "the CLI with no server: exit 0" equals "$code" 0
expect "the CLI with no server: says why" contains "$out" "no notification service answered"

k reminder off >/dev/null
finish
