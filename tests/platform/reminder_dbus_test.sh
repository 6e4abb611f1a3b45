#!/usr/bin/env bash
# The evening reminder over a real D-Bus session (run inside dbus-run-session
# with session-bus.conf, where nothing starts by activation), with the small
# fake notification server fake_notifications.py: what `kindling reminder
# check` sends, when it sends nothing, its buttons, the back-off, no server at
# all, the timer units and autostart entry it writes, and what off removes.
# Usage: reminder_dbus_test.sh KINDLING
# shellcheck source-path=SCRIPTDIR source=reminder_lib.sh
source "$(dirname "$0")/reminder_lib.sh"
need /usr/bin/python3 systemd-analyze desktop-file-validate
unset DISPLAY WAYLAND_DISPLAY # "Open Kindling" must not open a window on the tester's screen
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    echo "FAIL: run me inside dbus-run-session (see tests/platform/CMakeLists.txt)" >&2
    exit 1
fi

log=$work/notify.log
answer=$work/answer
start_fake() { # start_fake [CAPABILITIES]
    rm -f "$work/ready"
    /usr/bin/python3 "$here/fake_notifications.py" --log "$log" --ready "$work/ready" \
        --answer-file "$answer" --capabilities "${1:-actions,body}" &
    fake_pid=$!
    if ! wait_for 10 test -e "$work/ready"; then
        echo "FAIL: the fake notification server did not start" >&2
        exit 1
    fi
}
stop_fake() {
    kill "$fake_pid"
    wait "$fake_pid" || true
    fake_pid=
}
sent() { if [ -e "$log" ]; then wc -l <"$log"; else echo 0; fi; }
sent_is() { [ "$(sent)" -eq "$1" ]; }
last() { tail -n 1 "$log" | jq -r "$1"; }

k couple set --partner1 Zoë --partner2 Sam >/dev/null
k ritual add "A walk" >/dev/null

# ---- Bad input: a clear message, exit 2, nothing written ----------------------
set +e
out=$(k reminder on --at 25:00 2>&1)
code=$?
set -e
expect "--at 25:00 exits 2" equals "$code" 2
expect "--at 25:00 says why" contains "$out" '"25:00" is not a time written HH:MM'
set +e
out=$(k reminder on --at 23:30 2>&1)
code=$?
set -e
expect "a time in quiet hours exits 2" equals "$code" 2
expect "a time in quiet hours says why" contains "$out" "must come before the quiet hours"
expect "bad input leaves it off" equals "$(status_field "2026-12-01 12:00" .on)" false
expect "bad input writes no file" equals "$(find "$XDG_CONFIG_HOME" -type f 2>/dev/null | wc -l)" 0

# ---- On, with a systemd user timer: valid units ----------------------------------
out=$(k reminder on --at 20:30 --via systemd)
expect "on says when" contains "$out" "The evening reminder is on, at 20:30."
expect "on says the back-off" contains "$out" "says hello once a week"
units=$XDG_CONFIG_HOME/systemd/user
expect "systemd-analyze verify accepts the units" \
    systemd-analyze verify --user "$units/kindling-reminder.timer" "$units/kindling-reminder.service"
expect "the timer is enabled" test -L "$units/timers.target.wants/kindling-reminder.timer"
expect "status says installed" equals "$(status_field "2026-12-01 12:00" .scheduler)" systemd

start_fake
echo close >"$answer"

# ---- Before its time: nothing ----------------------------------------------------
out=$(at "2026-12-01 20:00" reminder check)
expect "before 20:30 it waits" contains "$out" "It will say hello at 20:30"
expect "before 20:30 nothing is sent" equals "$(sent)" 0

# ---- --dry-run: what it would send, and nothing sent -------------------------------
dry=$(at "2026-12-01 20:45" reminder check --dry-run)
summary=$(sed -n 's/^Would send: //p' <<<"$dry")
body=$(sed -n '2s/^  //p' <<<"$dry")
expect "the dry run names a line" test -n "$summary"
expect "the dry run sends nothing" equals "$(sent)" 0

# ---- Due: exactly one notification, as expected -------------------------------------
out=$(at "2026-12-01 20:45" reminder check)
expect "the check says it sent" contains "$out" "Sent: $summary"
expect "exactly one notification" equals "$(sent)" 1
expect "app name" equals "$(last .app_name)" Kindling
expect "app icon" equals "$(last .app_icon)" app.kindling.Kindling
expect "desktop entry" equals "$(last '.hints["desktop-entry"]')" app.kindling.Kindling
expect "summary" equals "$(last .summary)" "$summary"
expect "body" equals "$(last .body)" "$body"
expect "actions" equals "$(last '.actions | join("|")')" "open|Open Kindling|not-tonight|Not tonight"
expect "status keeps the day" equals "$(status_field "2026-12-01 21:00" .last_sent)" 2026-12-01

# ---- A second check the same day: none --------------------------------------------
out=$(at "2026-12-01 21:30" reminder check)
expect "the second check says why not" contains "$out" "already said hello today"
expect "the second check sends none" equals "$(sent)" 1

# ---- Something logged today: none ------------------------------------------------
k log "A walk" --date 2026-12-02 >/dev/null
out=$(at "2026-12-02 20:45" reminder check)
expect "logged today: says why not" contains "$out" "already marked today"
expect "logged today: none" equals "$(sent)" 1

# ---- A pause: none ----------------------------------------------------------------
k pause --from 2026-12-03 --to 2026-12-03 --reason travel >/dev/null
out=$(at "2026-12-03 20:45" reminder check)
expect "paused: says why not" contains "$out" "A pause covers today"
expect "paused: none" equals "$(sent)" 1

