package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.testing.TestVideos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what {@code docker stop} and {@code kill} send) and Ctrl-C stop a command's job cleanly. */
class GracefulStopTests {

    @TempDir
    Path root;

    @Test
    void sigtermStopsTheJobCleanlySaysWhatWasDoneAndExitsWith143() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "signals are tested on Linux");
        Path in = Files.createDirectory(root.resolve("in"));
        Path out = root.resolve("out");
        int videos = 12;
        for (int v = 0; v < videos; v++) {
            TestVideos.h264(in.resolve(String.format("clip%02d.mp4", v)), 600, 10, 10, 0);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "best_frames_extractor",
                        "--all_frames",
                        "--writer_threads",
                        "1",
                        "--no-progress",
                        "-i",
                        in.toString(),
                        "-o",
                        out.toString())
                .redirectOutput(root.resolve("stdout.txt").toFile())
                .redirectError(root.resolve("stderr.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (process.isAlive() && !hasPictures(out) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assumeTrue(process.isAlive(), "the job ended before it could be stopped");
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within a minute")
                .isTrue();

        String stderr = Files.readString(root.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stderr).isEqualTo(143);
        assertThat(stderr)
                .contains("Stopped by SIGTERM")
                .contains("pictures written")
                .doesNotContain("Exception");
        Set<String> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(files)
                .as("no temporary file remains")
                .allMatch(f -> f.endsWith(".jpg") || f.equals(Manifest.FILE_NAME) || f.equals(".perfectframe.lock"));
        List<String> listed = Files.readAllLines(out.resolve(Manifest.FILE_NAME)).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertThat(listed)
                .as("the manifest lists exactly the pictures written")
                .containsExactlyInAnyOrderElementsOf(
                        files.stream().filter(f -> f.endsWith(".jpg")).toList());
        try (Stream<Path> list = Files.list(in)) {
            List<String> left = list.map(p -> p.getFileName().toString())
                    .filter(f -> !f.startsWith("frames_extracted_"))
                    .toList();
            assertThat(left)
                    .as("the video in progress and the ones after it are not renamed")
                    .isNotEmpty();
            for (String renamed : Files.list(in)
                    .map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("frames_extracted_"))
                    .toList()) {
                String stem = renamed.substring("frames_extracted_".length(), renamed.length() - 4);
                assertThat(files.stream().filter(f -> f.startsWith(stem + "_")))
                        .as("a renamed video has all its pictures")
                        .hasSize(60);
            }
        }
    }

    private static boolean hasPictures(Path out) {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> list = Files.list(out)) {
            return list.anyMatch(p -> p.getFileName().toString().endsWith(".jpg"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
