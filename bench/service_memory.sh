#!/usr/bin/env bash
# bench/service_memory.sh - does the long-running REST service grow? (benchmark, not a test)
#
# Generates once (cached) a 60-s 1080p 30 fps H.264 video (testsrc2 + temporal noise, x264 veryfast crf 23),
# starts `java -jar JAR serve` in the background on a free port, waits for /actuator/health, then runs N
# best-frames jobs in a row through the REST API, each on a fresh input folder holding a hard link of the video
# (the service renames processed videos) and a fresh output folder:
#   POST /extractors/best_frames_extractor {"input_directory": WORK/in-K, "output_directory": WORK/out-K}
#   poll GET / until active_extractor is null, check last_job.state is "succeeded"
# and, after each job, reads the service's VmRSS and VmHWM from /proc/PID/status (plus the Java heap from
# `jcmd PID GC.heap_info` when jcmd is available). Prints a line per job, the RSS growth between the end of job 1
# and the end of the last job, and how many times the log says the NIMA model was loaded.
#
# Target (MISS is reported, it does not fail the script):
#   RSS growth from the end of job 1 to the end of job N <= 50 MB
#
# Usage: bench/service_memory.sh [--jobs N] [--port P] [--keep] [-h|--help]
#   --jobs N   jobs to run in a row (default 5; growth needs at least 2)
#   --port P   HTTP port for the service (default 18100; must be free)
#   --keep     keep the work folder (service log, outputs)
#
# Environment:
#   PERFECTFRAME_JAR          jar to run            (default target/perfectframe.jar)
#   PERFECTFRAME_BENCH_CACHE  video cache folder    (default ~/.cache/perfectframe-bench)
#   MODELS_DIR                models folder         (default models; synthetic weights when weights.h5 is absent)
#   BENCH_JAVA_OPTS           extra JVM options for the service, e.g. "-Xmx1g" (default none)
#   JAVA                      java binary           (default java)
#   BENCH_SERVICE_SECONDS     video length, s       (default 60)
#   BENCH_NOISE / BENCH_PRESET / BENCH_CRF   x264 source settings (default 8 / veryfast / 23)
#   BENCH_START_TIMEOUT       seconds to wait for the service to answer /actuator/health (default 180)
#   BENCH_JOB_TIMEOUT         seconds to wait for one job (default 1800)
#
# Exit status: 0 when all jobs succeeded (whatever PASS/MISS), 1 when a job failed or the service did not
# start or died, 2 on a usage/setup error (missing tools or jar).

set -euo pipefail

die() { printf 'service_memory.sh: %s\n' "$*" >&2; exit 2; }
fail() { printf 'service_memory.sh: %s\n' "$*" >&2; exit 1; }
note() { printf '%s\n' "$*" >&2; }
usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
cd "$REPO_ROOT"

JAR=${PERFECTFRAME_JAR:-target/perfectframe.jar}
CACHE=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}
MODELS=${MODELS_DIR:-models}
JAVA=${JAVA:-java}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
VIDEO_SECONDS=${BENCH_SERVICE_SECONDS:-60}
NOISE=${BENCH_NOISE:-8}
PRESET=${BENCH_PRESET:-veryfast}
CRF=${BENCH_CRF:-23}
START_TIMEOUT=${BENCH_START_TIMEOUT:-180}
JOB_TIMEOUT=${BENCH_JOB_TIMEOUT:-1800}
JOBS=5
PORT=18100
KEEP=0
readonly TARGET_GROWTH_MB=50

