# PerfectFrame container image.
#
#   CPU:  docker build -t perfectframe:cpu .
#   GPU:  docker build -t perfectframe:gpu --build-arg RUNTIME_IMAGE=nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04 .
#
# The variant is picked by the runtime base image alone (a build argument, not a second stage), so that every
# builder -- BuildKit, the classic builder that Testcontainers drives -- builds only what is asked for, and the
# CPU image never pulls CUDA. docker-compose.yaml sets the argument for its `gpu` profile.
#
# Only instructions that the classic builder understands are used (no heredocs, no RUN --mount).

# The CPU runtime. For the GPU: TensorFlow 2.10 (DJL's build is labelled cu113) needs CUDA 11.2+ and cuDNN 8;
# 11.8 is the last CUDA 11 release and runs on any driver >= 450.80 through CUDA's minor-version compatibility.
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-jammy

# ---------------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src

# binutils for strip (below). Its own layer, before anything from the repository, so it is built once.
# hadolint ignore=DL3008
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends binutils \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first: this layer is rebuilt only when the pom or the wrapper change, not when a source file does.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY core/pom.xml core/
COPY app/pom.xml app/
COPY spark/pom.xml spark/
# A checkout made on Windows may have CRLF line endings in the wrapper script; sh would not run it.
RUN sed -i 's/\r$//' mvnw && chmod +x mvnw && ./mvnw -B -q -ntp -pl app -am dependency:go-offline

COPY core/src/main/ core/src/main/
COPY app/src/main/ app/src/main/
# Tests run in CI, not in the image build (and the tests are not in the build context, see .dockerignore). The Spark
# module is not part of the image.
RUN ./mvnw -B -q -ntp -pl app -am package -Dmaven.test.skip=true -Dspotless.check.skip=true

# The build gives app.jar plus lib/ (a flat class path, see pom.xml). Dependencies change rarely, the application
# at every commit, so each is its own image layer and a rebuild after a code change ships only the small one.
RUN mkdir -p /layers/dependencies /layers/application \
    && mv target/lib /layers/dependencies/lib \
    && cp target/perfectframe.jar /layers/application/app.jar

