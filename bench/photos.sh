#!/usr/bin/env bash
# bench/photos.sh - memory and speed of top_images_extractor on camera-size JPEGs (not a test).
#
# Generates once (cached) three folders of noisy JPEGs (ffmpeg testsrc2 + temporal/uniform noise, quality 2, so the
# files have a camera's size: ~10 MB at 24 MP, ~20 MB at 50 MP):
#   cam50  BENCH_CAM50 pictures of 8660x5773 (50 MP)
#   cam24  BENCH_CAM24 pictures of 6000x4000 (24 MP)
#   mixed  BENCH_PHONE phone pictures of 4032x3024 (12 MP), plus hard links of a third of cam24 and of cam50
# Then runs, under GNU time, the real command on each folder:
#   java $BENCH_JAVA_OPTS -jar JAR top_images_extractor -i IN -o OUT --models_dir MODELS --no-progress
# and, in the same run, NIMA alone on 224x224 inputs at the pipeline's batch size:
#   java -jar JAR benchmark nima --models_dir MODELS --batch_sizes 16 --seconds 15 --no-bf16
# Prints wall seconds, peak RSS and images/s (from the job's summary line: model loading excluded) per folder, and
# the ratio of the 24-MP folder's images/s to NIMA's.
#
# Targets (MISS is reported, it does not fail the script):
#   peak RSS < 800 MB on cam50 and on mixed
#   cam24 images/s >= 0.80 x NIMA alone (batch 16)
#
# Usage: bench/photos.sh [--reps N] [--generate-only] [--keep] [-h|--help]
#   --reps N          runs of each folder (default 1; the median is reported when > 1)
#   --generate-only   only generate (or check) the cached pictures
#   --keep            keep the work folder (logs, outputs)
#
# Environment:
#   PERFECTFRAME_JAR          jar to run            (default target/perfectframe.jar)
#   PERFECTFRAME_BENCH_CACHE  picture cache folder  (default ~/.cache/perfectframe-bench)
#   MODELS_DIR                models folder         (default models; synthetic weights when weights.h5 is absent)
#   BENCH_JAVA_OPTS           extra JVM options, e.g. "-Xmx1g" (default none)
#   JAVA                      java binary           (default java)
#   BENCH_CAM50 / BENCH_CAM24 / BENCH_PHONE   pictures per folder (default 8 / 48 / 12)
#   BENCH_NOISE               noise strength        (default 24)
#   BENCH_REPS                like --reps
#
# The first run generates ~1 GB of pictures (~3 min). Exit status: 0 when all runs completed (whatever PASS/MISS),
# 1 when a command failed, 2 on a usage/setup error (missing tools or jar).

set -euo pipefail

die() { printf 'photos.sh: %s\n' "$*" >&2; exit 2; }
fail() { printf 'photos.sh: %s\n' "$*" >&2; exit 1; }
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
CAM50=${BENCH_CAM50:-8}
CAM24=${BENCH_CAM24:-48}
PHONE=${BENCH_PHONE:-12}
NOISE=${BENCH_NOISE:-24}
REPS=${BENCH_REPS:-1}
GENERATE_ONLY=0
KEEP=0
readonly TARGET_RSS_MB=800
readonly TARGET_SPEED_RATIO=0.80
readonly NIMA_BATCH=16

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
is_uint "$CAM50" || die "BENCH_CAM50 must be a positive integer (got '$CAM50')"
is_uint "$CAM24" || die "BENCH_CAM24 must be a positive integer (got '$CAM24')"
is_uint "$PHONE" || die "BENCH_PHONE must be a positive integer (got '$PHONE')"
[[ $NOISE =~ ^[0-9]+$ ]] || die "BENCH_NOISE must be an integer (got '$NOISE')"