while (($#)); do
  case $1 in
    --jobs) (($# >= 2)) || die "--jobs needs a value"; JOBS=$2; shift ;;
    --jobs=*) JOBS=${1#*=} ;;
    --port|-p) (($# >= 2)) || die "--port needs a value"; PORT=$2; shift ;;
    --port=*) PORT=${1#*=} ;;
    --keep) KEEP=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

is_uint() { [[ $1 =~ ^[0-9]+$ ]] && (($1 > 0)); }
is_uint "$JOBS" || die "--jobs must be a positive integer (got '$JOBS')"
{ is_uint "$PORT" && ((PORT < 65536)); } || die "--port must be a port number (got '$PORT')"
is_uint "$VIDEO_SECONDS" || die "BENCH_SERVICE_SECONDS must be a positive integer (got '$VIDEO_SECONDS')"
is_uint "$START_TIMEOUT" || die "BENCH_START_TIMEOUT must be a positive integer (got '$START_TIMEOUT')"
is_uint "$JOB_TIMEOUT" || die "BENCH_JOB_TIMEOUT must be a positive integer (got '$JOB_TIMEOUT')"
[[ $NOISE =~ ^[0-9]+$ ]] || die "BENCH_NOISE must be an integer (got '$NOISE')"
[[ $CRF =~ ^[0-9]+$ ]] || die "BENCH_CRF must be an integer (got '$CRF')"

# ---------------------------------------------------------- prerequisites
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (GNU time)")
command -v jq >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || missing+=("jq (or python3)")
if ((${#missing[@]})); then
  note "service_memory.sh: missing: ${missing[*]}"
  note "  install them with:  sudo apt-get install -y ffmpeg time curl jq   (Debian/Ubuntu)"
  exit 2
fi
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null || true)
[[ $encoders == *libx264* ]] || die "this ffmpeg has no libx264 encoder (needed to generate the video)"
if [[ ! -f $JAR ]]; then
  note "service_memory.sh: jar not found: $JAR"
  note "  build it first:   (cd '$REPO_ROOT' && ./mvnw -q -B package -DskipTests)"
  exit 2
fi
command -v "$JAVA" >/dev/null 2>&1 || die "java not found ('$JAVA'); install a JDK 17+ or set JAVA"
HAVE_JCMD=0
command -v jcmd >/dev/null 2>&1 && HAVE_JCMD=1

mkdir -p "$CACHE" || die "cannot create cache dir $CACHE"
CACHE=$(cd "$CACHE" && pwd)

# Work dir lives inside the cache dir so the inputs can be hard links.
WORK=$(mktemp -d "$CACHE/service-run.XXXXXX")
[[ $WORK != *[\"\\]* ]] || die "work folder path has a quote or backslash: $WORK"
SERVICE_PID=""
GEN_TMP=""
cleanup() {
  local rc=$?
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 20; i++)); do
      kill -0 "$SERVICE_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID" 2>/dev/null
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  [[ -n $GEN_TMP ]] && rm -f -- "$GEN_TMP"
  if ((KEEP)); then
    note "kept work dir: $WORK"
  else
    rm -rf -- "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------- generation
VIDEO="$CACHE/1080p-plain-${VIDEO_SECONDS}s-n$NOISE-$PRESET-crf$CRF.mp4"
if [[ -s $VIDEO ]]; then
  note "cached: $VIDEO"
else
  note "generating 1920x1080 30 fps ${VIDEO_SECONDS}s, preset $PRESET, crf $CRF, noise $NOISE ..."
  GEN_TMP="$CACHE/.tmp.service.$$.mp4"
  t0=$SECONDS
  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=1920x1080:rate=30" -vf "noise=alls=$NOISE:allf=t" -t "$VIDEO_SECONDS" \
    -c:v libx264 -preset "$PRESET" -crf "$CRF" -pix_fmt yuv420p -an "$GEN_TMP" || fail "ffmpeg failed generating the video"
  mv -f -- "$GEN_TMP" "$VIDEO"
  GEN_TMP=""
  note "  done in $((SECONDS - t0)) s: $VIDEO"
fi

# ----------------------------------------------------------------- models
if [[ ! -f $MODELS/weights.h5 ]]; then
  MODELS="$WORK/models"
  mkdir -p "$MODELS"
  echo "No ${MODELS_DIR:-models}/weights.h5: using synthetic weights (scores meaningless, memory and timings real)."
  { "$JAVA" -jar "$JAR" model synthesize --seed 1 -o "$MODELS/weights.h5" \
      && "$JAVA" -jar "$JAR" model convert --weights "$MODELS/weights.h5" --models_dir "$MODELS"; } \
    >"$WORK/model.log" 2>&1 || { tail -n 15 "$WORK/model.log" >&2; fail "making synthetic weights failed"; }
fi
MODELS=$(cd "$MODELS" && pwd)

# ---------------------------------------------------------------- helpers
# json_get JSON FILTER -> the value, empty when null or missing (FILTER is a jq path such as .last_job.state)
if command -v jq >/dev/null 2>&1; then
  json_get() { jq -r "$2 // empty" <<<"$1" 2>/dev/null || true; }
else
  json_get() {
    python3 -c '
import json, sys
v = json.loads(sys.argv[1])
for k in sys.argv[2].lstrip(".").split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$1" "$2" 2>/dev/null || true
  }
fi

BASE="http://127.0.0.1:$PORT"
LOG="$WORK/service.log"

service_alive() { kill -0 "$SERVICE_PID" 2>/dev/null; }
die_with_log() { # message
  note "service_memory.sh: $*"
  if [[ -f $LOG ]]; then
    note "  last lines of the service log:"
    tail -n 20 "$LOG" | sed 's/^/      | /' >&2
  fi
  exit 1
}
kb_of() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
# heap_info -> "usedMB totalMB" of the Java heap, or "- -"
heap_info() {
  ((HAVE_JCMD)) || { echo "- -"; return; }
  jcmd "$SERVICE_PID" GC.heap_info 2>/dev/null | awk '
    /heap/ && /total/ && /used/ {
      for (i = 1; i <= NF; i++) {
        if ($i == "total") t = $(i + 1)
        if ($i == "used") u = $(i + 1)
      }
      gsub(/[^0-9]/, "", t); gsub(/[^0-9]/, "", u)
      printf "%.0f %.0f\n", u / 1024, t / 1024; found = 1; exit
    }
    END { if (!found) print "- -" }'
}
model_loads() { grep -c 'NIMA model.*loaded on' "$LOG" 2>/dev/null || true; }
now() { date +%s.%N; }

# ---------------------------------------------------------------- service
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
read -r load1 _ </proc/loadavg
if awk -v l="$load1" -v n="$(nproc)" 'BEGIN { exit !(l > n * 0.5) }'; then
  echo "WARNING: load average $load1 on $(nproc) cores before starting; other work will skew the timings"
fi
echo "service: $JAVA ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR serve -p $PORT ($("$JAVA" -version 2>&1 | head -n 1))"
echo "video: $VIDEO ($(stat -c %s "$VIDEO" | awk '{ printf "%.0f MB", $1 / 1048576 }'))"
echo "models: $MODELS"
echo "jobs: $JOBS"

if curl -s -o /dev/null --max-time 2 "$BASE/"; then
  die "port $PORT already answers; pick another with --port"
fi

jopts=()
[[ -n $JAVA_OPTS ]] && read -r -a jopts <<<"$JAVA_OPTS"
"$JAVA" "${jopts[@]}" -jar "$JAR" serve -p "$PORT" \
  "--perfectframe.allowed-roots=$WORK" "--perfectframe.models-dir=$MODELS" \
  </dev/null >"$LOG" 2>&1 &
SERVICE_PID=$!

t0=$(now)
until curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  service_alive || die_with_log "the service exited during start-up"
  if awk -v a="$t0" -v b="$(now)" -v l="$START_TIMEOUT" 'BEGIN { exit !(b - a > l) }'; then
    die_with_log "the service did not answer $BASE/actuator/health within $START_TIMEOUT s"
  fi
  sleep 0.5
done
start_s=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
idle_rss=$(kb_of VmRSS)
idle_hwm=$(kb_of VmHWM)
echo "service up in $start_s s (pid $SERVICE_PID): RSS $(mb "$idle_rss") MB, HWM $(mb "$idle_hwm") MB, model loads so far $(model_loads)"

# ------------------------------------------------------------------- jobs
echo
printf '%5s %9s %8s %8s %10s %10s %12s  %s\n' job seconds RSS_MB HWM_MB heap_used heap_total model_loads summary
read -r hu ht <<<"$(heap_info)"
printf '%5s %9s %8s %8s %10s %10s %12s  %s\n' idle - "$(mb "$idle_rss")" "$(mb "$idle_hwm")" "$hu" "$ht" "$(model_loads)" -

declare -a RSS_KB
prev_started=""
for ((k = 1; k <= JOBS; k++)); do
  in="$WORK/in-$k" out="$WORK/out-$k"
  rm -rf -- "$in" "$out"
  mkdir -p "$in" "$out"
  ln -- "$VIDEO" "$in/" 2>/dev/null || cp -- "$VIDEO" "$in/"
  body=$(printf '{"input_directory": "%s", "output_directory": "%s"}' "$in" "$out")
  t0=$(now)
  code=$(curl -sS --max-time 30 -o "$WORK/post-$k.json" -w '%{http_code}' \
    -H 'Content-Type: application/json' -d "$body" "$BASE/extractors/best_frames_extractor") || code=000
  if [[ $code != 200 ]]; then
    die_with_log "job $k: POST answered $code: $(cat "$WORK/post-$k.json" 2>/dev/null)"
  fi
  while :; do
    status=$(curl -fsS --max-time 10 "$BASE/" 2>/dev/null) || status=""
    if [[ -z $status ]]; then
      service_alive || die_with_log "job $k: the service died"
    elif [[ -z $(json_get "$status" .active_extractor) ]]; then
      started=$(json_get "$status" .last_job.started_at)
      [[ -n $started && $started != "$prev_started" ]] && break
    fi
    if awk -v a="$t0" -v b="$(now)" -v l="$JOB_TIMEOUT" 'BEGIN { exit !(b - a > l) }'; then
      die_with_log "job $k did not finish within $JOB_TIMEOUT s"
    fi
    sleep 0.5
  done
  secs=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  prev_started=$started
  state=$(json_get "$status" .last_job.state)
  if [[ $state != succeeded ]]; then
    die_with_log "job $k ended '$state': $(json_get "$status" .last_job.error) $(json_get "$status" .last_job.errors)"
  fi
  summary=$(json_get "$status" .last_job.summary)
  rss=$(kb_of VmRSS)
  hwm=$(kb_of VmHWM)
  [[ -n $rss ]] || die_with_log "job $k: cannot read /proc/$SERVICE_PID/status"
  RSS_KB[k]=$rss
  read -r hu ht <<<"$(heap_info)"
  printf '%5s %9s %8s %8s %10s %10s %12s  %s\n' "$k" "$secs" "$(mb "$rss")" "$(mb "$hwm")" "$hu" "$ht" \
    "$(model_loads)" "$summary"
  ((KEEP)) || rm -rf -- "$in" "$out"
done

# ----------------------------------------------------------------- report
loads=$(model_loads)
echo
echo "(RSS and HWM from /proc/$SERVICE_PID/status after each job; heap MB from jcmd GC.heap_info)"
echo "NIMA model loads logged (\"NIMA model ... loaded on\"): $loads over $JOBS job(s)"
if ((JOBS >= 2)); then
  growth=$(awk -v a="${RSS_KB[1]}" -v b="${RSS_KB[JOBS]}" 'BEGIN { printf "%.0f", (b - a) / 1024 }')
  echo "RSS growth from the end of job 1 to the end of job $JOBS: $growth MB" \
    "($(mb "${RSS_KB[1]}") -> $(mb "${RSS_KB[JOBS]}") MB)"
  echo
  echo "Targets"
  if ((growth <= TARGET_GROWTH_MB)); then
    printf '  %-46s %s\n' "service RSS growth, job 1 -> job $JOBS" "PASS ($growth MB <= $TARGET_GROWTH_MB MB)"
  else
    printf '  %-46s %s\n' "service RSS growth, job 1 -> job $JOBS" "MISS ($growth MB, want <= $TARGET_GROWTH_MB MB)"
  fi
else
  echo "RSS growth: n/a (needs --jobs 2 or more)"
fi
