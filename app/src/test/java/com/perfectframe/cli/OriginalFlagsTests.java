package com.perfectframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestImages;
import com.perfectframe.testing.TestVideos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every flag of the original's README table ({@code start.py}: {@code --input_dir/-i}, {@code --output_dir/-o},
 * {@code --port/-p}, {@code --build/-b}, {@code --all_frames}, {@code --cpu}) works through the real command line: the
 * named folders are used, {@code --port} and {@code --build} each say in one line why they have no effect, the job's
 * exit code is unchanged.
 */
class OriginalFlagsTests {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> errLinesStartingWith(String prefix) {
        return err().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    /** The folder's files, but for hidden ones (the job's lock file). */
    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theLongFlagsRunFramesExtractionOnTheNamedFoldersAndSayWhatHasNoEffect() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path in = Files.createDirectory(root.resolve("videos"));
        Path frames = root.resolve("frames");
        TestVideos.h264(in.resolve("clip.mp4"), 75, 25, 25, 2);

        int code = PerfectFrameCli.execute(
                "best_frames_extractor",
                "--input_dir",
                in.toString(),
                "--output_dir",
                frames.toString(),
                "--port",
                "8100",
                "--build",
                "--all_frames",
                "--cpu",
                "--no-progress");

        assertThat(code).as(err()).isZero();
        assertThat(names(frames))
                .containsExactly(
                        "clip_00-00-00.000.jpg", "clip_00-00-01.000.jpg", "clip_00-00-02.000.jpg", "manifest.csv");
        assertThat(names(in)).containsExactly("frames_extracted_clip.mp4");
        assertThat(out()).contains("1 videos processed").contains("3 pictures written");
        assertThat(errLinesStartingWith("Note: --port"))
                .containsExactly("Note: --port has no effect: the job runs in this process and starts no service;"
                        + " `serve -p 8100` runs the REST service on port 8100.");
        assertThat(errLinesStartingWith("Note: --build"))
                .singleElement()
                .asString()
                .startsWith("Note: --build has no effect: the job runs in this process")
                .contains("docker compose build");
    }

    @Test
    void theShortFlagsRunAScoringJobOnTheCpuInTheNamedFolders() throws Exception {
        Path in = Files.createDirectory(root.resolve("photos"));
        Path best = root.resolve("best");
        for (int i = 0; i < 4; i++) {
            TestImages.write(in.resolve("photo" + i + ".jpg"), i);
        }

        int code = PerfectFrameCli.execute(
                "top_images_extractor",
                "-i",
                in.toString(),
                "-o",
                best.toString(),
                "-p",
                "9000",
                "-b",
                "--cpu",
                "--models_dir",
                SyntheticModel.modelsDir().toString(),
                "--no-progress");

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("4 images processed");
        List<String> manifest = Files.readAllLines(best.resolve("manifest.csv"));
        assertThat(manifest.subList(1, manifest.size()))
                .isNotEmpty()
                .allMatch(row -> row.startsWith("photo") && row.contains(".jpg,photo"));
        assertThat(err()).contains("loaded on CPU");
        assertThat(errLinesStartingWith("Note: --port"))
                .singleElement()
                .asString()
                .contains("`serve -p 9000`");
        assertThat(errLinesStartingWith("Note: --build")).hasSize(1);
        assertThat(names(in)).as("photos are never renamed").hasSize(4);
    }

    @Test
    void theEqualsFormAndClusteredShortFlagsWork() throws Exception {
        Path in = Files.createDirectory(root.resolve("empty videos"));
        Path frames = root.resolve("frames");

        int code = PerfectFrameCli.execute(
                "best_frames_extractor",
                "--input_dir=" + in,
                "--output_dir=" + frames,
                "-bvp8100",
                "--all_frames",
                "--no-progress");

        // The job ran on the named folder (which holds no video), after one note for each launcher flag.
        assertThat(code).isEqualTo(1);
        List<String> lines = err().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("Note: ")).hasSize(2);
        assertThat(lines)
                .filteredOn(line -> line.startsWith("Error: "))
                .singleElement()
                .asString()
                .startsWith("Error: No unprocessed videos")
                .contains(in.toString());
    }

    @Test
    void withoutLauncherFlagsNothingIsSaid() throws Exception {
        Path in = Files.createDirectory(root.resolve("in"));

        int code = PerfectFrameCli.execute("best_frames_extractor", "-i", in.toString(), "--all_frames");

        assertThat(code).isEqualTo(1);
        assertThat(err()).doesNotContain("Note:").doesNotContain("--port").doesNotContain("--build");
    }

    @Test
    void theSameFolderOptionTwiceUnderTwoNamesIsAUsageError() {
        int code = PerfectFrameCli.execute(
                "best_frames_extractor", "--input_dir", "a", "--input_directory", "b", "--all_frames");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("option '--input_directory' (DIR) should be specified only once");
    }

    @Test
    void aPortThatIsNotANumberIsAUsageErrorAsInTheOriginal() {
        assertThat(PerfectFrameCli.execute("best_frames_extractor", "-p", "web"))
                .isEqualTo(2);
        assertThat(err()).contains("Invalid value for option '--port': 'web' is not an int");
    }

    @Test
    void allFramesStaysAnOptionOfBestFramesOnly() {
        assertThat(PerfectFrameCli.execute("top_images_extractor", "--all_frames"))
                .isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--all_frames'");
    }

    @Test
    void serveKeepsMinusPAsTheServicePort() {
        CommandLine commandLine = new CommandLine(new PerfectFrameCli());
        CommandLine.ParseResult parsed = commandLine.parseArgs("serve", "-p", "9100");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(serve.port).isEqualTo(9100);
    }

    @Test
    void helpListsTheOriginalsNames() {
        for (String command : List.of("best_frames_extractor", "top_images_extractor")) {
            out.reset();
            assertThat(PerfectFrameCli.execute("help", command)).isZero();
            assertThat(out())
                    .as(command)
                    .contains("-i, --input_dir, --input_directory, --input-directory=DIR")
                    .contains("-o, --output_dir, --output_directory, --output-directory=DIR")
                    .contains("-p, --port=PORT")
                    .contains("-b, --build")
                    .contains("--cpu");
        }
        out.reset();
        PerfectFrameCli.execute("help", "best_frames_extractor");
        assertThat(out()).contains("--all_frames");
    }
}
