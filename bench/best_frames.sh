#!/usr/bin/env bash
# bench/best_frames.sh - best-frames pipeline benchmark (not a test).
#
# For each video given (default: the 5-minute 1080p and the 4K videos cached by bench/frames.sh):
#   1. `benchmark best_frames VIDEO`: decode, prepare, inference and write timed alone, then the overlapped job in
#      the same process; prints end-to-end / sum of stages (target <= 1.10).
#   2. the real command, `best_frames_extractor` on a hard link of the video, under GNU time: wall seconds, peak RSS
#      (target < 950 MiB on 4K with the default batch size), samples/s.
# With --shots-cost, instead: what shot segmentation and the selection by shots cost, both ways in one run. For each
# video, REPS (default 2) alternating runs of the real command without the quality gate (no measures, no shots) and
# with --per_shot --distinct (measures, segmentation, one picture per shot, near-duplicates over the video): their
# job times (model loading excluded) and the ratio; then `benchmark shots VIDEO`: the segmentation's own time a
# sample, against the job's time a sample. Target: segmentation and the new selection under 3% of the job.
# Uses MODELS_DIR/weights.h5; when absent, synthetic weights are made in a temporary models folder (timings are
# real, scores meaningless).
#
# Usage: bench/best_frames.sh [--shots-cost] [VIDEO...]
#        env: PERFECTFRAME_JAR (default target/perfectframe.jar), MODELS_DIR, REPS
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${PERFECTFRAME_JAR:-target/perfectframe.jar}
cache=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}
[ -f "$jar" ] || { echo "best_frames.sh: $jar missing; build it: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "best_frames.sh: GNU time missing: apt-get install time" >&2; exit 2; }

shots_cost=false
if [ "${1:-}" = "--shots-cost" ]; then shots_cost=true; shift; fi
videos=("$@")
if [ ${#videos[@]} -eq 0 ]; then
  mapfile -t videos < <(ls "$cache"/1080p-gop250-*.mp4 "$cache"/2160p-gop250-*.mp4 2>/dev/null || true)
  [ ${#videos[@]} -gt 0 ] || { echo "best_frames.sh: no videos; run bench/frames.sh --generate-only first" >&2; exit 2; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/best-frames-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
models=${MODELS_DIR:-models}
if [ ! -f "$models/weights.h5" ]; then
  models="$work/models"
  mkdir -p "$models"
  echo "No $models/weights.h5: using synthetic weights (scores meaningless, timings real)."
  java -jar "$jar" model synthesize --seed 1 -o "$models/weights.h5" >/dev/null
  java -jar "$jar" model convert --weights "$models/weights.h5" --models_dir "$models" >/dev/null
fi

echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# job TIMEVAR OPTIONS...: the real command on a fresh input folder; sets TIMEVAR to the job's seconds.
job() {
  local var=$1 video=$2; shift 2
  rm -rf "$work/in" "$work/out"; mkdir -p "$work/in"
  ln "$video" "$work/in/" 2>/dev/null || cp "$video" "$work/in/"
  java -jar "$jar" best_frames_extractor -i "$work/in" -o "$work/out" --models_dir "$models" --no-progress "$@" \
    > "$work/summary" 2> "$work/log" || { tail -5 "$work/log"; exit 1; }
  printf -v "$var" '%s' "$(grep -o 'written in [0-9.]* s' "$work/summary" | awk '{print $3}')"
}

if $shots_cost; then
  for video in "${videos[@]}"; do
    echo
    echo "== $(basename "$video"): plain (--no_quality_gate) against --per_shot --distinct"
    plain_sum=0; shots_sum=0
    for rep in $(seq 1 "${REPS:-2}"); do
      job plain "$video" --no_quality_gate
      job shots "$video" --per_shot --distinct
      samples=$(grep -o '[0-9]* samples' "$work/summary" | head -1 | cut -d' ' -f1)
      printf '  rep %d: plain %6.1f s   per_shot+distinct %6.1f s\n' "$rep" "$plain" "$shots"
      plain_sum=$(awk -v a="$plain_sum" -v b="$plain" 'BEGIN {print a + b}')
      shots_sum=$(awk -v a="$shots_sum" -v b="$shots" 'BEGIN {print a + b}')
    done
    segment=$(java -jar "$jar" benchmark shots "$video" | grep -o 'segment_ms_per_sample=[0-9.]*' | cut -d= -f2)
    awk -v p="$plain_sum" -v s="$shots_sum" -v n="$samples" -v r="${REPS:-2}" -v g="$segment" 'BEGIN {
      printf "  job time with shots / without: %.3f (measures, segmentation and the rules together)\n", s / p
      printf "  segmentation alone: %.3f ms a sample = %.2f%% of the plain job'"'"'s %.1f ms a sample (target < 3%%)\n",
        g, 100 * g / (1000 * p / r / n), 1000 * p / r / n }'
  done
  exit 0
fi

for video in "${videos[@]}"; do
  echo
  echo "== $(basename "$video")"
  java -jar "$jar" benchmark best_frames "$video" --models_dir "$models"
  in="$work/in"; out="$work/out"
  rm -rf "$in" "$out"; mkdir -p "$in"
  ln "$video" "$in/" 2>/dev/null || cp "$video" "$in/"
  /usr/bin/time -f '%e %M' -o "$work/time" \
    java -jar "$jar" best_frames_extractor -i "$in" -o "$out" --models_dir "$models" --no-progress \
    > "$work/summary" 2> "$work/log" || { tail -5 "$work/log"; exit 1; }
  read -r secs kb < "$work/time"
  samples=$(grep -o '[0-9]* samples' "$work/summary" | head -1 | cut -d' ' -f1)
  awk -v s="$secs" -v k="$kb" -v n="$samples" 'BEGIN {
    printf "real command: %.1f s, peak RSS %.0f MB, %.2f samples/s\n", s, k / 1024, n / s }'
  cat "$work/summary"
done
