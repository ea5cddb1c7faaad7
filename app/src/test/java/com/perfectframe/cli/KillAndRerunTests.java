package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the command in the middle of a job, then the same command again, leaves exactly what one clean
 * run leaves (issue 12: the rerun used to write {@code _1} copies of every picture already written, leave hidden
 * {@code .part} files and miss pictures in the manifest).
 */
class KillAndRerunTests {

    @TempDir
    Path root;

    private static final int VIDEOS = 6;

    private Path videos(String name) throws Exception {
        Path input = Files.createDirectory(root.resolve(name));
        for (int v = 0; v < VIDEOS; v++) {
            Path master = root.resolve(String.format("master%02d.mp4", v));
            if (!Files.exists(master)) {
                TestVideos.h264(master, 600, 10, 10, 0);
            }
            Files.copy(master, input.resolve(master.getFileName().toString().replace("master", "clip")));
        }
        return input;
    }

    private static String[] allFrames(Path in, Path out) {
        return new String[] {
            "best_frames_extractor",
            "--all_frames",
            "--writer_threads",
            "1",
            "--no-progress",
            "-i",
            in.toString(),
            "-o",
            out.toString()
        };
    }

    private int runToTheEnd(String log, Path in, Path out) throws Exception {
        Process process = ChildJvm.start(root.resolve(log), allFrames(in, out));
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
        return process.exitValue();
    }

    @Test
    void killMinus9ThenRerunLeavesWhatOneCleanRunLeaves() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "signals are tested on Linux");
        Path cleanIn = videos("clean-in");
        Path cleanOut = root.resolve("clean-out");
        assertThat(runToTheEnd("clean", cleanIn, cleanOut)).isZero();

        Path in = videos("in");
        Path out = root.resolve("out");
        Process process = ChildJvm.start(root.resolve("killed"), allFrames(in, out));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Killed once one video is done and the next one has pictures staged.
        while (process.isAlive()
                && !(ChildJvm.anyFile(out, "manifest.csv")
                        && ChildJvm.anyFile(out.resolve(".perfectframe-staging"), ".jpg"))
                && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assumeTrue(process.isAlive(), "the job ended before it could be killed");
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ChildJvm.anyFile(out.resolve(".perfectframe-staging"), ".jpg"))
                .as("the kill left staged pictures")
                .isTrue();

        assertThat(runToTheEnd("rerun", in, out))
                .as(() -> "the rerun failed: " + ChildJvm.logOf(root.resolve("rerun")))
                .isZero();

        Map<String, String> clean = ChildJvm.contents(cleanOut);
        Map<String, String> rerun = ChildJvm.contents(out);
        clean.remove("manifest.csv");
        rerun.remove("manifest.csv");
        clean.remove(".perfectframe.lock");
        rerun.remove(".perfectframe.lock");
        assertThat(rerun.keySet())
                .as("no _1 copy, no .part file, no staging folder")
                .containsExactlyElementsOf(clean.keySet());
        assertThat(rerun).as("the same bytes").isEqualTo(clean);
        assertThat(clean).hasSize(VIDEOS * 60);
        assertThat(ChildJvm.manifestRows(out))
                .as("every picture listed once")
                .isEqualTo(ChildJvm.manifestRows(cleanOut));
        try (Stream<Path> list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .as("nothing hidden is left but the lock file")
                    .allMatch(n -> !n.startsWith(".") || n.equals(".perfectframe.lock"));
        }
        try (Stream<Path> list = Files.list(in)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .as("every video renamed once")
                    .hasSize(VIDEOS)
                    .allMatch(n -> n.startsWith("frames_extracted_clip") && !n.contains("frames_extracted_frames"));
        }
    }
}
