#!/usr/bin/env bash
# Lints the Docker delivery with tools that need no Docker engine:
#   - .ci/check_docker_files.py: the contracts (stages, non-root user, port, volumes, health check, compose
#     service and its GPU override, classic-builder compatibility, .dockerignore vs COPY, CRLF in .bat/.ps1);
#   - dockerfile-utils (the Dockerfile linter of VS Code's Docker support) and dclint (Docker Compose linter,
#     validates against the compose-spec schema), pinned, installed from npm into a cache folder;
#   - shellcheck on quick_demo.sh (Debian package).
# hadolint is not used: neither Debian nor npm ships its binary (npm's "hadolint" downloads it at install time).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 .ci/check_docker_files.py

tools="${XDG_CACHE_HOME:-$HOME/.cache}/perfectframe-lint"
if [ ! -x "$tools/node_modules/.bin/dclint" ] || [ ! -x "$tools/node_modules/.bin/dockerfile-utils" ]; then
  echo "Installing dockerfile-utils and dclint from npm into $tools..."
  npm install --prefix "$tools" --no-audit --no-fund --no-save --silent dockerfile-utils@0.16.3 dclint@3.1.0
fi
"$tools/node_modules/.bin/dockerfile-utils" lint Dockerfile
echo "Dockerfile: dockerfile-utils found no problem"
# no-build-and-image: naming the built image (perfectframe:cpu/gpu) is deliberate, so that users can
# `docker run perfectframe:cpu COMMAND`.
# require-project-name-field is off: docker-compose 1.x refuses the top-level name: key.
# no-unbound-port-interfaces and require-quotes-in-ports are off: they do not read an interface given by a variable
# ("${PERFECTFRAME_PUBLISH:-127.0.0.1}:8100:8100", quoted); check_docker_files.py checks the loopback default instead.
for file in docker-compose.yaml docker-compose.gpu.yaml; do
  "$tools/node_modules/.bin/dclint" "$file" --disable-rule no-build-and-image --disable-rule require-project-name-field \
    --disable-rule no-unbound-port-interfaces --disable-rule require-quotes-in-ports --max-warnings 0
  echo "$file: dclint found no problem"
done

if ! command -v shellcheck >/dev/null 2>&1; then
  echo "Installing shellcheck..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq shellcheck >/dev/null
fi
shellcheck quick_demo.sh .ci/lint-docker.sh .ci/run docker/entrypoint.sh
echo "quick_demo.sh: shellcheck found no problem"
