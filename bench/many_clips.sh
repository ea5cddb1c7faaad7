#!/usr/bin/env bash
# bench/many_clips.sh - peak memory of one best-frames run on many short clips vs one long video (not a test).
#
# Generates once (cached) a 1080p 30 fps H.264 video of CLIPS x CLIP_SECONDS seconds (default 90 x 10 s = 900 s;
# testsrc2 + temporal noise, x264 veryfast crf 23, keyframes forced every CLIP_SECONDS s) and cuts it with
# `ffmpeg -c copy -f segment` into CLIPS clips of CLIP_SECONDS s (checked: count, durations, frames). Then runs, under
# GNU time, the real command
#   java $BENCH_JAVA_OPTS -jar JAR best_frames_extractor -i IN -o OUT --models_dir MODELS --no-progress
# once on a folder of hard links of all the clips and once on a folder with a hard link of the long video (fresh
# folders each time: the job renames processed videos). Same content, same total length, same samples. Prints
# wall seconds, peak RSS and samples/s for each, and the clips/long ratios of peak RSS and wall time.
#
# Target (MISS is reported, it does not fail the script):
#   clips peak RSS <= 1.10 x the long video's peak RSS
#
# Usage: bench/many_clips.sh [--reps N] [--generate-only] [--keep] [-h|--help]
#   --reps N          runs of each (default 1; the median is reported when > 1)
#   --generate-only   only generate (or check) the cached videos
#   --keep            keep the work folder (logs, outputs)
#
# Environment:
#   PERFECTFRAME_JAR          jar to run            (default target/perfectframe.jar)
#   PERFECTFRAME_BENCH_CACHE  video cache folder    (default ~/.cache/perfectframe-bench)
#   MODELS_DIR                models folder         (default models; synthetic weights when weights.h5 is absent)
#   BENCH_JAVA_OPTS           extra JVM options, e.g. "-Xmx1g" (default none)
#   JAVA                      java binary           (default java)
#   BENCH_CLIPS               number of clips       (default 90)
#   BENCH_CLIP_SECONDS        seconds per clip      (default 10)
#   BENCH_NOISE / BENCH_PRESET / BENCH_CRF   x264 source settings (default 8 / veryfast / 23)
#   BENCH_REPS                like --reps
#
# The first run generates the 900-s video (~15-25 min on a busy 2-core machine, ~1.2 GB) and the clips (seconds,
# another ~1.2 GB). Exit status: 0 when all runs completed (whatever PASS/MISS), 1 when a command failed, 2 on a
# usage/setup error (missing tools or jar).

set -euo pipefail

die() { printf 'many_clips.sh: %s\n' "$*" >&2; exit 2; }
fail() { printf 'many_clips.sh: %s\n' "$*" >&2; exit 1; }
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
CLIPS=${BENCH_CLIPS:-90}
CLIP_SECONDS=${BENCH_CLIP_SECONDS:-10}
NOISE=${BENCH_NOISE:-8}
PRESET=${BENCH_PRESET:-veryfast}
CRF=${BENCH_CRF:-23}
REPS=${BENCH_REPS:-1}
GENERATE_ONLY=0
KEEP=0
readonly TARGET_RSS_RATIO=1.10

