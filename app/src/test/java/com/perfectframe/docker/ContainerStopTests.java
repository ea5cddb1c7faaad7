package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker stop} (SIGTERM to the container's PID 1) during a job of the service run as docker-compose.yaml runs
 * it: the entrypoint exec's java, so the JVM gets the signal and its graceful shutdown cancels the job; the output
 * folder keeps only complete pictures, all listed in manifest.csv, and the video in progress is not renamed.
 */
class ContainerStopTests {

    private static final int VIDEOS = 8;
    private static final int SAMPLES_PER_VIDEO = 60;

    @TempDir
    Path root;

    @Test
    void sigtermDuringAJobLeavesACleanOutputFolderAndLogsTheCancellation() throws Exception {
        DockerTestImage.assumeDockerAndFfmpeg();
        Path input = Files.createDirectory(root.resolve("input_directory"));
        Path output = Files.createDirectory(root.resolve("output_directory"));
        Files.createDirectory(root.resolve("models"));
        for (int v = 0; v < VIDEOS; v++) {
            // 60 s at 10 fps: 60 samples each
            TestVideos.h264(input.resolve(String.format("clip%02d.mp4", v)), 600, 10, 10, 0);
        }

        try (ComposeLikeService service = new ComposeLikeService(root).start()) {
            HttpResponse<String> started = service.postBestFrames("{\"all_frames\": true}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!hasPictures(output) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            JsonNode active = service.status().path("active_extractor");
            assumeTrue(!active.isNull() && !active.isMissingNode(), "the job ended before it could be stopped");

            DockerClient docker = service.container.getDockerClient();
            String id = service.container.getContainerId();
            docker.killContainerCmd(id).withSignal("TERM").exec();
            Integer exit = docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
            String log = service.container.getLogs();

            assertThat(exit).as(log).isIn(0, 143);
            assertThat(log).containsPattern("best_frames_extractor.* cancelled").doesNotContain("Exception");
        }

        Set<String> files;
        try (Stream<Path> list = Files.list(output)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(files)
                .as("no temporary file remains")
                .allMatch(f -> f.endsWith(".jpg") || f.equals(Manifest.FILE_NAME) || f.equals(".perfectframe.lock"));
        List<String> listed = Files.readAllLines(output.resolve(Manifest.FILE_NAME)).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertThat(listed)
                .as("the manifest lists exactly the pictures written")
                .containsExactlyInAnyOrderElementsOf(
                        files.stream().filter(f -> f.endsWith(".jpg")).toList());
        for (String jpg : files.stream().filter(f -> f.endsWith(".jpg")).toList()) {
            byte[] bytes = Files.readAllBytes(output.resolve(jpg));
            assertThat(bytes[bytes.length - 2] == (byte) 0xFF && bytes[bytes.length - 1] == (byte) 0xD9)
                    .as(jpg + " is a complete JPEG (ends with EOI)")
                    .isTrue();
        }
        List<String> names;
        try (Stream<Path> list = Files.list(input)) {
            names = list.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(names)
                .as("the video in progress and the ones after it are not renamed")
                .anyMatch(f -> !f.startsWith("frames_extracted_"));
        for (String renamed :
                names.stream().filter(f -> f.startsWith("frames_extracted_")).toList()) {
            String stem = renamed.substring("frames_extracted_".length(), renamed.length() - 4);
            assertThat(files.stream().filter(f -> f.startsWith(stem + "_")))
                    .as("a renamed video has all its pictures")
                    .hasSize(SAMPLES_PER_VIDEO);
        }
    }

    private static boolean hasPictures(Path out) {
        try (Stream<Path> list = Files.list(out)) {
            return list.anyMatch(p -> p.getFileName().toString().endsWith(".jpg"));
        } catch (IOException e) {
            return false;
        }
    }
}