# TensorFlow's native library (1 GB unpacked, 114 MB of it a symbol table only debuggers use: stripped) is unpacked
# here once instead of into a cache at every start; the application is pointed at it with TENSORFLOW_LIBRARY_PATH.
# The jar that carried it is then rebuilt without the .so files (licences and tensorflow.properties kept), or the
# image would hold the library twice (~500 MB more).
WORKDIR /tmp/tensorflow
RUN set -eu; \
    tfjar="$(ls /layers/dependencies/lib/tensorflow-native-*.jar)"; \
    jar xf "$tfjar"; \
    mkdir -p /opt/tensorflow; \
    mv native/lib/*.so* /opt/tensorflow/; \
    cp native/lib/tensorflow.properties /opt/tensorflow/; \
    strip --strip-unneeded /opt/tensorflow/*.so*; \
    rm "$tfjar"; \
    jar --create --file "$tfjar" --no-manifest -C /tmp/tensorflow .; \
    ls /opt/tensorflow/libjnitensorflow.so

# FFmpeg's, OpenCV's and OpenBLAS's native libraries (185 MB with FFmpeg 8.1 and OpenCV 4.14) are shipped once,
# unpacked, in /opt/javacpp: PreloadNatives makes JavaCPP extract them (and only what the application loads), they are gathered into one
# folder, and the platform jars are rebuilt without their .so files (or the image would hold them twice, ~79 MB
# compressed). At run time JAVA_TOOL_OPTIONS makes JavaCPP look in java.library.path=/opt/javacpp first
# (pathsFirst), so it extracts nothing. The second PreloadNatives run proves it (the jars no longer have the
# libraries, and nothing may be extracted from a jar); it leaves in /opt/javacpp-cache only the copies of OpenBLAS
# that JavaCPP makes under other names (~38 MB, else made at every start), reused at run time. Its folders are
# writable by anyone (sticky, like /tmp): the container's user is chosen at start and JavaCPP takes a lock there.
COPY docker/PreloadNatives.java /tmp/PreloadNatives.java
WORKDIR /tmp/javacpp-jars
RUN set -eu; \
    java -Dorg.bytedeco.javacpp.cachedir=/javacpp-cache \
        -cp "/layers/application/app.jar:/layers/dependencies/lib/*" /tmp/PreloadNatives.java >/dev/null; \
    mkdir -p /opt/javacpp; \
    find /javacpp-cache -type f -name '*.so*' -exec cp -n {} /opt/javacpp/ \; ; \
    strip --strip-unneeded /opt/javacpp/*.so*; \
    for jar in /layers/dependencies/lib/*-linux-x86_64.jar; do \
        rm -rf /tmp/javacpp-jars/*; \
        jar xf "$jar"; \
        find . -name '*.so*' -delete; \
        rm "$jar"; \
        jar --create --file "$jar" --no-manifest -C /tmp/javacpp-jars .; \
    done; \
    rm -rf /javacpp-cache /tmp/javacpp-jars/*; \
    java -Djava.library.path=/opt/javacpp -Dorg.bytedeco.javacpp.pathsFirst=true \
        -Dorg.bytedeco.javacpp.cachedir=/opt/javacpp-cache \
        -cp "/layers/application/app.jar:/layers/dependencies/lib/*" /tmp/PreloadNatives.java; \
    if [ -n "$(find /opt/javacpp-cache -maxdepth 1 -name '*.jar')" ]; then \
        echo "JavaCPP extracted libraries from the jars instead of loading them from /opt/javacpp" >&2; exit 1; \
    fi; \
    rm -f /opt/javacpp-cache/.lock; \
    find /opt/javacpp-cache -type d -exec chmod 1777 {} +

# ---------------------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

# The owner of the image's own folders, used when nothing is mounted on the output folder; with a bind mount the
# entrypoint adopts the mounted folder's owner instead (see docker/entrypoint.sh).
ARG APP_UID=1000
ARG APP_GID=1000

# curl is for the HEALTHCHECK. The Temurin image already has Java; the CUDA image gets the distribution's JRE 17.
# Versions are not pinned: the base image tag fixes the distribution release, and security updates should apply.
# hadolint ignore=DL3008
RUN set -eu; \
    pkgs="curl ca-certificates"; \
    command -v java >/dev/null 2>&1 || pkgs="$pkgs openjdk-17-jre-headless"; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $pkgs; \
    rm -rf /var/lib/apt/lists/*; \
    java -version

# DJL decides CPU or GPU by loading libcudart through JNA under its unversioned name, which CUDA's runtime images
# do not ship (only libcudart.so.11.0). No-op on the CPU image.
RUN set -eu; \
    if [ -d /usr/local/cuda/lib64 ] && [ ! -e /usr/local/cuda/lib64/libcudart.so ]; then \
        ln -s "$(basename "$(ls /usr/local/cuda/lib64/libcudart.so.11* | head -n 1)")" \
            /usr/local/cuda/lib64/libcudart.so; \
        ldconfig; \
    fi

RUN groupadd --gid "${APP_GID}" --non-unique perfectframe \
    && useradd --uid "${APP_UID}" --gid "${APP_GID}" --non-unique --create-home --shell /usr/sbin/nologin \
        perfectframe

WORKDIR /app
# Largest and most stable first, so that a code change re-ships only the last layers.
COPY --from=build /opt/tensorflow/ /opt/tensorflow/
COPY --from=build /opt/javacpp/ /opt/javacpp/
COPY --from=build /opt/javacpp-cache/ /opt/javacpp-cache/
COPY --from=build /layers/dependencies/ ./
COPY docker/entrypoint.sh /usr/local/bin/perfectframe-entrypoint
COPY --from=build /layers/application/ ./
# (sed: a checkout made on Windows may have given the script CRLF line endings and no execute bit.)
RUN sed -i 's/\r$//' /usr/local/bin/perfectframe-entrypoint \
    && chmod 755 /usr/local/bin/perfectframe-entrypoint \
    && mkdir -p input_directory output_directory models \
    && chown "${APP_UID}:${APP_GID}" input_directory output_directory models

# Requests may only name folders under /app (the service refuses anything else); relative names such as
# "input_directory" resolve against the working directory /app. Two glibc malloc arenas keep a long-running service
# from growing job after job (see platform.NativeMemory; outside Docker the jar sets it by restarting itself).
#
# Inside its container the service listens on all interfaces (the jar's default is loopback only), or no published
# port could reach it; which host addresses it is published on is docker-compose.yaml's (or `docker run -p`'s) choice.
ENV PERFECTFRAME_ALLOWED_ROOTS=/app \
    SERVER_ADDRESS=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    PERFECTFRAME_INPUT_DIRECTORY=/app/input_directory \
    PERFECTFRAME_OUTPUT_DIRECTORY=/app/output_directory \
    TENSORFLOW_LIBRARY_PATH=/opt/tensorflow \
    JAVA_TOOL_OPTIONS="-Djava.library.path=/opt/javacpp -Dorg.bytedeco.javacpp.pathsFirst=true -Dorg.bytedeco.javacpp.cachedir=/opt/javacpp-cache -DTENSORFLOW_LIBRARY_PATH=/opt/tensorflow"

VOLUME ["/app/input_directory", "/app/output_directory", "/app/models"]
# No USER: the container starts as root only for the entrypoint, which drops to the owner of the mounted output
# folder (all capabilities dropped) before java starts. `docker run --user UID:GID` skips that step.
EXPOSE 8100

# start-period: the JVM and Spring need a few seconds; TensorFlow is only loaded by the first scoring job.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8100/actuator/health || exit 1

# ENTRYPOINT + CMD rather than one ENTRYPOINT: `docker run IMAGE best_frames_extractor --all_frames` (or any
# other command of the jar) replaces only `serve`.
ENTRYPOINT ["perfectframe-entrypoint", "java", "-jar", "app.jar"]
CMD ["serve"]