# ---------------------------------------------------------- prerequisites
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (GNU time)")
if ((${#missing[@]})); then
  note "photos.sh: missing: ${missing[*]}"
  note "  install them with:  sudo apt-get install -y ffmpeg time   (Debian/Ubuntu)"
  exit 2
fi
if ((!GENERATE_ONLY)); then
  if [[ ! -f $JAR ]]; then
    note "photos.sh: jar not found: $JAR"
    note "  build it first:   (cd '$REPO_ROOT' && ./mvnw -q -B package -DskipTests)"
    exit 2
  fi
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found ('$JAVA'); install a JDK 17+ or set JAVA"
fi

mkdir -p "$CACHE" || die "cannot create cache dir $CACHE"
CACHE=$(cd "$CACHE" && pwd)

WORK=$(mktemp -d "$CACHE/photos-run.XXXXXX")
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
# generate NAME WIDTH HEIGHT COUNT -> a cached folder of COUNT distinct JPEGs (testsrc2 moves between frames)
generate() {
  local name=$1 w=$2 h=$3 n=$4 dir
  dir="$CACHE/photos-$name-${w}x$h-n$NOISE-x$n"
  if [[ -d $dir ]] && (($(find "$dir" -maxdepth 1 -name '*.jpg' | wc -l) == n)); then
    note "cached: $dir"
  else
    note "generating $n JPEGs of ${w}x$h (noise $NOISE) ..."
    GEN_TMP="$CACHE/.tmp.photos-$name.$$"
    rm -rf -- "$GEN_TMP"
    mkdir -p "$GEN_TMP"
    ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=${w}x$h:rate=1" \
      -vf "noise=alls=$NOISE:allf=t+u,format=yuvj420p" -frames:v "$n" -q:v 2 "$GEN_TMP/$name-%03d.jpg" \
      || fail "ffmpeg failed generating $name pictures"
    rm -rf -- "$dir"
    mv -- "$GEN_TMP" "$dir"
    GEN_TMP=""
  fi
  printf '%s\n' "$dir"
}

DIR50=$(generate cam50 8660 5773 "$CAM50")
DIR24=$(generate cam24 6000 4000 "$CAM24")
DIRPHONE=$(generate phone 4032 3024 "$PHONE")
((GENERATE_ONLY)) && { note "pictures ready in $CACHE"; exit 0; }

# fill DEST FILES... -> hard links (copies across file systems) of FILES in DEST
fill() {
  local dest=$1 f
  shift
  mkdir -p "$dest"
  for f in "$@"; do ln -- "$f" "$dest/" 2>/dev/null || cp -- "$f" "$dest/"; done
}
mapfile -t files50 < <(find "$DIR50" -maxdepth 1 -name '*.jpg' | sort)
mapfile -t files24 < <(find "$DIR24" -maxdepth 1 -name '*.jpg' | sort)
mapfile -t filesphone < <(find "$DIRPHONE" -maxdepth 1 -name '*.jpg' | sort)
fill "$WORK/in/cam50" "${files50[@]}"
fill "$WORK/in/cam24" "${files24[@]}"
fill "$WORK/in/mixed" "${filesphone[@]}" "${files24[@]:0:$(((CAM24 + 2) / 3))}" "${files50[@]:0:$(((CAM50 + 2) / 3))}"

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
for kind in cam50 cam24 mixed; do
  printf '%-6s %3d pictures, %5d MB: %s\n' "$kind" "$(find "$WORK/in/$kind" -name '*.jpg' | wc -l)" \
    "$(du -smL --apparent-size "$WORK/in/$kind" | cut -f1)" "$(find "$WORK/in/$kind" -name '*.jpg' -printf '%f\n' \
    | sed 's/-[0-9]*\.jpg$//' | sort | uniq -c | awk '{ printf "%s%d %s", (NR > 1 ? ", " : ""), $1, $2 }')"
done
echo "reps: $REPS (median reported when > 1)"
cat -- "$WORK"/in/*/*.jpg >/dev/null # warm the page cache

jopts=()
[[ -n $JAVA_OPTS ]] && read -r -a jopts <<<"$JAVA_OPTS"

# run_one KIND REP -> appends "secs rsskb images job_images_per_s" to $WORK/KIND.times, prints the line
run_one() {
  local kind=$1 rep=$2 dir out rc=0 secs kb images ips
  dir="$WORK/$kind.$rep" out="$WORK/$kind.$rep/out"
  mkdir -p "$dir"
  /usr/bin/time -f '%e %M' -o "$dir/time" \
    "$JAVA" "${jopts[@]}" -jar "$JAR" top_images_extractor -i "$WORK/in/$kind" -o "$out" --models_dir "$MODELS" \
    --no-progress </dev/null >"$dir/summary" 2>"$dir/log" || rc=$?
  if ((rc != 0)); then
    note "photos.sh: $kind rep $rep FAILED (exit $rc)"
    tail -n 15 "$dir/log" | sed 's/^/      | /' >&2
    tail -n 5 "$dir/summary" | sed 's/^/      | /' >&2
    return 1
  fi
  read -r secs kb < <(tail -n 1 "$dir/time")
  # summary: "N images processed, S samples, P pictures written in T s (R samples/s)."
  images=$(grep -o '[0-9]* samples,' "$dir/summary" | head -n 1 | cut -d' ' -f1 || true)
  ips=$(grep -o '([0-9.]* samples/s)' "$dir/summary" | head -n 1 | tr -d '(' | cut -d' ' -f1 || true)
  [[ -n $images && -n $ips ]] || { note "photos.sh: $kind rep $rep: no summary line on stdout"; return 1; }
  printf '%s %s %s %s\n' "$secs" "$kb" "$images" "$ips" >>"$WORK/$kind.times"
  awk -v k="$kind" -v r="$rep" -v s="$secs" -v m="$kb" -v n="$images" -v j="$ips" 'BEGIN {
    printf "  %-6s rep %d: %7.1f s  peak RSS %6.0f MB  %3d images  %6.2f images/s (job)\n", k, r, s, m / 1024, n, j }'
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
  for kind in cam50 cam24 mixed; do run_one "$kind" "$r" || exit 1; done
done

echo
echo "NIMA alone (224x224 inputs, batch $NIMA_BATCH)"
"$JAVA" "${jopts[@]}" -jar "$JAR" benchmark nima --models_dir "$MODELS" --batch_sizes "$NIMA_BATCH" --seconds 15 \
  --no-bf16 </dev/null >"$WORK/nima.out" 2>"$WORK/nima.log" || { tail -n 15 "$WORK/nima.log" >&2; fail "benchmark nima failed"; }
sed 's/^/  | /' "$WORK/nima.out"
nima=$(awk -v b="$NIMA_BATCH" '$1 == b && $2 ~ /^[0-9.]+$/ { print $2; exit }' "$WORK/nima.out")
[[ -n $nima ]] || fail "no images/s line for batch $NIMA_BATCH in the NIMA benchmark's output"

declare -A SEC RSS IPS N
for kind in cam50 cam24 mixed; do
  mapfile -t col < <(awk '{ print $1 }' "$WORK/$kind.times"); SEC[$kind]=$(median "${col[@]}")
  mapfile -t col < <(awk '{ print $2 }' "$WORK/$kind.times"); RSS[$kind]=$(median "${col[@]}")
  mapfile -t col < <(awk '{ print $4 }' "$WORK/$kind.times"); IPS[$kind]=$(median "${col[@]}")
  N[$kind]=$(awk 'NR == 1 { print $3 }' "$WORK/$kind.times")
done

echo
echo "Summary (median of $REPS run(s))"
printf '  %-8s %7s %9s %12s %14s %12s\n' folder images wall_s peak_RSS_MB 'images/s job' 'x NIMA alone'
for kind in cam50 cam24 mixed; do
  printf '  %-8s %7s %9.1f %12.0f %14.2f %12.2f\n' "$kind" "${N[$kind]}" "${SEC[$kind]}" \
    "$(awk -v k="${RSS[$kind]}" 'BEGIN { print k / 1024 }')" "${IPS[$kind]}" \
    "$(awk -v a="${IPS[$kind]}" -v b="$nima" 'BEGIN { print a / b }')"
done
echo "  NIMA alone: $nima images/s at batch $NIMA_BATCH"
echo "  (images/s job: from the summary line, model loading excluded)"

echo
echo "Targets"
for kind in cam50 mixed; do
  mb=$(awk -v k="${RSS[$kind]}" 'BEGIN { printf "%.0f", k / 1024 }')
  if ((mb < TARGET_RSS_MB)); then res="PASS ($mb MB < $TARGET_RSS_MB MB)"; else res="MISS ($mb MB, want < $TARGET_RSS_MB MB)"; fi
  printf '  %-46s %s\n' "$kind peak RSS" "$res"
done
ratio=$(awk -v a="${IPS[cam24]}" -v b="$nima" 'BEGIN { printf "%.2f", a / b }')
if awk -v x="$ratio" -v y="$TARGET_SPEED_RATIO" 'BEGIN { exit !(x >= y) }'; then
  res="PASS (${ratio}x >= ${TARGET_SPEED_RATIO}x)"
else
  res="MISS (${ratio}x, want >= ${TARGET_SPEED_RATIO}x)"
fi
printf '  %-46s %s\n' "cam24 images/s / NIMA alone images/s" "$res"
