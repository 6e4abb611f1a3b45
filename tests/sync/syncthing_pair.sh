#!/usr/bin/env bash
# Two real Syncthing instances sharing one folder, for tests:
#
#   tests/sync/syncthing_pair.sh -- COMMAND [ARGS...]
#
# Inside private network, PID and mount namespaces (loopback only, so nothing
# can leave the machine whatever the configuration says) it starts two `syncthing serve`
# processes (Debian's syncthing 1.19) with their own homes on 127.0.0.1,
# configured before their first start with discovery, relays, NAT, upgrades,
# crash and usage reporting off; pairs them through the REST API; shares one
# folder with a 1 s watcher delay; waits until both are connected and idle;
# then runs COMMAND while both run, with these variables set:
#
#   PAIR_A_FOLDER, PAIR_B_FOLDER   the shared folder on each side
#   PAIR_A_API, PAIR_B_API         http://127.0.0.1:PORT of each REST API
#   PAIR_A_KEY, PAIR_B_KEY         their API keys (header X-API-Key)
#   PAIR_A_ID, PAIR_B_ID           their Syncthing device ids
#   PAIR_FOLDER_ID                 the shared folder's id
#   PAIR_WORK                      a scratch folder that is removed afterwards
#   PAIR_LIB                       tests/sync/pair_lib.sh, helpers to source
#
# Exits with COMMAND's status. Fails (never skips) when it cannot run: no
# syncthing, no namespace, an instance that does not start or connect. Its
# processes are stopped by their PIDs; the PID namespace is the safety net
# that takes them down should this script itself be killed.
# shellcheck disable=SC2317 # functions called from traps and wait_for
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fail() {
    echo "syncthing_pair: $*" >&2
    exit 1
}

if [ "${PAIR_INSIDE:-}" != 1 ]; then
    [ "${1:-}" = "--" ] || fail "usage: $0 -- COMMAND [ARGS...]"
    shift
    [ $# -gt 0 ] || fail "usage: $0 -- COMMAND [ARGS...]"
    for tool in syncthing curl jq unshare ip setpriv mount; do
        command -v "$tool" >/dev/null 2>&1 ||
            fail "'$tool' is not installed (thirdparty/install-deps.sh installs it)"
    done
    # Root gets the namespaces directly; anyone else through a user namespace.
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(--map-root-user)
    # unshare says why when it cannot make the namespaces, and fails.
    PAIR_INSIDE=1 exec unshare "${as_root[@]}" --net --pid --mount --mount-proc --fork --kill-child \
        -- bash "${BASH_SOURCE[0]}" -- "$@"
fi
shift # the "--"

ip link set lo up || fail "cannot bring up loopback in the private namespace"

work="$(mktemp -d "${TMPDIR:-/tmp}/kindling-syncthing-pair.XXXXXX")"
# A file system of the private mount namespace: whatever happens to this
# script, even SIGKILL, its files go with the namespace.
mount -t tmpfs -o size=1g,mode=0700 kindling-syncthing-pair "$work" ||
    fail "cannot mount a scratch file system in the private namespace"
pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ]; then
        for side in a b; do
            [ -f "$work/$side/syncthing.log" ] || continue
            echo "--- the last lines of syncthing $side's log:" >&2
            tail -n 25 "$work/$side/syncthing.log" >&2
        done
    fi
    umount "$work" 2>/dev/null || true
    rmdir "$work" 2>/dev/null || true
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

folder_id=kindling-pair
declare -A gui_port=([a]=18384 [b]=18385) sync_port=([a]=22001 [b]=22002)
declare -A device_id api_key

started_ns="$(date +%s%N)"
elapsed() { # seconds since the start, to a tenth
    local ms=$((($(date +%s%N) - started_ns) / 1000000))
    printf "%d.%d" $((ms / 1000)) $((ms % 1000 / 100))
}

# Syncthing's environment: no restarts, no upgrades, no default folder, one
# process (no monitor), and a home of its own.
run_syncthing() {
    local side=$1
    shift
    HOME="$work/$side" STNORESTART=1 STNOUPGRADE=1 STNODEFAULTFOLDER=1 STMONITORED=1 \
        syncthing "$@" --home="$work/$side/home"
}

for side in a b; do
    mkdir -p "$work/$side/home" "$work/$side/folder"
    run_syncthing "$side" generate --no-default-folder --skip-port-probing \
        >"$work/$side/generate.log" 2>&1 || fail "syncthing generate failed: $(cat "$work/$side/generate.log")"
    config="$work/$side/home/config.xml"
    [ -f "$config" ] || fail "syncthing generate wrote no config.xml"
    # Before the first start: everything that could reach beyond this machine off.
    sed -i \
        -e "s|<address>127.0.0.1:8384</address>|<address>127.0.0.1:${gui_port[$side]}</address>|" \
        -e "s|<listenAddress>default</listenAddress>|<listenAddress>tcp://127.0.0.1:${sync_port[$side]}</listenAddress>|" \
        -e "/<globalAnnounceServer>/d" \
        -e "s|<globalAnnounceEnabled>true<|<globalAnnounceEnabled>false<|" \
        -e "s|<localAnnounceEnabled>true<|<localAnnounceEnabled>false<|" \
        -e "s|<relaysEnabled>true<|<relaysEnabled>false<|" \
        -e "s|<natEnabled>true<|<natEnabled>false<|" \
        -e "s|<startBrowser>true<|<startBrowser>false<|" \
        -e "s|<crashReportingEnabled>true<|<crashReportingEnabled>false<|" \
        -e "s|<urAccepted>0<|<urAccepted>-1<|" \
        -e "s|<autoUpgradeIntervalH>12<|<autoUpgradeIntervalH>0<|" \
        -e "s|<reconnectionIntervalS>60<|<reconnectionIntervalS>1<|" \
        -e "s|<stunKeepaliveStartS>180<|<stunKeepaliveStartS>0<|" \
        "$config"
    for setting in "<globalAnnounceEnabled>false<" "<localAnnounceEnabled>false<" \
        "<relaysEnabled>false<" "<natEnabled>false<" "<startBrowser>false<" \
        "<crashReportingEnabled>false<" "<urAccepted>-1<" "<autoUpgradeIntervalH>0<" \
        "<reconnectionIntervalS>1<" "127.0.0.1:${gui_port[$side]}<" \
        "tcp://127.0.0.1:${sync_port[$side]}<"; do
        grep -qF "$setting" "$config" || fail "config.xml of $side did not take $setting"
    done
    ! grep -q "<globalAnnounceServer>" "$config" || fail "config.xml of $side still names an announce server"
    api_key[$side]="$(sed -n 's|.*<apikey>\(.*\)</apikey>.*|\1|p' "$config")"
    [ -n "${api_key[$side]}" ] || fail "no API key in $side's config.xml"
    device_id[$side]="$(run_syncthing "$side" serve --device-id 2>/dev/null)"
    [ -n "${device_id[$side]}" ] || fail "no device id for $side"