# ---- "Not tonight" silences it ---------------------------------------------------------
echo action:not-tonight >"$answer"
out=$(at "2026-12-04 20:45" reminder check)
expect "not tonight: sent first" equals "$(sent)" 2
expect "not tonight: heard" contains "$out" "Not tonight, then."
expect "not tonight: kept" equals "$(status_field "2026-12-04 21:00" .not_tonight)" 2026-12-04
expect "not tonight: the reason" equals "$(status_field "2026-12-04 21:00" .next.reason)" not_tonight
at "2026-12-04 21:30" reminder check >/dev/null
expect "not tonight: nothing more" equals "$(sent)" 2
expect "not tonight logs nothing" equals "$(k stats --json | jq '[.rituals[].total_logs] | add')" 1

# ---- A server without buttons: none offered, and no waiting ----------------------------
stop_fake
start_fake body
echo keep >"$answer"
started=$SECONDS
out=$(timeout 30 env KINDLING_TEST_NOW="2026-12-05 20:45" "$kindling" --data-dir "$data" reminder check)
expect "no buttons: sent" equals "$(sent)" 3
expect "no buttons: none offered" equals "$(last '.actions | length')" 0
expect "no buttons: it does not wait" test $((SECONDS - started)) -lt 10

# ---- "Open Kindling" ----------------------------------------------------------------------
stop_fake
start_fake
echo action:open >"$answer"
out=$(at "2026-12-06 20:45" reminder check)
expect "open: sent" equals "$(sent)" 4
expect "open: starts the window" contains "$out" "Opening Kindling."
# It opens the data file, then finds no display here and ends: wait for that.
started_window() { # the kindling "Open Kindling" started on this data runs
    local f
    for f in /proc/[0-9]*/cmdline; do
        if tr '\0' ' ' <"$f" 2>/dev/null | grep -qF -- "$data --screen today"; then return 0; fi
    done
    return 1
}
no_started_window() { ! started_window; }
wait_for 5 started_window || true # (it may have come and gone already)
expect "open: the window it started ends here" wait_for 10 no_started_window

# ---- Quieter when ignored: after three quiet hellos, once a week --------------------------
echo close >"$answer"
out=$(at "2026-12-07 20:45" reminder check)
expect "resting: says so" contains "$out" "once a week for now"
expect "resting: none" equals "$(sent)" 4
expect "resting: until" equals "$(status_field "2026-12-07 21:00" .next.resting_until)" 2026-12-13
for day in 08 09 10 11 12; do at "2026-12-$day 20:45" reminder check >/dev/null; done
expect "resting all week" equals "$(sent)" 4
at "2026-12-13 20:45" reminder check >/dev/null
expect "the weekly hello" equals "$(sent)" 5
expect "the weekly hello is marked weekly" equals "$(status_field "2026-12-13 21:00" .weekly)" true
k log "A walk" --date 2026-12-14 >/dev/null
at "2026-12-15 20:45" reminder check >/dev/null
expect "the first log brings it back to daily" equals "$(sent)" 6
expect "daily again" equals "$(status_field "2026-12-15 21:00" .weekly)" false

# ---- The window open: the timer's check stays silent ------------------------------------
out=$(flock "$data/kindling.sqlite3.lock" env KINDLING_TEST_NOW="2026-12-16 20:45" \
    "$kindling" --data-dir "$data" reminder check)
expect "window open: says why" contains "$out" "window is open"
expect "window open: none" equals "$(sent)" 6

# ---- No notification server: exit 0 with a message, nothing counted -----------------------
stop_fake
set +e
out=$(at "2026-12-16 20:45" reminder check 2>&1)
code=$?
set -e
expect "no server: exit 0" equals "$code" 0
expect "no server: says why" contains "$out" "no notification service answered"
expect "no server: not counted" equals "$(status_field "2026-12-16 21:00" .last_sent)" 2026-12-15
set +e
out=$(DBUS_SESSION_BUS_ADDRESS=unix:path=$work/no-bus at "2026-12-16 20:45" reminder check 2>&1)
code=$?
set -e
expect "no bus: exit 0" equals "$code" 0
expect "no bus: says why" contains "$out" "Nothing was sent:"

# ---- The autostart entry: valid, its watcher sends, off leaves nothing ----------------------
start_fake
echo close >"$answer"
out=$(at "2026-12-17 20:45" reminder on --via autostart)
entry=$XDG_CONFIG_HOME/autostart/app.kindling.Kindling-reminder.desktop
expect "on via autostart says so" contains "$out" "an autostart entry"
expect "desktop-file-validate accepts the entry" desktop-file-validate "$entry"
expect "the systemd units are gone" test ! -e "$units/kindling-reminder.timer"
expect "the watcher runs" wait_for 10 watcher_runs
expect "the watcher sends when due" wait_for 10 sent_is 7
out=$(k reminder off)
expect "off says so" contains "$out" "The evening reminder is off."
expect "off names what it removed" contains "$out" "app.kindling.Kindling-reminder.desktop"
expect "off stops the watcher" wait_for 10 watcher_gone
expect "and removes its lock file" test ! -e "$data/reminder-watch.lock"
expect "off leaves no file behind" equals "$(find "$XDG_CONFIG_HOME" -type f -o -type l | wc -l)" 0
expect "off removes the folders it made" test ! -e "$XDG_CONFIG_HOME/systemd" -a ! -e "$XDG_CONFIG_HOME/autostart"
expect "off: status" equals "$(status_field "2026-12-18 21:00" .installed)" false
at "2026-12-18 20:45" reminder check >/dev/null
expect "off: nothing more is sent" equals "$(sent)" 7

finish