while (($#)); do
  case $1 in
    --reps) (($# >= 2)) || die "--reps needs a value"; REPS=$2; shift ;;
    --reps=*) REPS=${1#*=} ;;
    --generate-only) GENERATE_ONLY=1 ;;
    --keep) KEEP=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

is_uint() { [[ $1 =~ ^[0-9]+$ ]] && (($1 > 0)); }
is_uint "$REPS" || die "--reps/BENCH_REPS must be a positive integer (got '$REPS')"
is_uint "$CLIPS" || die "BENCH_CLIPS must be a positive integer (got '$CLIPS')"
is_uint "$CLIP_SECONDS" || die "BENCH_CLIP_SECONDS must be a positive integer (got '$CLIP_SECONDS')"
[[ $NOISE =~ ^[0-9]+$ ]] || die "BENCH_NOISE must be an integer (got '$NOISE')"
[[ $CRF =~ ^[0-9]+$ ]] || die "BENCH_CRF must be an integer (got '$CRF')"
TOTAL_SECONDS=$((CLIPS * CLIP_SECONDS))

# ---------------------------------------------------------- prerequisites
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffprobe)
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (GNU time)")
if ((${#missing[@]})); then
  note "many_clips.sh: missing: ${missing[*]}"
  note "  install them with:  sudo apt-get install -y ffmpeg time   (Debian/Ubuntu)"
  exit 2
fi
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null || true)
[[ $encoders == *libx264* ]] || die "this ffmpeg has no libx264 encoder (needed to generate the videos)"
if ((!GENERATE_ONLY)); then
  if [[ ! -f $JAR ]]; then
    note "many_clips.sh: jar not found: $JAR"
    note "  build it first:   (cd '$REPO_ROOT' && ./mvnw -q -B package -DskipTests)"
    exit 2
  fi
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found ('$JAVA'); install a JDK 17+ or set JAVA"
fi

mkdir -p "$CACHE" || die "cannot create cache dir $CACHE"
CACHE=$(cd "$CACHE" && pwd)

# Work dir lives inside the cache dir so the inputs can be hard links.
WORK=$(mktemp -d "$CACHE/clips-run.XXXXXX")
GEN_TMP=""
cleanup() {
  local rc=$?
  [[ -n $GEN_TMP ]] && rm -rf -- "$GEN_TMP"
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
STEM="$CACHE/1080p-kf${CLIP_SECONDS}-${TOTAL_SECONDS}s-n$NOISE-$PRESET-crf$CRF"
LONG="$STEM.mp4"
CLIPDIR="$STEM.clips${CLIPS}x${CLIP_SECONDS}s"

duration() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }

if [[ -s $LONG ]]; then
  note "cached: $LONG"
else
  note "generating 1920x1080 30 fps ${TOTAL_SECONDS}s (keyframe every ${CLIP_SECONDS}s), preset $PRESET, crf $CRF," \
    "noise $NOISE ..."
  GEN_TMP="$CACHE/.tmp.clips-long.$$.mp4"
  stats=()
  [[ -t 2 ]] && stats=(-stats)
  t0=$SECONDS
  ffmpeg -nostdin -hide_banner -loglevel error "${stats[@]}" -y \
    -f lavfi -i "testsrc2=size=1920x1080:rate=30" -vf "noise=alls=$NOISE:allf=t" -t "$TOTAL_SECONDS" \
    -c:v libx264 -preset "$PRESET" -crf "$CRF" -force_key_frames "expr:gte(t,n_forced*$CLIP_SECONDS)" \
    -pix_fmt yuv420p -an "$GEN_TMP" || fail "ffmpeg failed generating $LONG"
  mv -f -- "$GEN_TMP" "$LONG"
  GEN_TMP=""
  note "  done in $((SECONDS - t0)) s: $LONG"
fi

# check_clips DIR -> 0 when DIR holds CLIPS clips of CLIP_SECONDS s (+-0.5 s) and exactly CLIP_SECONDS x 30 frames
check_clips() {
  local dir=$1 n f d frames bad=0
  n=$(find "$dir" -maxdepth 1 -name 'clip-*.mp4' | wc -l)
  if ((n != CLIPS)); then
    note "  $dir: $n clips, expected $CLIPS"
    return 1
  fi
  for f in "$dir"/clip-*.mp4; do
    d=$(duration "$f")
    if ! awk -v d="$d" -v s="$CLIP_SECONDS" 'BEGIN { exit !(d != "" && d >= s - 0.5 && d <= s + 0.5) }'; then
      note "  $f: duration '$d' s, expected ~$CLIP_SECONDS s"
      bad=1
    fi
    frames=$(ffprobe -v error -select_streams v:0 -show_entries stream=nb_frames -of csv=p=0 "$f")
    if [[ $frames != "$((CLIP_SECONDS * 30))" ]]; then
      note "  $f: $frames frames, expected $((CLIP_SECONDS * 30))"
      bad=1
    fi
  done
  return "$bad"
}

if [[ -d $CLIPDIR ]] && check_clips "$CLIPDIR"; then
  note "cached: $CLIPDIR ($CLIPS clips)"
else
  note "cutting $LONG into $CLIPS clips of ${CLIP_SECONDS}s (stream copy) ..."
  GEN_TMP="$CACHE/.tmp.clips.$$"
  rm -rf -- "$GEN_TMP"
  mkdir -p "$GEN_TMP"
  # -avoid_negative_ts disabled: without it the B-frame delay (2 frames) shifts the packets' timestamps and a
  # scene-cut keyframe 2 frames before a forced one can end a clip early (298 + 302 frames).
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$LONG" -map 0:v -c copy -avoid_negative_ts disabled \
    -f segment -segment_time "$CLIP_SECONDS" -reset_timestamps 1 "$GEN_TMP/clip-%03d.mp4" \
    || fail "ffmpeg failed cutting $LONG"
  check_clips "$GEN_TMP" || fail "the cut did not give $CLIPS clips of ${CLIP_SECONDS}s (are keyframes every ${CLIP_SECONDS}s?)"
  rm -rf -- "$CLIPDIR"
  mv -- "$GEN_TMP" "$CLIPDIR"
  GEN_TMP=""
  note "  done: $CLIPDIR"
fi
((GENERATE_ONLY)) && { note "videos ready in $CACHE"; exit 0; }

# ----------------------------------------------------------------- models
if [[ ! -f $MODELS/weights.h5 ]]; then
  MODELS="$WORK/models"
  mkdir -p "$MODELS"
  echo "No ${MODELS_DIR:-models}/weights.h5: using synthetic weights (scores meaningless, memory and timings real)."
  { "$JAVA" -jar "$JAR" model synthesize --seed 1 -o "$MODELS/weights.h5" \
      && "$JAVA" -jar "$JAR" model convert --weights "$MODELS/weights.h5" --models_dir "$MODELS"; } \
    >"$WORK/model.log" 2>&1 || { tail -n 15 "$WORK/model.log" >&2; fail "making synthetic weights failed"; }
fi

# ------------------------------------------------------------ measurement
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
read -r load1 _ </proc/loadavg
if awk -v l="$load1" -v n="$(nproc)" 'BEGIN { exit !(l > n * 0.5) }'; then
  echo "WARNING: load average $load1 on $(nproc) cores before starting; other work will skew the timings"
fi
echo "ours: $JAVA ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR ($("$JAVA" -version 2>&1 | head -n 1))"
clips_mb=$(du -sm --apparent-size "$CLIPDIR" | cut -f1)
echo "clips: $CLIPS x ${CLIP_SECONDS}s in $CLIPDIR ($clips_mb MB)"
echo "long:  $(duration "$LONG" | awk '{ printf "%.1f", $1 }') s, $LONG ($(stat -c %s "$LONG" | awk '{ printf "%.0f", $1 / 1048576 }') MB)"
echo "reps: $REPS (median reported when > 1)"
cat -- "$LONG" "$CLIPDIR"/clip-*.mp4 >/dev/null   # warm the page cache

jopts=()
[[ -n $JAVA_OPTS ]] && read -r -a jopts <<<"$JAVA_OPTS"

# run_one clips|long REP -> appends "secs rsskb samples job_samples_per_s" to $WORK/KIND.times, prints the line
run_one() {
  local kind=$1 rep=$2 dir in out rc=0 secs kb samples sps
  dir="$WORK/$kind.$rep" in="$WORK/$kind.$rep/in" out="$WORK/$kind.$rep/out"
  mkdir -p "$in"
  if [[ $kind == clips ]]; then
    local f
    for f in "$CLIPDIR"/clip-*.mp4; do ln -- "$f" "$in/" 2>/dev/null || cp -- "$f" "$in/"; done
  else
    ln -- "$LONG" "$in/" 2>/dev/null || cp -- "$LONG" "$in/"
  fi
  /usr/bin/time -f '%e %M' -o "$dir/time" \
    "$JAVA" "${jopts[@]}" -jar "$JAR" best_frames_extractor -i "$in" -o "$out" --models_dir "$MODELS" --no-progress \
    </dev/null >"$dir/summary" 2>"$dir/log" || rc=$?
  if ((rc != 0)); then
    note "many_clips.sh: $kind rep $rep FAILED (exit $rc)"
    tail -n 15 "$dir/log" | sed 's/^/      | /' >&2
    tail -n 5 "$dir/summary" | sed 's/^/      | /' >&2
    return 1
  fi
  read -r secs kb < <(tail -n 1 "$dir/time")
  # summary: "N videos processed, S samples, P pictures written in T s (R samples/s)."
  samples=$(grep -o '[0-9]* samples,' "$dir/summary" | head -n 1 | cut -d' ' -f1 || true)
  sps=$(grep -o '([0-9.]* samples/s)' "$dir/summary" | head -n 1 | tr -d '(' | cut -d' ' -f1 || true)
  [[ -n $samples && -n $sps ]] || { note "many_clips.sh: $kind rep $rep: no summary line on stdout"; return 1; }
  printf '%s %s %s %s\n' "$secs" "$kb" "$samples" "$sps" >>"$WORK/$kind.times"
  awk -v k="$kind" -v r="$rep" -v s="$secs" -v m="$kb" -v n="$samples" -v j="$sps" 'BEGIN {
    printf "  %-6s rep %d: %8.1f s  peak RSS %6.0f MB  %7.2f samples/s (job), %.2f samples/s (wall)\n",
      k, r, s, m / 1024, j, (s > 0 ? n / s : 0) }'
  sed 's/^/           | /' "$dir/summary"
  ((KEEP)) || rm -rf -- "$dir"
}

median() { # numbers... -> median
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
    END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo
echo "Runs"
for ((r = 1; r <= REPS; r++)); do
  run_one clips "$r" || exit 1
  run_one long "$r" || exit 1
done

declare -A SEC RSS SPS WSPS SAMPLES
for kind in clips long; do
  mapfile -t col < <(awk '{ print $1 }' "$WORK/$kind.times"); SEC[$kind]=$(median "${col[@]}")
  mapfile -t col < <(awk '{ print $2 }' "$WORK/$kind.times"); RSS[$kind]=$(median "${col[@]}")
  mapfile -t col < <(awk '{ print $4 }' "$WORK/$kind.times"); SPS[$kind]=$(median "${col[@]}")
  mapfile -t col < <(awk '{ print ($1 > 0 ? $3 / $1 : 0) }' "$WORK/$kind.times"); WSPS[$kind]=$(median "${col[@]}")
  SAMPLES[$kind]=$(awk 'NR == 1 { print $3 }' "$WORK/$kind.times")
done

echo
echo "Summary (median of $REPS run(s))"
printf '  %-24s %8s %9s %12s %14s %15s\n' input samples wall_s peak_RSS_MB 'samples/s job' 'samples/s wall'
for kind in clips long; do
  if [[ $kind == clips ]]; then label="clips ($CLIPS x ${CLIP_SECONDS}s)"; else label="long (1 x ${TOTAL_SECONDS}s)"; fi
  printf '  %-24s %8s %9.1f %12.0f %14.2f %15.2f\n' "$label" "${SAMPLES[$kind]}" "${SEC[$kind]}" \
    "$(awk -v k="${RSS[$kind]}" 'BEGIN { print k / 1024 }')" "${SPS[$kind]}" "${WSPS[$kind]}"
done
echo "  (samples/s job: from the summary line; samples/s wall: samples / wall time, JVM start-up included)"
rss_ratio=$(awk -v a="${RSS[clips]}" -v b="${RSS[long]}" 'BEGIN { printf "%.2f", a / b }')
sec_ratio=$(awk -v a="${SEC[clips]}" -v b="${SEC[long]}" 'BEGIN { printf "%.2f", a / b }')
echo
echo "Ratios clips/long: peak RSS ${rss_ratio}x, wall time ${sec_ratio}x"

echo
echo "Targets"
if awk -v x="$rss_ratio" -v y="$TARGET_RSS_RATIO" 'BEGIN { exit !(x <= y) }'; then
  res="PASS (${rss_ratio}x <= ${TARGET_RSS_RATIO}x)"
else
  res="MISS (${rss_ratio}x, want <= ${TARGET_RSS_RATIO}x)"
fi
printf '  %-46s %s\n' "clips peak RSS / long video peak RSS" "$res"
