#!/usr/bin/env bash
# bench/service_load.sh - does the REST service stay responsive while a job runs? (benchmark, not a test)
#
# For each jar, in interleaved rounds (before, after, before, after, ...) so that both see the same machine load:
# (ABBA order: round 1 before then after, round 2 after then before, ...)
#   1. starts `java -jar JAR serve` on a free port with the work folder as the only allowed root, waits for
#      /actuator/health;
#   2. releases 50 POST /extractors/best_frames_extractor at once on the idle service (fresh input folder holding a
#      two hard links of the video): exactly one must start the job (200), the rest get 409;
#   3. while that job runs (model load, decode, scoring), GETs / at 100 requests/s for 20 s and prints p50/p99/max
#      latency, measured from each request's scheduled time; says whether the job was still running at the end
#      (else how it ended);
#   4. cancels the job (DELETE /extractors/current) and stops the service.
# Then prints, per jar, the median over its rounds and the after/before ratios. Load client: bench/LoadClient.java
# (java's single-file launcher; no dependency).
#
# Usage: bench/service_load.sh [--rounds N]        (default 2 rounds per jar)
# Environment:
#   BEFORE_JAR   jar measured as "before" (default /tmp/pf-before-load/perfectframe.jar: main at dd06225)
#   AFTER_JAR    jar measured as "after"  (default target/perfectframe.jar)
#   MODELS_DIR   models folder with weights.h5 (default /tmp/exp/models when present, else synthetic weights);
#                it is copied with hard links, so the service's records are written in the copy
#   BENCH_LOAD_VIDEO   video to process (default the 60-s 1080p video cached by bench/service_memory.sh, else a
#                      generated 120-s 720p one)
#   BENCH_RATE / BENCH_SECONDS / BENCH_POSTS   (default 100 / 20 / 50)
# Previous figures (issue 12, before any of its fixes): p99 65 ms, exactly 1 of 50 POSTs started a job.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=2
while (($#)); do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    -h|--help) sed -n '2,/^set -e/{s/^# \{0,1\}//;/^set -e/d;p}' "$0"; exit 0 ;;
    *) echo "service_load.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
BEFORE_JAR=${BEFORE_JAR:-/tmp/pf-before-load/perfectframe.jar}
AFTER_JAR=${AFTER_JAR:-target/perfectframe.jar}
RATE=${BENCH_RATE:-100}
SECONDS_=${BENCH_SECONDS:-20}
POSTS=${BENCH_POSTS:-50}
CACHE=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}
for jar in "$BEFORE_JAR" "$AFTER_JAR"; do
  [[ -f $jar ]] || { echo "service_load.sh: jar not found: $jar (build it: ./mvnw -q -B package -DskipTests)" >&2; exit 2; }
done
for tool in curl ffmpeg java; do
  command -v $tool >/dev/null || { echo "service_load.sh: $tool missing" >&2; exit 2; }
done

mkdir -p "$CACHE"
WORK=$(mktemp -d "$CACHE/service-load.XXXXXX")
SERVICE_PID=""
stop_service() {
  [[ -n $SERVICE_PID ]] || return 0
  kill "$SERVICE_PID" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}
cleanup() {
  stop_service
  rm -rf "$WORK"
}
trap cleanup EXIT

video=${BENCH_LOAD_VIDEO:-$CACHE/1080p-plain-60s-n8-veryfast-crf23.mp4}
if [[ ! -f $video ]]; then
  video=$CACHE/720p-load-120s.mp4
  if [[ ! -f $video ]]; then
    echo "generating $video ..."
    ffmpeg -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30:duration=120 -c:v libx264 -preset ultrafast \
      -pix_fmt yuv420p "$video.part.mp4"
    mv "$video.part.mp4" "$video"
  fi
fi

models=${MODELS_DIR:-/tmp/exp/models}
if [[ -f $models/weights.h5 ]]; then
  cp -al "$models" "$WORK/models" 2>/dev/null || cp -r "$models" "$WORK/models"
  rm -f "$WORK/models/trusted-weights.sha256"
  models_note="$models (hard-linked copy)"
else
  mkdir -p "$WORK/models"
  java -jar "$AFTER_JAR" model synthesize --seed 1 -o "$WORK/models/weights.h5" >/dev/null
  models_note="synthetic weights (scores meaningless, timings real)"
