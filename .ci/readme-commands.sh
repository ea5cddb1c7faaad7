#!/usr/bin/env bash
# Runs the README's commands that need neither Docker nor the network, in a scratch folder, so the README stays
# true: build, help, synthetic weights, frames extraction, best frames, top images, and the REST service.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/perfectframe.jar
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

./mvnw -q -B -ntp package -DskipTests
java -jar "$jar" --help > /dev/null
java -jar "$jar" help best_frames_extractor > /dev/null

mkdir -p "$work/in" "$work/photos" "$work/models"
ffmpeg -v error -f lavfi -i testsrc2=size=640x360:rate=25 -t 12 -c:v libx264 -pix_fmt yuv420p "$work/in/clip.mp4"
cp "$work/in/clip.mp4" "$work/in/second.mp4"
for i in 1 2 3 4 5 6 7 8 9 10; do
  ffmpeg -v error -f lavfi -i "testsrc2=size=320x240:rate=1" -vf "hue=h=$((i * 30))" -frames:v 1 "$work/photos/p$i.jpg"
done

# README: synthetic weights.
java -jar "$jar" model synthesize --seed 1 -o "$work/models/weights.h5"

# README: frames extraction.
java -jar "$jar" best_frames_extractor -i "$work/in" -o "$work/frames" --all_frames --no-progress
test -f "$work/in/frames_extracted_clip.mp4"
test "$(find "$work/frames" -name 'clip_*.jpg' | wc -l)" -eq 12

# README: the main job (with the synthetic weights instead of a download).
mv "$work/in/frames_extracted_second.mp4" "$work/in/second.mp4"
java -jar "$jar" best_frames_extractor -i "$work/in" -o "$work/best" --models_dir "$work/models" --no-progress
test "$(find "$work/best" -name 'second_*.jpg' | wc -l)" -eq 3

# README: top images.
java -jar "$jar" top_images_extractor -i "$work/photos" -o "$work/top" --models_dir "$work/models" --no-progress
test "$(find "$work/top" -name '*.jpg' | wc -l)" -ge 1

# README: the REST service.
port=18100
mv "$work/in/frames_extracted_clip.mp4" "$work/in/clip.mp4"
(cd "$work" && exec java -jar "$OLDPWD/$jar" serve -p "$port" --perfectframe.models-dir=models) \
  > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -fsS "localhost:$port/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fsS "localhost:$port/actuator/health" | grep -q UP
curl -fsS -X POST "localhost:$port/extractors/best_frames_extractor" -H 'Content-Type: application/json' \
  -d '{"input_directory": "in", "output_directory": "rest-out", "all_frames": true}' | grep -q started
for _ in $(seq 1 60); do
  curl -fsS "localhost:$port/" | grep -q '"state":"succeeded"' && break
  sleep 1
done
curl -fsS "localhost:$port/" | grep -q '"state":"succeeded"'
test "$(find "$work/rest-out" -name 'clip_*.jpg' | wc -l)" -eq 12
echo "README commands: all passed."
