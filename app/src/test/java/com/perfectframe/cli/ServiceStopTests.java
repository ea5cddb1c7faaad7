package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the service ({@code docker compose down}) during a job: the job is cancelled, a log line names it and
 * says what it wrote, no temporary or staged file is left, and the video in progress is not renamed.
 */
class ServiceStopTests {

    @TempDir
    Path root;

    @Test
    void sigtermDuringAJobCancelsItLogsWhatItDidAndLeavesTheOutputClean() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "signals are tested on Linux");
        Path in = Files.createDirectory(root.resolve("in"));
        Path out = root.resolve("out");
        // 300 samples each, so that the third video is still being decoded when the stop lands (see below).
        for (int v = 0; v < 6; v++) {
            TestVideos.h264(in.resolve(String.format("clip%02d.mp4", v)), 3000, 10, 10, 0);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = root.resolve("service");
        Process service = ChildJvm.start(
                log,
                "serve",
                "-p",
                Integer.toString(port),
                "--perfectframe.allowed-roots=" + root.toRealPath(),
                "--perfectframe.writer-threads=1");
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            String body = "{\"input_directory\": \"" + in.toRealPath() + "\", \"output_directory\": \""
                    + root.toRealPath().resolve("out") + "\", \"all_frames\": true}";
            HttpResponse<String> started = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (started == null && service.isAlive() && System.nanoTime() < deadline) {
                try {
                    started = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/extractors/best_frames_extractor"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYetListening) {
                    Thread.sleep(200);
                }
            }
            assertThat(started).as("the service answered").isNotNull();
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            // Stopped once the third video has pictures staged: the job's thread commits a video only after it has
            // decoded the next, so by then the first is committed and the third is being decoded. (Stopping on the
            // second video's first picture raced with it: its last pictures are often written before the stop lands.)
            while (service.isAlive()
                    && !(ChildJvm.anyFile(out, "manifest.csv")
                            && ChildJvm.anyFile(out.resolve(".perfectframe-staging"), ".jpg", "clip02_"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assumeTrue(service.isAlive(), "the service ended before it could be stopped");
            service.destroy(); // SIGTERM
            assertThat(service.waitFor(90, TimeUnit.SECONDS))
                    .as("stopped within 90 s")
                    .isTrue();
        } finally {
            service.destroyForcibly();
        }

        String logged = Files.readString(root.resolve("service.out"), StandardCharsets.UTF_8)
                + Files.readString(root.resolve("service.err"), StandardCharsets.UTF_8);
        assertThat(logged)
                .as(logged)
                .containsPattern("best_frames_extractor cancelled on .*in: [1-5] of 6 files done, [0-9]+ pictures"
                        + " written to .*out; the file in progress was not renamed")
                .contains("pictures of the unfinished video discarded");
        List<String> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(files)
                .as("no temporary or staged file remains")
                .allMatch(f -> f.endsWith(".jpg") || f.equals("manifest.csv") || f.equals(".perfectframe.lock"));
        List<String> listed = ChildJvm.manifestRows(out).stream()
                .skip(1)
                .map(row -> row.substring(0, row.indexOf(',')))
                .toList();
        assertThat(listed)
                .as("the manifest lists exactly the pictures written")
                .containsExactlyInAnyOrderElementsOf(
                        files.stream().filter(f -> f.endsWith(".jpg")).toList());
        List<String> inputs;
        try (Stream<Path> list = Files.list(in)) {
            inputs = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        long renamed =
                inputs.stream().filter(f -> f.startsWith("frames_extracted_")).count();
        assertThat(renamed).as(inputs.toString()).isBetween(1L, 5L);
        assertThat(listed)
                .as("300 pictures per renamed video, none of the others")
                .hasSize((int) renamed * 300);
    }
}
