#!/usr/bin/env bash
# bench/gallery_manifest.sh - the gallery on a huge manifest: time and memory (benchmark, not a test)
#
# Writes once (cached) an output folder whose manifest.csv lists ROWS pictures (default 1,000,001; the files
# themselves do not exist, so every row counts as missing), starts `java -jar JAR serve` on a free port, and measures
# with curl, reading the service's VmRSS from /proc/PID/status:
#   GET /gallery (first, then again), GET /gallery/picture, four GET /gallery at once, 100 GET /gallery/thumbnail.
#
# Usage: bench/gallery_manifest.sh [--rows N] [--port P]
# Environment:
#   PERFECTFRAME_JAR          jar to run            (default target/perfectframe.jar)
#   PERFECTFRAME_BENCH_CACHE  cache folder          (default ~/.cache/perfectframe-bench)
#   BENCH_STEP_TIMEOUT        seconds one curl may take (default 600)
set -euo pipefail

rows=1000001
port=18110
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "gallery_manifest.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
jar=${PERFECTFRAME_JAR:-target/perfectframe.jar}
[ -f "$jar" ] || { echo "gallery_manifest.sh: no $jar (build it first)" >&2; exit 2; }
cache=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}/gallery-$rows
step_timeout=${BENCH_STEP_TIMEOUT:-600}
if [ ! -f "$cache/out/manifest.csv" ]; then
  mkdir -p "$cache/out"
  awk -v n="$rows" 'BEGIN { srand(1); print "file,source,timestamp,frame_number,score,model";
    for (i = 0; i < n; i++) { s = i % 86400;
      printf "clip%03d_%02d-%02d-%02d.000_%d.jpg,clip%03d.mp4,%02d-%02d-%02d.000,%d,%.4f,synthetic\n",
        i % 1000, s / 3600, s / 60 % 60, s % 60, i, i % 1000, s / 3600, s / 60 % 60, s % 60, i * 25, 1 + 9 * rand() } }' \
    > "$cache/out/manifest.csv.part"
  mv "$cache/out/manifest.csv.part" "$cache/out/manifest.csv"
fi
echo "manifest: $(wc -l < "$cache/out/manifest.csv") lines, $(du -h "$cache/out/manifest.csv" | cut -f1)"

log=$(mktemp)
java -jar "$jar" serve -p "$port" --perfectframe.allowed-roots="$cache" --perfectframe.output-directory="$cache/out" \
  > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 180); do curl -sf "localhost:$port/actuator/health" > /dev/null && break; sleep 1; done
curl -sf "localhost:$port/actuator/health" > /dev/null || { echo "the service did not start; its log:" >&2; cat "$log" >&2; exit 1; }
jpid=$(pgrep -P "$pid" java || echo "$pid")   # the jar restarts itself once (MALLOC_ARENA_MAX)
rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$jpid/status"; }
seconds() { local start=$1; echo "$(date +%s.%N) - $start" | bc | xargs printf '%.2f s'; }
gallery="localhost:$port/gallery?folder=$cache/out&order=score"
echo "started: RSS $(rss)"
for n in 1 2; do
  start=$(date +%s.%N)
  code=$(curl -s -m "$step_timeout" -o /dev/null -w '%{http_code}' "$gallery" || echo timeout)
  echo "GET /gallery #$n: $code in $(seconds "$start"); RSS $(rss)"
done
start=$(date +%s.%N)
code=$(curl -s -m "$step_timeout" -o /dev/null -w '%{http_code}' "localhost:$port/gallery/picture?folder=$cache/out&file=clip000_00-00-00.000_0.jpg" || echo timeout)
echo "GET /gallery/picture: $code in $(seconds "$start")"
start=$(date +%s.%N); pids=""
for _ in 1 2 3 4; do curl -s -m "$step_timeout" -o /dev/null "$gallery" & pids="$pids $!"; done
wait $pids || true
echo "four GET /gallery at once: $(seconds "$start"); RSS $(rss)"
start=$(date +%s.%N)
for _ in $(seq 1 100); do
  curl -s -m "$step_timeout" -o /dev/null "localhost:$port/gallery/thumbnail?folder=$cache/out&file=clip000_00-00-00.000_0.jpg" || true
done
echo "100 GET /gallery/thumbnail: $(seconds "$start"); RSS $(rss)"