fi
javac -d "$WORK/client" bench/LoadClient.java
client() { java -cp "$WORK/client" LoadClient "$@"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (other engineers build and test on it)"
echo "video: $video ($(du -m "$video" | cut -f1) MB); models: $models_note"
echo "before: $BEFORE_JAR; after: $AFTER_JAR; $RATE GET/s for $SECONDS_ s during a job; $POSTS simultaneous POSTs"
echo
printf '%-7s %5s %6s %8s %8s %8s %12s  %s\n' jar round load1 p50_ms p99_ms max_ms job_running POSTs
results=()
count() { local n; n=$(grep -o "$1=[0-9]*" <<<"$2" | cut -d= -f2 || true); echo "${n:-0}"; }
round_of() { # jar label round
  local jar=$1 label=$2 round=$3 port base in out started
  port=$(free_port); base="http://127.0.0.1:$port"
  in="$WORK/in-$label-$round"; out="$WORK/out-$label-$round"
  mkdir -p "$in"
  local copy  # the video twice, so that the job outlasts the measurement on a quiet machine too
  for copy in 1 2; do ln "$video" "$in/$copy-$(basename "$video")" 2>/dev/null || cp "$video" "$in/$copy-$(basename "$video")"; done
  java -jar "$jar" serve -p "$port" "--perfectframe.allowed-roots=$WORK" "--perfectframe.models-dir=$WORK/models" \
    > "$WORK/service-$label-$round.log" 2>&1 &
  SERVICE_PID=$!
  local t=0
  until curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q UP; do
    sleep 1; t=$((t + 1))
    ((t < 240)) || { tail -20 "$WORK/service-$label-$round.log"; echo "service did not start" >&2; exit 1; }
  done
  local posts
  posts=$(client posts "$base/extractors/best_frames_extractor" "$POSTS" \
    "{\"input_directory\": \"$in\", \"output_directory\": \"$out\"}")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local gets
  gets=$(client get "$base/" "$RATE" "$SECONDS_")
  local running
  running=$(curl -fsS "$base/" | field '"yes" if d.get("active_extractor") else "no:" + (d.get("last_job") or {}).get("state", "?")')
  curl -fsS -X DELETE "$base/extractors/current" >/dev/null 2>&1 || true
  stop_service
  local p50 p99 max
  p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$gets")
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$gets")
  max=$(sed -E 's/.*max_ms=([0-9.]+).*/\1/' <<<"$gets")
  printf '%-7s %5s %6s %8s %8s %8s %12s  %s  (%s)\n' "$label" "$round" "$load" "$p50" "$p99" "$max" "$running" "$posts" "$gets"
  results+=("$label $p50 $p99 $max $(count 200 "$posts") $(count 409 "$posts")")
}
for ((r = 1; r <= ROUNDS; r++)); do
  # ABBA: the order alternates, so that neither jar always runs right after the other's shutdown.
  if ((r % 2)); then
    round_of "$BEFORE_JAR" before "$r"
    round_of "$AFTER_JAR" after "$r"
  else
    round_of "$AFTER_JAR" after "$r"
    round_of "$BEFORE_JAR" before "$r"
  fi
done

echo
printf '%s\n' "${results[@]}" | python3 -c '
import sys, statistics
rows = [l.split() for l in sys.stdin if l.strip()]
def med(label, i): return statistics.median(float(r[i]) for r in rows if r[0] == label)
def posts(label): return ", ".join(f"{r[4] or 0} started / {r[5] or 0} got 409" for r in rows if r[0] == label)
print("%-24s%10s%10s%14s" % ("", "before", "after", "after/before"))
for name, i in (("GET / p50 ms (median)", 1), ("GET / p99 ms (median)", 2), ("GET / max ms (median)", 3)):
    b, a = med("before", i), med("after", i)
    print(f"{name:24}{b:10.1f}{a:10.1f}{a / b:14.2f}")
print("POSTs before: " + posts("before"))
print("POSTs after:  " + posts("after"))
ok = all(r[4] == "1" and r[5] == str(int(sys.argv[1]) - 1) for r in rows)
print("exactly one POST of each burst started a job, the rest 409:", "yes" if ok else "NO")
' "$POSTS"
