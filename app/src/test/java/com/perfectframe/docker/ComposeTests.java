package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The seed's own command, {@code docker-compose up --build -d}, run for real where Compose and an engine are at hand:
 * it starts the CPU service (one service, published on loopback); the GPU variant is the same one service with the
 * GPU override file, never a second one on the same port. Compose v2 ({@code docker compose}) and 1.29
 * ({@code docker-compose}) are both run where installed.
 */
class ComposeTests {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    /** The Compose commands installed here: v2 as a docker plugin, 1.x as its own program. */
    private static List<List<String>> composeCommands() {
        List<List<String>> found = new ArrayList<>();
        if (run(List.of("docker", "compose", "version"), Map.of(), 30).code() == 0) {
            found.add(List.of("docker", "compose"));
        }
        if (run(List.of("docker-compose", "version"), Map.of(), 30).code() == 0) {
            found.add(List.of("docker-compose"));
        }
        return found;
    }

    record Result(int code, String output) {}

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) {
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + new String(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static List<String> with(List<String> compose, String... args) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void thePlainFileHasOneCpuServiceAndTheGpuFileTurnsItIntoTheGpuOne() {
        List<List<String>> composes = composeCommands();
        assumeTrue(!composes.isEmpty(), "neither `docker compose` nor docker-compose is installed");
        for (List<String> compose : composes) {
            Result services = run(with(compose, "config", "--services"), Map.of(), 60);
            assertThat(services.code()).as(services.output()).isZero();
            assertThat(services.output().strip().lines()).containsExactly("extractor_service");

            Result cpu = run(with(compose, "config"), Map.of(), 60);
            assertThat(cpu.output())
                    .contains("perfectframe:cpu")
                    .doesNotContain("RUNTIME_IMAGE")
                    .doesNotContain("nvidia")
                    .containsPattern("127\\.0\\.0\\.1:8100:8100|host_ip: 127\\.0\\.0\\.1");

            List<String> gpuFiles = with(compose, "-f", "docker-compose.yaml", "-f", "docker-compose.gpu.yaml");
            Result gpuServices = run(with(gpuFiles, "config", "--services"), Map.of(), 60);
            assertThat(gpuServices.output().strip().lines())
                    .as("the GPU variant is the same one service")
                    .containsExactly("extractor_service");
            Result gpu = run(with(gpuFiles, "config"), Map.of(), 60);
            assertThat(gpu.code()).as(gpu.output()).isZero();
            assertThat(gpu.output())
                    .contains("perfectframe:gpu")
                    .contains("RUNTIME_IMAGE: nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04")
                    .contains("driver: nvidia")
                    .containsPattern("(?s)capabilities:\\s*\\n?\\s*- gpu");
            assertThat(gpu.output().split("8100", -1).length)
                    .as("one port published, as in the plain file")
                    .isEqualTo(cpu.output().split("8100", -1).length);
        }
    }

    /** What the original's users type, for real: the CPU service starts, answers on loopback, and is the only one. */
    @Test
    void dockerComposeUpBuildStartsTheCpuService() throws Exception {
        List<List<String>> composes = composeCommands();
        assumeTrue(!composes.isEmpty(), "neither `docker compose` nor docker-compose is installed");
        assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (see Testcontainers' log above): this test needs one");
        for (List<String> compose : composes) {
            int port = 8100; // the file's own port, as users get it
            try (ServerSocket free = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertThat(free.getLocalPort()).isEqualTo(port);
            } catch (IOException e) {
                assumeTrue(false, "port 8100 is taken on this machine: the compose file publishes that port");
            }
            String project = "pf-compose-test-" + ProcessHandle.current().pid();
            Map<String, String> env = Map.of("COMPOSE_PROJECT_NAME", project, "PERFECTFRAME_PUBLISH", "127.0.0.1");
            try {
                Result up = run(with(compose, "up", "--build", "-d"), env, 1800);
                assertThat(up.code()).as(up.output()).isZero();
                Result containers = run(with(compose, "ps", "-q"), env, 60);
                assertThat(containers.output().strip().lines())
                        .as("one container")
                        .hasSize(1);
                String status = waitForStatus(port, Duration.ofMinutes(3));
                assertThat(status)
                        .contains("\"active_extractor\":null")
                        .as("published on loopback: no warning about exposure")
                        .contains("\"warnings\":[]");
                // File names in any language: the image gives Java a UTF-8 locale (the CUDA base sets none).
                Result encoding = run(
                        with(
                                compose,
                                "exec",
                                "-T",
                                "extractor_service",
                                "java",
                                "-XshowSettings:properties",
                                "-version"),
                        env,
                        120);
                assertThat(encoding.output()).contains("sun.jnu.encoding = UTF-8");
            } finally {
                Result down = run(with(compose, "down"), env, 300);
                assertThat(down.code()).as(down.output()).isZero();
            }
        }
    }

    private static String waitForStatus(int port, Duration timeout) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(end)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .header("Accept", "application/json")
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the service did not answer on port " + port + " within " + timeout, last);
    }
}