done

for side in a b; do
    # If this script dies, its instances die with it (and with the namespace).
    HOME="$work/$side" STNORESTART=1 STNOUPGRADE=1 STNODEFAULTFOLDER=1 STMONITORED=1 \
        setpriv --pdeathsig KILL -- \
        syncthing serve --home="$work/$side/home" --no-browser --no-restart \
        >"$work/$side/syncthing.log" 2>&1 &
    pids+=("$!")
done

api() { # api SIDE METHOD PATH [JSON]
    local side=$1 method=$2 path=$3
    local args=(-fsS --max-time 10 -X "$method" -H "X-API-Key: ${api_key[$side]}")
    [ $# -lt 4 ] || args+=(-H "Content-Type: application/json" --data "$4")
    curl "${args[@]}" "http://127.0.0.1:${gui_port[$side]}$path"
}

wait_for() { # wait_for SECONDS WHAT COMMAND...
    local seconds=$1 what=$2
    shift 2
    local deadline=$(($(date +%s) + seconds))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || fail "gave up after ${seconds}s waiting for $what"
        for pid in "${pids[@]}"; do
            kill -0 "$pid" 2>/dev/null || fail "a syncthing process ($pid) exited while waiting for $what"
        done
        sleep 0.1
    done
}

for side in a b; do
    wait_for 30 "syncthing $side's REST API" api "$side" GET /rest/system/ping
done

other() { [ "$1" = a ] && echo b || echo a; }
for side in a b; do
    peer="$(other "$side")"
    # The address goes in through the REST API: `cli ... devices add
    # --addresses` panics in 1.19.2.
    api "$side" POST /rest/config/devices "$(jq -n --arg id "${device_id[$peer]}" --arg name "$peer" \
        --arg address "tcp://127.0.0.1:${sync_port[$peer]}" \
        '{deviceID: $id, name: $name, addresses: [$address]}')" >/dev/null ||
        fail "syncthing $side did not take device $peer"
    api "$side" PATCH "/rest/config/devices/${device_id[$peer]}" \
        "$(jq -n --arg address "tcp://127.0.0.1:${sync_port[$peer]}" '{addresses: [$address]}')" \
        >/dev/null || fail "syncthing $side did not take $peer's address"
done
for side in a b; do
    api "$side" POST /rest/config/folders "$(jq -n --arg id "$folder_id" \
        --arg path "$work/$side/folder" --arg a "${device_id[a]}" --arg b "${device_id[b]}" \
        '{id: $id, label: "Kindling pair test", path: $path, type: "sendreceive",
          devices: [{deviceID: $a}, {deviceID: $b}],
          fsWatcherEnabled: true, fsWatcherDelayS: 1, rescanIntervalS: 3600}')" >/dev/null ||
        fail "syncthing $side did not take the folder"
done

connected() { # connected SIDE: the other side is connected
    api "$1" GET /rest/system/connections |
        jq -e --arg id "${device_id[$(other "$1")]}" '.connections[$id].connected == true'
}
folder_idle() {
    api "$1" GET "/rest/db/status?folder=$folder_id" | jq -e '.state == "idle"'
}
for side in a b; do
    wait_for 30 "syncthing $side to connect to the other" connected "$side"
done
for side in a b; do
    wait_for 30 "syncthing $side's folder to be idle" folder_idle "$side"
done
echo "syncthing_pair: both instances up, connected and idle after" \
    "$(elapsed) s" >&2

export PAIR_A_FOLDER="$work/a/folder" PAIR_B_FOLDER="$work/b/folder"
export PAIR_A_API="http://127.0.0.1:${gui_port[a]}" PAIR_B_API="http://127.0.0.1:${gui_port[b]}"
export PAIR_A_KEY="${api_key[a]}" PAIR_B_KEY="${api_key[b]}"
export PAIR_A_ID="${device_id[a]}" PAIR_B_ID="${device_id[b]}"
export PAIR_FOLDER_ID="$folder_id" PAIR_WORK="$work/scratch" PAIR_LIB="$here/pair_lib.sh"
mkdir -p "$PAIR_WORK"
unset PAIR_INSIDE # a command may start a pair of its own

set +e
"$@"
status=$?
set -e
echo "syncthing_pair: the command exited with $status after" \
    "$(elapsed) s in all" >&2
exit "$status"
