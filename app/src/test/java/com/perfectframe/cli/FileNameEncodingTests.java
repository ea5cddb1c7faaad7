package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.TestVideos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar run as cron or {@code env -i} runs it, without {@code LANG}: {@code café.mp4} is processed and renamed like
 * any video, and a name that is not UTF-8 (a Latin-1 {@code café}) is named in the summary as skipped, not failed as
 * "No such file or directory".
 */
class FileNameEncodingTests {

    @TempDir
    Path root;

    @Test
    void withoutALocaleAccentedNamesWorkAndNamesInAnotherEncodingAreSaidSo() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path in = Files.createDirectory(root.resolve("in"));
        Path out = root.resolve("out");
        TestVideos.h264(in.resolve("café.mp4"), 50, 25, 25, 2);
        // A Latin-1 "é" (one byte, 0xE9), as an old camera or a Windows copy may have written it.
        Process copy = new ProcessBuilder(
                        "sh", "-c", "cp \"$1/café.mp4\" \"$1/$(printf 'caf\\351 latin.mp4')\"", "sh", in.toString())
                .inheritIO()
                .start();
        assertThat(copy.waitFor()).isZero();

        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "best_frames_extractor",
                "-i",
                in.toString(),
                "-o",
                out.toString(),
                "--all_frames",
                "--no-progress");
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("1 videos processed")
                .contains("latin.mp4: its name is not valid UTF-8 text")
                .contains("skipped, not read")
                .doesNotContain("No such file");
        assertThat(in.resolve("frames_extracted_café.mp4")).exists();
        try (Stream<Path> files = Files.list(out)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).contains("café_00-00-00.000.jpg", "café_00-00-01.000.jpg", "manifest.csv");
        }
        try (Stream<Path> files = Files.list(in)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the Latin-1 file is left as it was")
                    .anyMatch(n -> n.startsWith("caf") && n.endsWith(" latin.mp4") && !n.startsWith("frames"));
        }
    }
}
