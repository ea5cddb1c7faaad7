#!/usr/bin/env bash
# bench/frames.sh - frames-extraction benchmark for PerfectFrame (not a test).
#
# Generates synthetic H.264 test videos once (cached outside the repo), then
# times, side by side on each video:
#   decode  ffmpeg -i V -f null -                        (whole-video decode)
#   fps1    ffmpeg -i V -vf fps=1 OUT/out%05d.jpg        (1 JPEG per second)
#   ours    java -jar JAR best_frames_extractor -i IN -o OUT --all_frames
# with GNU time (wall seconds, peak RSS), and prints a table, the ratios and
# PASS/MISS for the targets below.
#
# Usage:
#   bench/frames.sh [--only NAME[,NAME...]] [--reps N] [--skip-decode]
#                   [--skip-ffmpeg-jpeg] [--no-ours] [--generate-only]
#                   [--regen] [--keep] [-h|--help]
#   Examples:
#     ./mvnw -q -B package -DskipTests && bench/frames.sh
#     BENCH_SECONDS=20 BENCH_4K_SECONDS=10 bench/frames.sh --only 1080p-gop30
#     bench/frames.sh --reps 3 --skip-ffmpeg-jpeg
#
# Videos (all 30 fps, H.264 yuv420p, testsrc2 + temporal noise + frame/time
# overlay when drawtext has a font):
#   1080p-gop250  1920x1080, x264's default keyframe interval (keyint 250)
#   1080p-gop30   1920x1080, fixed 30-frame GOP like phone cameras
#                 (-x264-params keyint=30:min-keyint=30:scenecut=0)
#   2160p-gop250  3840x2160, default keyframe interval
#
# Targets (2-core machine); MISS is reported, it does not fail the script:
#   1080p-gop250  ours <= 0.75 x decode (wall time)
#   1080p-gop30   fps1 >= 3.5 x ours   (ours at least 3.5x faster than -vf fps=1)
#   2160p-gop250  ours peak RSS < 600 MB
#
# Environment (flags win over env):
#   PERFECTFRAME_BENCH_CACHE  video cache dir   (default ~/.cache/perfectframe-bench)
#   BENCH_SECONDS             1080p duration, s (default 300 = 5 min)
#   BENCH_4K_SECONDS          4K duration, s    (default 60, generation is slow)
#   BENCH_NOISE               noise strength    (default 8, ~11 Mbit/s at 1080p)
#   BENCH_PRESET / BENCH_CRF  x264 settings     (default veryfast / 23)
#   BENCH_FONT                TTF for the overlay (default: fc-match monospace)
#   BENCH_ONLY                like --only
#   BENCH_REPS                like --reps (default 1; median reported when > 1)
#   BENCH_SKIP_DECODE=1 BENCH_SKIP_JPEG=1 BENCH_NO_OURS=1   like the flags
#   PERFECTFRAME_JAR          jar to run        (default target/perfectframe.jar)
#   JAVA                      java binary       (default java)
#   BENCH_JAVA_OPTS           extra JVM options, e.g. "-Xmx512m" (default none)
#   PERFECTFRAME_CMD          replaces the "ours" command line; run with
#                             bash -c, input dir in "$1", output dir in "$2"
#                             (e.g. 'ffmpeg -i "$1"/*.mp4 -vf fps=1 "$2"/o%05d.jpg')
#
# First run generates the videos: ~7 min per 5-min 1080p video and ~7 min
# for the 60-s 4K one on a busy 2-core machine (~1.2 GB in the cache).
# Later runs reuse them. Timings are only meaningful on an idle machine; a
# warning is printed when the load average is already high.
# Cached files are named after their parameters (name, duration, noise,
# preset, crf), so changing a parameter generates a new file. Exit status:
# 0 when all runs completed (whatever PASS/MISS), 1 when a command failed,
# 2 on a usage/setup error (missing tools or jar).

set -euo pipefail

readonly ALL_VIDEOS="1080p-gop250 1080p-gop30 2160p-gop250"

die() { printf 'frames.sh: %s\n' "$*" >&2; exit 2; }
note() { printf '%s\n' "$*" >&2; }
usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; }

# ---------------------------------------------------------------- options
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
cd "$REPO_ROOT"

