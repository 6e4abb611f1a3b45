# shellcheck shell=bash
# Helpers for commands run by syncthing_pair.sh (source "$PAIR_LIB").
# Each takes the side, a or b.

pair_side_var() { # pair_side_var SIDE NAME -> the value of PAIR_<SIDE>_<NAME>
    local name="PAIR_${1^^}_$2"
    printf '%s' "${!name}"
}

pair_api() { # pair_api SIDE METHOD PATH: the REST API of that side's Syncthing
    curl -fsS --max-time 10 -X "$2" -H "X-API-Key: $(pair_side_var "$1" KEY)" \
        "$(pair_side_var "$1" API)$3"
}

pair_other_id() { # the Syncthing device id of the other side
    if [ "$1" = a ]; then printf '%s' "$PAIR_B_ID"; else printf '%s' "$PAIR_A_ID"; fi
}

pair_scan() { pair_api "$1" POST "/rest/db/scan?folder=$PAIR_FOLDER_ID" >/dev/null; }
pair_pause() { pair_api "$1" POST "/rest/system/pause?device=$(pair_other_id "$1")" >/dev/null; }
pair_resume() { pair_api "$1" POST "/rest/system/resume?device=$(pair_other_id "$1")" >/dev/null; }

pair_connected() { # pair_connected SIDE: true when the other side is connected
    pair_api "$1" GET /rest/system/connections |
        jq -e --arg id "$(pair_other_id "$1")" '.connections[$id].connected == true' >/dev/null
}

pair_idle() { # pair_idle SIDE: true when its folder is idle with nothing to pull
    pair_api "$1" GET "/rest/db/status?folder=$PAIR_FOLDER_ID" |
        jq -e '.state == "idle" and .needTotalItems == 0' >/dev/null
}

pair_wait() { # pair_wait SECONDS WHAT COMMAND...: fails after SECONDS
    local seconds=$1 what=$2
    shift 2
    local deadline=$(($(date +%s) + seconds))
    until "$@"; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "pair: gave up after ${seconds}s waiting for $what" >&2
            return 1
        fi
        sleep 0.1
    done
}
