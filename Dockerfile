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

# TensorFlow's native library (1 GB unpacked) is unpacked here once instead of into a cache at every start; the
# application is pointed at it with TENSORFLOW_LIBRARY_PATH. The jar that carried it is then rebuilt without the
# .so files (licences and tensorflow.properties kept), or the image would hold the library twice (~500 MB more).
WORKDIR /tmp/tensorflow
RUN set -eu; \
    tfjar="$(ls /layers/dependencies/lib/tensorflow-native-*.jar)"; \
    jar xf "$tfjar"; \
    mkdir -p /opt/tensorflow; \
    mv native/lib/*.so* /opt/tensorflow/; \
    cp native/lib/tensorflow.properties /opt/tensorflow/; \
    rm "$tfjar"; \
    jar --create --file "$tfjar" --no-manifest -C /tmp/tensorflow .; \
    ls /opt/tensorflow/libjnitensorflow.so

# JavaCPP unpacks FFmpeg's and OpenCV's native libraries into its cache on first use (~150 MB). Doing it here,
# from the same jar names as at run time, puts them in an image layer; JAVA_TOOL_OPTIONS below points the
# runtime at this cache, which JavaCPP reuses as long as the files match the jars' entries.
COPY docker/PreloadNatives.java /tmp/PreloadNatives.java
RUN java -Dorg.bytedeco.javacpp.cachedir=/javacpp-cache \
        -cp "/layers/application/app.jar:/layers/dependencies/lib/*" /tmp/PreloadNatives.java

# ---------------------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

# The host user that owns ./input_directory etc. on Linux; compose passes the caller's ids when it knows them.
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
COPY --from=build /layers/dependencies/ ./
# Writable by the app user: JavaCPP takes a lock file in its cache even when nothing needs unpacking.
COPY --from=build --chown=${APP_UID}:${APP_GID} /javacpp-cache/ /app/.javacpp/
COPY --from=build /layers/application/ ./
RUN mkdir -p input_directory output_directory models \
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
    JAVA_TOOL_OPTIONS="-Dorg.bytedeco.javacpp.cachedir=/app/.javacpp -DTENSORFLOW_LIBRARY_PATH=/opt/tensorflow"

VOLUME ["/app/input_directory", "/app/output_directory", "/app/models"]
USER ${APP_UID}:${APP_GID}
EXPOSE 8100

# start-period: the JVM and Spring need a few seconds; TensorFlow is only loaded by the first scoring job.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8100/actuator/health || exit 1

# ENTRYPOINT + CMD rather than one ENTRYPOINT: `docker run IMAGE best_frames_extractor --all_frames` (or any
# other command of the jar) replaces only `serve`.
ENTRYPOINT ["java", "-jar", "app.jar"]
CMD ["serve"]
