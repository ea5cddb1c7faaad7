#!/usr/bin/env bash
# NIMA scoring benchmark (issue 3): images/s at batch 1, 16 and 64, GFLOP/s achieved, ratio to the fp32 matmul
# peak measured through the same TensorFlow runtime, oneDNN bfloat16 speed-up and score difference.
# Uses MODELS/weights.h5 when present, synthetic weights otherwise. Extra arguments go to the command, e.g.
#   bench/nima.sh --seconds 20 --batch_sizes 1,16,64 --compare-bn
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-1}"
exec java -Xmx4g -Dlogback.configurationFile=bench/logback.xml \
  -cp target/perfectframe.jar com.perfectframe.cli.NimaBenchmarkCommand "$@"
