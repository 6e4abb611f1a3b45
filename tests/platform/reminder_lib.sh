# shellcheck shell=bash
# Helpers for the reminder's shell tests (source it with the kindling binary
# as $1). Everything lives in one temporary folder: the data, the
# configuration folder the timer files go to, HOME and XDG_RUNTIME_DIR (so no
# systemd user manager of the machine is ever asked), and it is removed at the end.

set -euo pipefail

kindling=$1
# shellcheck disable=SC2034 # used by the scripts that source this one
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/kindling-reminder-XXXXXX)
data=$work/data
export XDG_CONFIG_HOME=$work/config HOME=$work/home XDG_RUNTIME_DIR=$work/run TZ=UTC
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset KINDLING_DATA_DIR KINDLING_TEST_NOW
failures=0
fake_pid=

cleanup() {
    # The processes this test started, by their id.
    if [ -n "$fake_pid" ]; then kill "$fake_pid" 2>/dev/null || true; fi
    if [ -e "$data/reminder-watch.lock" ]; then
        local watcher
        watcher=$(tr -dc 0-9 <"$data/reminder-watch.lock" || true)
        if [ -n "$watcher" ] && ! flock -n "$data/reminder-watch.lock" true; then
            kill "$watcher" 2>/dev/null || true
        fi
    fi
    rm -rf "$work"
}
trap cleanup EXIT

need() { # need PROGRAM...: a test that cannot start what it needs fails
    local program
    for program in "$@"; do
        if ! command -v "$program" >/dev/null 2>&1; then
            echo "FAIL: $program is not installed (thirdparty/install-deps.sh installs it)" >&2
            exit 1
        fi
    done
}
need jq flock timeout

pass() { echo "ok - $*"; }
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
expect() { # expect DESCRIPTION COMMAND...: the command succeeds
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description"; fi
}
contains() { # contains TEXT PART
    case $1 in *"$2"*) return 0 ;; *) echo "    expected \"$2\" in: $1" >&2; return 1 ;; esac
}
equals() { # equals ACTUAL EXPECTED
    if [ "$1" = "$2" ]; then return 0; fi
    echo "    expected \"$2\", got \"$1\"" >&2
    return 1
}

k() { "$kindling" --data-dir "$data" "$@"; }
at() { # at "YYYY-MM-DD HH:MM" ARGS...: kindling with its clock there
    local when=$1
    shift
    KINDLING_TEST_NOW="$when" "$kindling" --data-dir "$data" "$@"
}
status_field() { # status_field "YYYY-MM-DD HH:MM" JQ-FILTER
    at "$1" reminder status --json | jq -r "$2"
}

wait_for() { # wait_for SECONDS COMMAND...: true once the command succeeds
    local seconds=$1 i
    shift
    for ((i = 0; i < seconds * 10; i++)); do
        if "$@"; then return 0; fi
        sleep 0.1
    done
    return 1
}

watcher_runs() { # (flock would create the file, so first: is it there)
    [ -e "$data/reminder-watch.lock" ] && ! flock -n "$data/reminder-watch.lock" true 2>/dev/null
}
watcher_gone() { ! watcher_runs; }

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    echo "all checks passed"
}
