#!/bin/sh
# Quick demo: build and start PerfectFrame with Docker Compose, extract the best frames of the videos in
# ./input_directory, follow the job, and say where the frames are.
#
# Usage: ./quick_demo.sh [--gpu] [--all_frames] [--no-compose]
#   --gpu         use the NVIDIA GPU image (adds docker-compose.gpu.yaml); default: the CPU image
#   --all_frames  write every 1-second sample instead of the best frame of each group (no scoring)
#   --no-compose  do not build or start anything: use the service already running at $PERFECTFRAME_URL
# Environment: PERFECTFRAME_URL (default http://localhost:8100), HEALTH_TIMEOUT seconds (default 300).
set -eu

cd "$(dirname "$0")"
variant=cpu
all_frames=false
compose=true
for arg in "$@"; do
  case "$arg" in
    --gpu) variant=gpu ;;
    --cpu) variant=cpu ;;
    --all_frames) all_frames=true ;;
    --no-compose) compose=false ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
url="${PERFECTFRAME_URL:-http://localhost:8100}"
health_timeout="${HEALTH_TIMEOUT:-300}"

die() { echo "Error: $*" >&2; exit 1; }
command -v curl >/dev/null 2>&1 || die "curl is needed (e.g. apt-get install curl)."

mkdir -p input_directory output_directory models
videos=0
for f in input_directory/*; do
  case "$f" in
    input_directory/frames_extracted_*) ;;
    *.[mM][pP]4|*.[mM][oO][vV]|*.[wW][eE][bB][mM]|*.[mM][kK][vV]|*.[aA][vV][iI]) videos=$((videos + 1)) ;;
  esac
done
if [ "$videos" = 0 ]; then
  echo "Note: ./input_directory has no video to process (.mp4 .mov .webm .mkv .avi, not yet renamed"
  echo "      frames_extracted_...). Copy some videos there; the job will report that it found none."
fi

if [ "$compose" = true ]; then
  command -v docker >/dev/null 2>&1 || die "docker is not installed (https://docs.docker.com/get-docker/)."
  # The container writes into the shared folders as their owner (its entrypoint adopts it), root included.
  # Compose v2 (`docker compose`), else the older docker-compose 1.x, which reads the same file.
  if docker compose version >/dev/null 2>&1; then
    compose_cmd="docker compose"
  elif command -v docker-compose >/dev/null 2>&1; then
    compose_cmd="docker-compose"
  else
    die "neither 'docker compose' nor docker-compose is installed (https://docs.docker.com/compose/install/)."
  fi
  # One service either way: the GPU override file turns it into the GPU one, so the two never share the port.
  if [ "$variant" = gpu ]; then
    compose_cmd="$compose_cmd -f docker-compose.yaml -f docker-compose.gpu.yaml"
  fi
  echo "Building and starting the $variant service (the first build takes several minutes)..."
  $compose_cmd up -d --build || die "$compose_cmd could not start the service (see above)."
fi

printf 'Waiting for %s/actuator/health ' "$url"
waited=0
until curl -fsS "$url/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  if [ "$waited" -ge "$health_timeout" ]; then
    echo
    die "the service did not become healthy within ${health_timeout} s. Look at its log: ${compose_cmd:-docker compose} logs"
  fi
  printf '.'; sleep 2; waited=$((waited + 2))
done
echo " up."

# A value from the service's JSON in $status, without needing jq: field OBJECT NAME, where OBJECT is "job" (the
# running job; its progress fields come before any nested object) or "last_job" (the finished job, last in the
# document). Strings are tried first, then numbers and null.
field() {
  if [ "$1" = job ]; then prefix='.*"job":{[^}]*'; else prefix='.*"last_job":{.*'; fi
  v="$(printf '%s' "$status" | sed -n "s/$prefix\"$2\":\"\([^\"]*\)\".*/\1/p")"
  [ -n "$v" ] || v="$(printf '%s' "$status" | sed -n "s/$prefix\"$2\":\([^\",}]*\).*/\1/p")"
  printf '%s' "$v"
}
status="$(curl -fsS "$url/")" || die "could not reach $url."
previous_start="$(field last_job started_at)"

echo "Starting best_frames_extractor on input_directory (all_frames: $all_frames)..."
body="{\"input_directory\":\"input_directory\",\"output_directory\":\"output_directory\",\"all_frames\":$all_frames}"
answer="$(curl -sS -w '\n%{http_code}' -X POST "$url/extractors/best_frames_extractor" \
  -H 'Content-Type: application/json' -d "$body")" || die "could not reach $url."
code="$(printf '%s' "$answer" | tail -n 1)"
case "$code" in
  200) printf '%s\n' "$answer" | sed '$d' ;;
  409) echo "A job is already running; following it." ;;
  *) die "the service refused the job (HTTP $code): $(printf '%s' "$answer" | sed -n 's/.*"detail":"\([^"]*\)".*/\1/p')" ;;
esac

last_line=""
while :; do
  status="$(curl -fsS "$url/")" || die "lost contact with the service at $url."
  if printf '%s' "$status" | grep -q '"active_extractor":null'; then
    if [ "$(field last_job started_at)" != "$previous_start" ] || [ "$code" = 409 ]; then break; fi
  else
    line="$(field job current_file): file $(field job files_done)/$(field job files_total),"
    line="$line samples $(field job samples_done)/$(field job samples_total),"
    line="$line pictures written $(field job pictures_written), $(field job percent)%"
    if [ "$line" != "$last_line" ]; then echo "  $line"; fi
    last_line="$line"
  fi
  sleep 2
done

state="$(field last_job state)"
echo "Job $state: $(field last_job summary)"
if [ "$state" != succeeded ]; then
  echo "  error: $(field last_job error)"
fi
errors="$(printf '%s' "$status" | sed -n 's/.*"last_job":{.*"errors":\(\[.*\]\),"summary".*/\1/p')"
if [ -n "$errors" ] && [ "$errors" != "[]" ]; then
  echo "  files with problems: $errors"
fi
echo "Frames are in $(pwd)/output_directory (manifest.csv lists them); processed videos were renamed frames_extracted_..."
if [ "$compose" = true ]; then
  echo "The service keeps running on $url; stop it with: ${compose_cmd:-docker compose} down"
fi
[ "$state" = succeeded ]
