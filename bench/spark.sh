#!/usr/bin/env bash
# bench/spark.sh - the Spark job in local[2] mode vs the command line on the same videos (not a test).
#
# Both run best frames on the same folder of videos (default: the best-frames benchmark videos cached by
# bench/frames.sh: the 5-minute 1080p and the 1-minute 4K), one after the other in this run, under GNU time. Prints
# each one's wall time and peak RSS, the ratio Spark / command line (target <= 1.25), and checks that both wrote the
# same pictures, byte for byte.
# Uses MODELS_DIR/weights.h5; when absent, synthetic weights in a temporary folder (timings real, scores meaningless).
#
# Usage: bench/spark.sh [VIDEO...]    env: MODELS_DIR, SPARK_MASTER (default local[2])
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${PERFECTFRAME_BENCH_CACHE:-$HOME/.cache/perfectframe-bench}
master=${SPARK_MASTER:-local[2]}
[ -x /usr/bin/time ] || { echo "spark.sh: GNU time missing: apt-get install time" >&2; exit 2; }
# Spark itself is the cluster's (provided); here it comes from the Maven repository: the class path the spark module
# compiles with (written by each module in turn; the spark module, built last, has the final word).
./mvnw -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$PWD/target/spark-classpath.txt" >/dev/null

videos=("$@")
if [ ${#videos[@]} -eq 0 ]; then
  mapfile -t videos < <(ls "$cache"/1080p-gop250-*.mp4 "$cache"/2160p-gop250-*.mp4 2>/dev/null || true)
  [ ${#videos[@]} -gt 0 ] || { echo "spark.sh: no videos; run bench/frames.sh --generate-only first" >&2; exit 2; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/spark-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
models=${MODELS_DIR:-models}
if [ ! -f "$models/weights.h5" ]; then
  models="$work/models"
  mkdir -p "$models"
  echo "No $models/weights.h5: using synthetic weights (scores meaningless, timings real)."
  java -jar target/perfectframe.jar model synthesize --seed 1 -o "$models/weights.h5" >/dev/null
fi
# Converted once before either run, so that neither pays for it.
java -jar target/perfectframe.jar model convert --weights "$models/weights.h5" --models_dir "$models" >/dev/null

mkdir -p "$work/in-cli" "$work/in-spark"
for video in "${videos[@]}"; do
  ln "$video" "$work/in-cli/" 2>/dev/null || cp "$video" "$work/in-cli/"
  ln "$video" "$work/in-spark/" 2>/dev/null || cp "$video" "$work/in-spark/"
done

# What spark-submit passes to the JVM on Java 17.
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); videos: ${videos[*]##*/}"
/usr/bin/time -f '%e %M' -o "$work/time-cli" \
  java -jar target/perfectframe.jar best_frames_extractor -i "$work/in-cli" -o "$work/out-cli" \
  --models_dir "$models" --no-progress > "$work/cli.out" 2> "$work/cli.log" || { tail -5 "$work/cli.log"; exit 1; }
/usr/bin/time -f '%e %M' -o "$work/time-spark" \
  java -Xmx4g "${opens[@]}" -Dspark.master="$master" -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
  -cp "target/perfectframe-spark.jar:$(cat target/spark-classpath.txt)" com.perfectframe.spark.SparkExtractJob \
  best_frames --input "$work/in-spark" --output "$work/out-spark" --models_dir "$models" \
  > "$work/spark.out" 2> "$work/spark.log" || { tail -20 "$work/spark.log"; exit 1; }

read -r cli_s cli_kb < "$work/time-cli"
read -r spark_s spark_kb < "$work/time-spark"
echo "command line: $(cat "$work/cli.out")"
echo "spark:        $(cat "$work/spark.out")"
awk -v c="$cli_s" -v s="$spark_s" -v ck="$cli_kb" -v sk="$spark_kb" 'BEGIN {
  printf "command line %.1f s (peak RSS %.0f MB), Spark %s %.1f s (peak RSS %.0f MB): Spark / command line = %.2f (target <= 1.25)\n",
    c, ck / 1024, "'"$master"'", s, sk / 1024, s / c }'
same=yes
for f in "$work"/out-cli/*.jpg; do
  cmp -s "$f" "$work/out-spark/$(basename "$f")" || { same=no; echo "differs or missing: $(basename "$f")"; }
done
cli_n=$(ls "$work"/out-cli/*.jpg | wc -l); spark_n=$(ls "$work"/out-spark/*.jpg | wc -l)
echo "pictures: command line $cli_n, Spark $spark_n, identical: $same"