CACHE=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}
SECONDS_1080=${BENCH_SECONDS:-300}
SECONDS_4K=${BENCH_4K_SECONDS:-60}
NOISE=${BENCH_NOISE:-8}
PRESET=${BENCH_PRESET:-veryfast}
CRF=${BENCH_CRF:-23}
ONLY=${BENCH_ONLY:-}
REPS=${BENCH_REPS:-1}
SKIP_DECODE=${BENCH_SKIP_DECODE:-0}
SKIP_JPEG=${BENCH_SKIP_JPEG:-0}
NO_OURS=${BENCH_NO_OURS:-0}
JAR=${PERFECTFRAME_JAR:-target/perfectframe.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
OURS_CMD=${PERFECTFRAME_CMD:-}
GENERATE_ONLY=0
REGEN=0
KEEP=0

while (($#)); do
  case $1 in
    --only) (($# >= 2)) || die "--only needs a value"; ONLY=$2; shift ;;
    --only=*) ONLY=${1#*=} ;;
    --reps) (($# >= 2)) || die "--reps needs a value"; REPS=$2; shift ;;
    --reps=*) REPS=${1#*=} ;;
    --skip-decode) SKIP_DECODE=1 ;;
    --skip-ffmpeg-jpeg|--skip-jpeg) SKIP_JPEG=1 ;;
    --no-ours) NO_OURS=1 ;;
    --generate-only) GENERATE_ONLY=1 ;;
    --regen) REGEN=1 ;;
    --keep) KEEP=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

is_uint() { [[ $1 =~ ^[0-9]+$ ]] && (($1 > 0)); }
is_uint "$REPS" || die "--reps/BENCH_REPS must be a positive integer (got '$REPS')"
is_uint "$SECONDS_1080" || die "BENCH_SECONDS must be a positive integer (got '$SECONDS_1080')"
is_uint "$SECONDS_4K" || die "BENCH_4K_SECONDS must be a positive integer (got '$SECONDS_4K')"
[[ $NOISE =~ ^[0-9]+$ ]] || die "BENCH_NOISE must be an integer (got '$NOISE')"
[[ $CRF =~ ^[0-9]+$ ]] || die "BENCH_CRF must be an integer (got '$CRF')"

