#!/usr/bin/env bash
# bench/curation_cost.sh - what the quality gate and the near-duplicate check cost a best-frames job (not a test).
#
# Runs, alternately and REPS times each, the real best-frames command on the cached 5-minute 1080p GOP-250 benchmark
# video (made by bench/frames.sh; generated here if missing), each time on a fresh input folder holding a hard link:
#   plain   java -jar JAR best_frames_extractor -i IN -o OUT --models_dir MODELS --no_quality_gate
#   gate    java -jar JAR best_frames_extractor -i IN -o OUT --models_dir MODELS              (the default)
#   gate+distinct                                                       ... --distinct
# and prints each run's job time (from the summary line: model loading excluded), CPU time (user+sys, GNU time)
# and peak RSS, then the medians and the ratios to plain.
#
# Target (MISS is reported, it does not fail the script): gate+distinct job time <= 1.03 x plain.
#
# Usage: bench/curation_cost.sh [--reps N]
# Environment: PERFECTFRAME_JAR (default target/perfectframe.jar), MODELS_DIR (default models; synthetic weights
# when weights.h5 is absent), PERFECTFRAME_BENCH_CACHE (default ~/.cache/perfectframe-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

REPS=3
if [ "${1:-}" = "--reps" ]; then REPS=$2; fi
JAR=${PERFECTFRAME_JAR:-target/perfectframe.jar}
MODELS=${MODELS_DIR:-models}
CACHE=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}
VIDEO=$CACHE/1080p-gop250-300s-n8-veryfast-crf23.mp4
[ -f "$JAR" ] || { echo "curation_cost.sh: no jar at $JAR (./mvnw -q -B package -DskipTests)" >&2; exit 2; }
[ -f "$VIDEO" ] || bench/frames.sh --only 1080p-gop250 --generate-only
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

declare -A JOB CPU RSS
run() { # name, extra options...
  local name=$1 rep=$2; shift 2
  rm -rf "$WORK/in" "$WORK/out"; mkdir -p "$WORK/in"; ln "$VIDEO" "$WORK/in/v.mp4"
  local out
  out=$(/usr/bin/time -f "TIME %U %S %M" java -jar "$JAR" best_frames_extractor -i "$WORK/in" -o "$WORK/out" \
        --models_dir "$MODELS" --no-progress "$@" 2>&1)
  local job cpu rss
  job=$(grep -o 'written in [0-9.]* s' <<<"$out" | awk '{print $3}')
  cpu=$(awk '/^TIME/ {print $2 + $3}' <<<"$out")
  rss=$(awk '/^TIME/ {printf "%d", $4 / 1024}' <<<"$out")
  printf '  %-14s rep %d: job %6.1f s   cpu %6.1f s   peak RSS %5d MB\n' "$name" "$rep" "$job" "$cpu" "$rss"
  JOB[$name]+="$job "; CPU[$name]+="$cpu "; RSS[$name]+="$rss "
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores; jar: $JAR; video: $(basename "$VIDEO")"
for rep in $(seq 1 "$REPS"); do
  run plain "$rep" --no_quality_gate
  run gate "$rep"
  run gate+distinct "$rep" --distinct
done
echo
plain=$(median "${JOB[plain]}")
for name in plain gate gate+distinct; do
  job=$(median "${JOB[$name]}"); cpu=$(median "${CPU[$name]}")
  printf '  %-14s median job %6.1f s (%.3f x plain)   cpu %6.1f s (%.3f x plain)   peak RSS %s MB\n' \
    "$name" "$job" "$(awk -v a="$job" -v b="$plain" 'BEGIN {print a / b}')" \
    "$cpu" "$(awk -v a="$cpu" -v b="$(median "${CPU[plain]}")" 'BEGIN {print a / b}')" "$(median "${RSS[$name]}")"
done
ratio=$(awk -v a="$(median "${JOB[gate+distinct]}")" -v b="$plain" 'BEGIN {print a / b}')
if awk -v r="$ratio" 'BEGIN {exit !(r <= 1.03)}'; then
  echo "  gate+distinct job time / plain                 PASS (${ratio}x <= 1.03x)"
else
  echo "  gate+distinct job time / plain                 MISS (${ratio}x, want <= 1.03x)"
fi
