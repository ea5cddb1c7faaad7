#!/usr/bin/env python3
"""Checks the Docker delivery's contracts without a Docker engine.

Generic linters (run by lint-docker.sh) check syntax and the compose schema; this checks what they cannot know:
the stages, user, ports, volumes and health check the README and the quick demos rely on, the one compose service
and its GPU override, that the Dockerfile
stays buildable by the classic builder Testcontainers uses, that every COPY source survives .dockerignore,
and the scripts' line endings. Prints one line per problem; exits 1 if there is any.
"""
import fnmatch
import os
import re
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def read(path, mode="r"):
    with open(os.path.join(ROOT, path), mode) as f:
        return f.read()


def dockerfile_instructions(text):
    """(line number, INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    result, buffer, start = [], "", 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if buffer and stripped.startswith("#"):
            continue
        if not buffer:
            start = number
        if stripped.endswith("\\"):
            buffer += stripped[:-1] + " "
            continue
        buffer += stripped
        keyword, _, args = buffer.partition(" ")
        result.append((start, keyword.upper(), args.strip()))
        buffer = ""
    return result


def check_dockerfile():
    text = read("Dockerfile")
    if re.search(r"^\s*#\s*syntax\s*=", text, re.M | re.I):
        problem("Dockerfile", "a '# syntax=' line needs BuildKit; Testcontainers builds with the classic builder")
    instructions = dockerfile_instructions(text)
    stages = [(n, args) for n, kw, args in instructions if kw == "FROM"]
    names = [re.split(r"\s+as\s+", args, flags=re.I)[-1] if re.search(r"\s+as\s+", args, re.I) else None
             for _, args in stages]
    if names[:1] != ["build"] or names[-1:] != ["runtime"] or len(stages) != 2:
        problem("Dockerfile", f"expected two stages, 'build' then 'runtime', found {names}")
    if stages and not stages[-1][1].startswith("${RUNTIME_IMAGE}"):
        problem("Dockerfile", "the runtime stage must be FROM ${RUNTIME_IMAGE} (the CPU/GPU switch)")
    if not re.search(r"^ARG RUNTIME_IMAGE=eclipse-temurin:17-jre", text, re.M):
        problem("Dockerfile", "ARG RUNTIME_IMAGE must default to an eclipse-temurin:17-jre image (the CPU variant)")

    runtime_from = stages[-1][0] if stages else 0
    build = [(n, kw, a) for n, kw, a in instructions if n < runtime_from]
    runtime = [(n, kw, a) for n, kw, a in instructions if n >= runtime_from]

    for n, kw, args in instructions:
        if kw == "RUN" and "--mount" in args.split(" ", 1)[0]:
            problem(f"Dockerfile:{n}", "RUN --mount needs BuildKit")
        if kw in ("RUN", "COPY", "ADD") and re.search(r"<<-?\s*['\"]?[A-Z]+", args):
            problem(f"Dockerfile:{n}", "heredocs need BuildKit")
        if kw in ("COPY", "ADD") and "--chmod" in args:
            problem(f"Dockerfile:{n}", "COPY --chmod needs BuildKit")

    # The dependency layer must come before the sources, or every code change downloads Maven Central again.
    runs = [(n, a) for n, kw, a in build if kw == "RUN"]
    copies = [(n, a) for n, kw, a in build if kw == "COPY"]
    offline = next((n for n, a in runs if "./mvnw" in a and "dependency:go-offline" in a), None)
    sources = next((n for n, a in copies if "src/main" in a.split()[0]), None)
    package = next((n for n, a in runs if "./mvnw" in a and " package" in a), None)
    if offline is None or sources is None or package is None or not offline < sources < package:
        problem("Dockerfile", "build stage must run ./mvnw dependency:go-offline, then COPY the sources, then ./mvnw package")

    def runtime_args(keyword):
        return [a for _, kw, a in runtime if kw == keyword]

    # The container starts as root only for docker/entrypoint.sh, which drops to the mounted folder's owner.
    users = runtime_args("USER")
    if users and users[-1].split(":")[0] not in ("root", "0"):
        problem("Dockerfile", "the runtime stage must start as root: its entrypoint adopts the mounted folders' owner")
    entrypoint = read("docker/entrypoint.sh")
    if "setpriv" not in entrypoint or "--bounding-set=-all" not in entrypoint or 'exec "$@"' not in entrypoint:
        problem("docker/entrypoint.sh", "must drop privileges with setpriv (all capabilities) and exec its arguments")
    if "8100" not in " ".join(runtime_args("EXPOSE")).split():
        problem("Dockerfile", "the runtime stage must EXPOSE 8100")
    health = " ".join(runtime_args("HEALTHCHECK"))
    if "/actuator/health" not in health or "curl" not in health:
        problem("Dockerfile", "HEALTHCHECK must query /actuator/health (with curl)")
    if not re.search(r"\bcurl\b", " ".join(runtime_args("RUN"))):
        problem("Dockerfile", "the runtime stage must install curl for the HEALTHCHECK")
    volumes = " ".join(runtime_args("VOLUME"))
    for folder in ("/app/input_directory", "/app/output_directory", "/app/models"):
        if folder not in volumes:
            problem("Dockerfile", f"VOLUME must include {folder}")
    if (runtime_args("ENTRYPOINT")[-1:] != ['["perfectframe-entrypoint", "java", "-jar", "app.jar"]']
            or runtime_args("CMD")[-1:] != ['["serve"]']):
        problem("Dockerfile", 'expected ENTRYPOINT ["perfectframe-entrypoint", "java", "-jar", "app.jar"] and CMD ["serve"]')
    env = " ".join(runtime_args("ENV"))
    for needed in ("TENSORFLOW_LIBRARY_PATH=/opt/tensorflow", "-DTENSORFLOW_LIBRARY_PATH=/opt/tensorflow",
                   "-Djava.library.path=/opt/javacpp", "-Dorg.bytedeco.javacpp.pathsFirst=true",
                   "PERFECTFRAME_ALLOWED_ROOTS=/app"):
        if needed not in env:
            problem("Dockerfile", f"runtime ENV must set {needed}")

    # Every file the build copies from the context must be in the repository and let through by .dockerignore.
    ignore = [line.strip() for line in read(".dockerignore").splitlines()
              if line.strip() and not line.startswith("#")]
    for n, kw, args in instructions:
        if kw not in ("COPY", "ADD") or "--from=" in args:
            continue
        parts = [p for p in args.split() if not p.startswith("--")]
        for source in parts[:-1]:
            source = source.rstrip("/")
            if not os.path.exists(os.path.join(ROOT, source)):
                problem(f"Dockerfile:{n}", f"COPY source {source} does not exist")
            elif dockerignored(source, ignore):
                problem(f"Dockerfile:{n}", f"COPY source {source} is excluded by .dockerignore")
    if not dockerignored("target/perfectframe.jar", ignore) or not dockerignored(".git", ignore):
        problem(".dockerignore", "must exclude target and .git")
    if dockerignored("Dockerfile", ignore):
        problem(".dockerignore", "must not exclude the Dockerfile (docker-java, used by Testcontainers, refuses that)")


def dockerignored(path, patterns):
    """Docker's rule: the last pattern matching the path or one of its parent folders decides."""
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        parts = path.split("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
        if any(fnmatch.fnmatchcase(p, pattern) and p.count("/") == pattern.count("/") for p in prefixes):
            excluded = not negated
    return excluded


def check_compose():
    """One service in docker-compose.yaml, the CPU image, started by a plain `up` (no profiles); the GPU override
    file turns that same service into the GPU one, so that the two can never both run on one port."""
    compose = yaml.safe_load(read("docker-compose.yaml"))
    services = compose.get("services", {})
    if len(services) != 1:
        problem("docker-compose.yaml", f"expected exactly one service, found {sorted(services)}")
        return
    name, service = next(iter(services.items()))
    where = f"docker-compose.yaml:{name}"
    if service.get("profiles"):
        problem(where, "must have no profiles: `docker-compose up --build -d` must start it")
    # Bound to an interface and a port of the host: "${PERFECTFRAME_PUBLISH:-127.0.0.1}:${PERFECTFRAME_PORT:-8100}:8100".
    if not any(str(p).endswith(":8100") and "127.0.0.1" in str(p) for p in service.get("ports", [])):
        problem(where, "must publish the container's 8100 on the host's loopback by default")
    volumes = service.get("volumes", [])
    for folder in ("input_directory", "output_directory", "models"):
        if f"./{folder}:/app/{folder}" not in volumes:
            problem(where, f"must bind ./{folder} to /app/{folder}")
    build = service.get("build", {})
    if build.get("context") != ".":
        problem(where, "must build the Dockerfile at the repository root")
    if (build.get("args") or {}).get("RUNTIME_IMAGE") or service.get("deploy"):
        problem(where, "the plain service must use the default (CPU) runtime image and reserve no GPU")

    gpu = yaml.safe_load(read("docker-compose.gpu.yaml")).get("services", {})
    where = "docker-compose.gpu.yaml"
    if list(gpu) != [name]:
        problem(where, f"must override the one service {name}, found {sorted(gpu)}")
        return
    override = gpu[name]
    if override.get("ports") or override.get("profiles"):
        problem(where, "must not add ports or profiles (one service, one port)")
    runtime = ((override.get("build") or {}).get("args") or {}).get("RUNTIME_IMAGE")
    if not runtime or not re.match(r"nvidia/cuda:11\.\d+(\.\d+)?-cudnn8-runtime-", runtime):
        problem(where, "RUNTIME_IMAGE must be an nvidia/cuda 11.x cudnn8 runtime image (TensorFlow 2.10)")
    devices = (((override.get("deploy") or {}).get("resources") or {}).get("reservations") or {}).get("devices")
    if not devices or devices[0].get("driver") != "nvidia" or "gpu" not in devices[0].get("capabilities", []):
        problem(where, "must reserve an NVIDIA GPU (deploy.resources.reservations.devices)")
    if override.get("image") == service.get("image"):
        problem(where, "must name the GPU image apart from the CPU one")


def check_line_endings():
    for path in ("quick_demo_cpu.bat", "quick_demo_gpu.bat", "quick_demo.ps1"):
        data = read(path, "rb")
        if data.count(b"\n") != data.count(b"\r\n") or not data.endswith(b"\r\n"):
            problem(path, "must have CRLF line endings on every line")
        if any(b > 127 for b in data):
            problem(path, "must be ASCII (Windows PowerShell 5.1 reads BOM-less scripts in the ANSI code page)")
    for path in ("quick_demo.sh", "mvnw", "Dockerfile", ".ci/lint-docker.sh", "docker/entrypoint.sh"):
        if b"\r" in read(path, "rb"):
            problem(path, "must have LF line endings")
    for path in ("quick_demo.sh", "mvnw", ".ci/lint-docker.sh", "docker/entrypoint.sh"):
        if not os.access(os.path.join(ROOT, path), os.X_OK):
            problem(path, "must be executable")


def main():
    check_dockerfile()
    check_compose()
    check_line_endings()
    for line in problems:
        print(line)
    print(f"Docker files: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