VIDEOS=()
if [[ -n $ONLY ]]; then
  IFS=', ' read -r -a wanted <<<"$ONLY"
  for v in "${wanted[@]}"; do
    [[ -z $v ]] && continue
    [[ " $ALL_VIDEOS " == *" $v "* ]] || die "unknown video '$v' (known: $ALL_VIDEOS)"
    VIDEOS+=("$v")
  done
  ((${#VIDEOS[@]})) || die "--only selected no video"
else
  read -r -a VIDEOS <<<"$ALL_VIDEOS"
fi

# ---------------------------------------------------------- prerequisites
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffprobe)
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (GNU time)")
if ((${#missing[@]})); then
  note "frames.sh: missing: ${missing[*]}"
  note "  install them with:  sudo apt-get install -y ffmpeg time   (Debian/Ubuntu)"
  exit 2
fi
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null || true)
[[ $encoders == *libx264* ]] || die "this ffmpeg has no libx264 encoder (needed to generate the videos)"

RUN_OURS=0
if ((!GENERATE_ONLY && !NO_OURS)); then
  RUN_OURS=1
  if [[ -z $OURS_CMD ]]; then
    if [[ ! -f $JAR ]]; then
      note "frames.sh: jar not found: $REPO_ROOT/$JAR"
      note "  build it first:   (cd '$REPO_ROOT' && ./mvnw -q -B package -DskipTests)"
      note "  or run without our tool:  bench/frames.sh --no-ours"
      exit 2
    fi
    command -v "$JAVA" >/dev/null 2>&1 || die "java not found ('$JAVA'); install a JDK 17+ or set JAVA"
  fi
fi

mkdir -p "$CACHE" || die "cannot create cache dir $CACHE"
CACHE=$(cd "$CACHE" && pwd)

# Work dir lives inside the cache dir so the input copy can be a hardlink.
WORK=$(mktemp -d "$CACHE/run.XXXXXX")
GEN_TMP=""
cleanup() {
  local rc=$?
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
font=""
find_font() {
  local f candidates=()
  [[ -n ${BENCH_FONT:-} ]] && candidates+=("$BENCH_FONT")
  if command -v fc-match >/dev/null 2>&1; then
    f=$(fc-match -f '%{file}' monospace 2>/dev/null || true)
    [[ -n $f ]] && candidates+=("$f")
  fi
  candidates+=(/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
               /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
  for f in "${candidates[@]}"; do
    [[ -f $f && $f != *[:\'\\,]* ]] || continue
    if ffmpeg -nostdin -hide_banner -loglevel error -f lavfi -i color=size=64x64:duration=0.1 \
         -vf "drawtext=fontfile=$f:text=x" -f null - >/dev/null 2>&1; then
      font=$f
      return 0
    fi
  done
  return 1
}
font_checked=0

video_params() { # name -> "W H SECONDS X264PARAMS"
  case $1 in
    1080p-gop250) echo "1920 1080 $SECONDS_1080 -" ;;
    1080p-gop30) echo "1920 1080 $SECONDS_1080 keyint=30:min-keyint=30:scenecut=0" ;;
    2160p-gop250) echo "3840 2160 $SECONDS_4K -" ;;
  esac
}

video_path() {
  local w h secs x264
  read -r w h secs x264 <<<"$(video_params "$1")"
  printf '%s/%s-%ss-n%s-%s-crf%s.mp4' "$CACHE" "$1" "$secs" "$NOISE" "$PRESET" "$CRF"
}

generate() { # name
  local name=$1 out w h secs x264 vf fs stats=()
  out=$(video_path "$name")
  if [[ -s $out ]] && ((!REGEN)); then
    note "cached: $out"
    return 0
  fi
  read -r w h secs x264 <<<"$(video_params "$name")"
  if ((!font_checked)); then
    font_checked=1
    find_font || note "note: drawtext has no usable font; videos get no frame-number overlay"
  fi
  vf="noise=alls=$NOISE:allf=t"
  if [[ -n $font ]]; then
    fs=$((h / 14))
    vf+=",drawtext=fontfile=$font:text='%{frame_num}  %{pts\\:hms}':x=$((w / 40)):y=$((h / 40))"
    vf+=":fontsize=$fs:fontcolor=white:box=1:boxcolor=black"
  fi
  local x264args=()
  [[ $x264 != - ]] && x264args=(-x264-params "$x264")
  [[ -t 2 ]] && stats=(-stats)
  note "generating $name: ${w}x${h} 30 fps ${secs}s, preset $PRESET, crf $CRF, noise $NOISE, gop ${x264/#-/default (250)} ..."
  GEN_TMP="$CACHE/.tmp.$name.$$.mp4"
  local t0=$SECONDS
  ffmpeg -nostdin -hide_banner -loglevel error "${stats[@]}" -y \
    -f lavfi -i "testsrc2=size=${w}x${h}:rate=30:duration=$secs" \
    -vf "$vf" -c:v libx264 -preset "$PRESET" -crf "$CRF" "${x264args[@]}" \
    -pix_fmt yuv420p -an "$GEN_TMP" || die "ffmpeg failed generating $name"
  mv -f -- "$GEN_TMP" "$out"
  GEN_TMP=""
  note "  done in $((SECONDS - t0)) s: $out"
}

describe() { # path -> "duration_s frames size_MB Mbit/s"
  local dur frames size
  dur=$(ffprobe -v error -select_streams v:0 -show_entries format=duration -of csv=p=0 "$1")
  frames=$(ffprobe -v error -select_streams v:0 -show_entries stream=nb_frames -of csv=p=0 "$1")
  size=$(stat -c %s "$1")
  awk -v d="$dur" -v f="$frames" -v s="$size" \
    'BEGIN { printf "%.1f %s %.1f %.1f", d, f, s / 1048576, (d > 0 ? s * 8 / d / 1e6 : 0) }'
}

for v in "${VIDEOS[@]}"; do generate "$v"; done
((GENERATE_ONLY)) && { note "videos ready in $CACHE"; exit 0; }

# ------------------------------------------------------------ measurement
count_jpegs() {
  find "$1" -type f \( -iname '*.jpg' -o -iname '*.jpeg' \) | wc -l | tr -d ' '
}

median() { # numbers... -> median
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
    END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

FAILED=0
declare -A SEC RSS JPG   # key "video|cmd"

# run_one video cmd rep -> appends "sec rsskb" to $WORK/VIDEO.CMD.times
run_one() {
  local video=$1 cmd=$2 rep=$3 src dir in out log tf
  src=$(video_path "$video")
  dir="$WORK/$video.$cmd.$rep"
  in="$dir/in" out="$dir/out" log="$dir/log" tf="$dir/time"
  mkdir -p "$in" "$out"
  local argv=()
  case $cmd in
    decode) argv=(ffmpeg -nostdin -hide_banner -loglevel error -i "$src" -f null -) ;;
    fps1) argv=(ffmpeg -nostdin -hide_banner -loglevel error -i "$src" -vf fps=1 "$out/out%05d.jpg") ;;
    ours)
      # Our tool renames processed videos; give it its own link/copy.
      ln -- "$src" "$in/" 2>/dev/null || cp -- "$src" "$in/"
      if [[ -n $OURS_CMD ]]; then
        argv=(bash -c "$OURS_CMD" perfectframe-cmd "$in" "$out")
      else
        local jopts=()
        [[ -n $JAVA_OPTS ]] && read -r -a jopts <<<"$JAVA_OPTS"
        argv=("$JAVA" "${jopts[@]}" -jar "$JAR" best_frames_extractor -i "$in" -o "$out" --all_frames)
      fi
      ;;
  esac
  printf '  %-13s %-7s rep %d ... ' "$video" "$cmd" "$rep" >&2
  local rc=0
  /usr/bin/time -f '%e %M' -o "$tf" "${argv[@]}" </dev/null >"$log" 2>&1 || rc=$?
  if ((rc != 0)); then
    note "FAILED (exit $rc): ${argv[*]}"
    tail -n 15 "$log" | sed 's/^/      | /' >&2
    FAILED=1
    return 1
  fi
  local sec rss
  read -r sec rss < <(tail -n 1 "$tf")
  JPG["$video|$cmd"]=$(count_jpegs "$out")
  printf '%s %s\n' "$sec" "$rss" >>"$WORK/$video.$cmd.times"
  note "$(awk -v s="$sec" -v r="$rss" 'BEGIN { printf "%.2f s, %.0f MB", s, r / 1024 }'), ${JPG["$video|$cmd"]} jpg"
  [[ -e $src ]] || { note "cached video vanished: $src"; FAILED=1; return 1; }
  ((KEEP)) || rm -rf -- "$dir"
}

CMDS=()
((SKIP_DECODE)) || CMDS+=(decode)
((SKIP_JPEG)) || CMDS+=(fps1)
((RUN_OURS)) && CMDS+=(ours)
((${#CMDS[@]})) || die "nothing to run (all commands skipped)"

note ""
note "machine: $(nproc) cores; $(ffmpeg -hide_banner -version | head -n 1)"
if [[ -r /proc/loadavg ]]; then
  read -r load1 _ </proc/loadavg
  if awk -v l="$load1" -v n="$(nproc)" 'BEGIN { exit !(l > n * 0.5) }'; then
    note "WARNING: load average $load1 on $(nproc) cores before starting; other work will skew the timings"
  fi
fi
if ((RUN_OURS)); then
  if [[ -n $OURS_CMD ]]; then note "ours: PERFECTFRAME_CMD=$OURS_CMD"
  else note "ours: $JAVA ${JAVA_OPTS:+$JAVA_OPTS }-jar $JAR ($("$JAVA" -version 2>&1 | head -n 1))"; fi
fi
note "reps: $REPS (median reported when > 1)"

declare -A INFO
for v in "${VIDEOS[@]}"; do
  src=$(video_path "$v")
  INFO[$v]=$(describe "$src")
  cat -- "$src" >/dev/null   # warm the page cache so the first command is not penalised
  for ((r = 1; r <= REPS; r++)); do
    for c in "${CMDS[@]}"; do
      run_one "$v" "$c" "$r" || true
    done
  done
  for c in "${CMDS[@]}"; do
    tf="$WORK/$v.$c.times"
    [[ -s $tf ]] || continue
    mapfile -t secs < <(awk '{ print $1 }' "$tf")
    mapfile -t rsss < <(awk '{ print $2 }' "$tf")
    SEC["$v|$c"]=$(median "${secs[@]}")
    RSS["$v|$c"]=$(median "${rsss[@]}")
  done
done

# ---------------------------------------------------------------- report
# Samples at t = 0, 1, 2, ... s: frames k*30 (30 fps) for k*30 < frame count.
expected_samples() {
  local d f s b
  read -r d f s b <<<"${INFO[$1]}"
  [[ $f =~ ^[0-9]+$ ]] && echo $(((f + 29) / 30)) || echo "?"
}
sec() { printf '%s' "${SEC[$1]:-}"; }
rss() { printf '%s' "${RSS[$1]:-}"; }
jpg() { printf '%s' "${JPG[$1]:-}"; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print ""; else printf "%.2f", a / b }'; }

echo
echo "Videos (cache: $CACHE)"
printf '  %-13s %9s %7s %8s %9s %8s\n' video seconds frames samples size_MB Mbit/s
for v in "${VIDEOS[@]}"; do
  read -r d f s b <<<"${INFO[$v]}"
  printf '  %-13s %9s %7s %8s %9s %8s\n' "$v" "$d" "$f" "$(expected_samples "$v")" "$s" "$b"
done

echo
echo "Timings (wall s and peak RSS: median of $REPS run(s))"
printf '  %-13s %-7s %9s %12s %7s\n' video command seconds peak_RSS_MB jpegs
for v in "${VIDEOS[@]}"; do
  for c in "${CMDS[@]}"; do
    s=$(sec "$v|$c")
    if [[ -z $s ]]; then
      printf '  %-13s %-7s %9s %12s %7s\n' "$v" "$c" ERROR - -
    else
      n=$(jpg "$v|$c") flag=""
      [[ $c != decode && $n != "$(expected_samples "$v")" ]] && flag="  <- expected $(expected_samples "$v")"
      printf '  %-13s %-7s %9.2f %12.0f %7s%s\n' "$v" "$c" "$s" \
        "$(awk -v r="$(rss "$v|$c")" 'BEGIN { print r / 1024 }')" "$n" "$flag"
    fi
  done
done

echo
echo "Ratios"
printf '  %-13s %14s %14s\n' video ours/decode fps1/ours
for v in "${VIDEOS[@]}"; do
  a=$(div "$(sec "$v|ours")" "$(sec "$v|decode")")
  b=$(div "$(sec "$v|fps1")" "$(sec "$v|ours")")
  printf '  %-13s %14s %14s\n' "$v" "${a:-n/a}" "${b:-n/a}"
done

# verdict ok? text -> prints PASS/MISS/SKIP line
verdict() { # label value op limit unit
  local label=$1 val=$2 op=$3 lim=$4 unit=$5 res
  if [[ -z $val ]]; then
    res="n/a (not measured, skipped or failed)"
  elif awk -v x="$val" -v y="$lim" -v op="$op" \
         'BEGIN { exit !((op == "<=" && x <= y) || (op == ">=" && x >= y) || (op == "<" && x < y)) }'; then
    res="PASS ($val$unit $op $lim$unit)"
  else
    res="MISS ($val$unit, want $op $lim$unit)"
  fi
  printf '  %-46s %s\n' "$label" "$res"
}

echo
echo "Targets"
verdict "1080p-gop250: ours / whole decode" "$(div "$(sec '1080p-gop250|ours')" "$(sec '1080p-gop250|decode')")" "<=" 0.75 x
verdict "1080p-gop30: (-vf fps=1) / ours" "$(div "$(sec '1080p-gop30|fps1')" "$(sec '1080p-gop30|ours')")" ">=" 3.5 x
rss4k=$(rss '2160p-gop250|ours')
[[ -n $rss4k ]] && rss4k=$(awk -v r="$rss4k" 'BEGIN { printf "%.0f", r / 1024 }')
verdict "2160p-gop250: ours peak RSS" "$rss4k" "<" 600 " MB"

if ((FAILED)); then
  note ""
  note "frames.sh: some commands failed (see above)"
  exit 1
fi
