#!/usr/bin/env bash
# The app itself, measured from outside (README "Performance"): how long from
# starting the process to its first frame on screen, how much CPU an open,
# untouched window uses, how much memory it holds, and how long the `log`
# command takes. Runs under its own Xvfb server; needs the packages of
# thirdparty/install-deps.sh.
#
#   tests/bench/app_bench.sh [KINDLING_BINARY]     (default: build/bench/src/kindling,
#                                                   built by tests/bench/run.sh)
# RUNS=5 first-frame runs per size; IDLE_SECONDS=30.
set -euo pipefail
cd "$(dirname "$0")/../.."

kindling=$(realpath "${1:-build/bench/src/kindling}")
runs=${RUNS:-5}
idle_seconds=${IDLE_SECONDS:-30}
[ -x "$kindling" ] || { echo "app_bench: no binary at $kindling (run tests/bench/run.sh first)" >&2; exit 1; }

work=$(mktemp -d /tmp/kindling-app-bench.XXXXXX)
display=":$((100 + RANDOM % 800))"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display XDG_CONFIG_HOME=$work/config
sleep 1

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The data: an empty file with the couple's names (so both open on Today),
# and the demo's histories. Each is opened once first, so the day's automatic
# backup is not part of what is measured.
for years in 0 1 10 30; do
  dir=$work/data-$years
  if [ "$years" -eq 0 ]; then
    "$kindling" --data-dir "$dir" couple set --partner1 Alex --partner2 Sam >/dev/null
  else
    "$kindling" --data-dir "$dir" demo --years "$years" >/dev/null
  fi
  "$kindling" --data-dir "$dir" stats >/dev/null
done

echo "== open to first frame (hidden window, --screenshot), median of $runs runs"
# The runs go round every size and screen in turn, so a slow moment of the
# machine falls on all of them alike.
declare -A walls cpus
for _ in $(seq "$runs"); do
  for years in 0 1 10 30; do
    for screen in today dashboard; do
      start=$(date +%s.%N)
      report=$("$kindling" --data-dir "$work/data-$years" --screen "$screen" \
        --screenshot "$work/shot.png" --report-first-frame 2>&1 >/dev/null | grep 'first frame')
      walls[$years-$screen]+="$(echo "$report" | awk -v s="$start" '{ print ($5 - s) * 1000 }') "
      cpus[$years-$screen]+="$(echo "$report" | awk '{ print $8 }') "
    done
  done
done
printf '%-8s %-10s %12s %12s\n' years screen "wall ms" "cpu ms"
for years in 0 1 10 30; do
  for screen in today dashboard; do
    printf '%-8s %-10s %12.0f %12.0f\n' "$years" "$screen" \
      "$(printf '%s\n' ${walls[$years-$screen]} | median)" \
      "$(printf '%s\n' ${cpus[$years-$screen]} | median)"
  done
done

# An open window (shown, as a couple has it) on the Dashboard: CPU over
# $idle_seconds once it has settled, then its memory.
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
echo
echo "== an open, untouched window on the Dashboard"
printf '%-8s %16s %14s %14s\n' years "idle CPU" "peak RSS MB" "own RSS MB"
for years in 0 10; do
  "$kindling" --data-dir "$work/data-$years" --screen dashboard >/dev/null 2>&1 &
  app=$!
  sleep 4
  before=$(cpu_ticks "$app")
  sleep "$idle_seconds"
  after=$(cpu_ticks "$app")
  hwm=$(awk '/VmHWM/ { print $2 / 1024 }' "/proc/$app/status")
  anon=$(awk '/RssAnon/ { print $2 / 1024 }' "/proc/$app/status")
  kill "$app"
  wait "$app" 2>/dev/null || true
  percent=$(awk -v t=$((after - before)) -v hz="$ticks" -v s="$idle_seconds" \
    'BEGIN { printf "%.2f", 100 * t / hz / s }')
  printf '%-8s %16s %14.0f %14.0f\n' "$years" "$((after - before)) ticks, $percent %" "$hwm" "$anon"
done

echo
echo "== kindling log, the whole command (start, open, write on disk, exit), median of $runs runs"
for years in 10 30; do
  times=()
  for i in $(seq "$runs"); do
    start=$(date +%s%N)
    "$kindling" --data-dir "$work/data-$years" log "Morning coffee together" \
      --date "$(printf "2000-01-%02d" "$i")" >/dev/null
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
  done
  echo "$years years: $(printf '%s\n' "${times[@]}" | median) ms"
done
