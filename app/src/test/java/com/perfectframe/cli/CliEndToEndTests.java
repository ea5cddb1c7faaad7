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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliEndToEndTests {

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

    @Test
    void extractsAllFramesAndPrintsASummary() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path in = Files.createDirectory(root.resolve("in"));
        Path outDir = root.resolve("out");
        TestVideos.h264(in.resolve("clip.mp4"), 75, 25, 25, 2);
        int code = PerfectFrameCli.execute(
                "best_frames_extractor", "-i", in.toString(), "-o", outDir.toString(), "--all_frames");
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("1 videos processed").contains("3 pictures written");
        assertThat(outDir.resolve("clip_00-00-02.000.jpg")).exists();
        assertThat(in.resolve("frames_extracted_clip.mp4")).exists();
    }

    @Test
    void emptyInputFolderExitsNonZeroWithOneLine() throws Exception {
        Path in = Files.createDirectory(root.resolve("in"));
        int code = PerfectFrameCli.execute(
                "best_frames_extractor",
                "-i",
                in.toString(),
                "-o",
                root.resolve("out").toString(),
                "--all_frames");
        assertThat(code).isEqualTo(1);
        assertThat(err().strip()).startsWith("Error: No unprocessed videos").doesNotContain("Exception");
        assertThat(err().strip().lines()).hasSize(1);
    }

    @Test
    void missingInputFolderExitsNonZero() {
        int code = PerfectFrameCli.execute(
                "best_frames_extractor", "-i", root.resolve("nope").toString(), "--all_frames");
        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("nope").contains("does not exist");
    }

    @Test
    void keepsTheTopImagesWithSyntheticWeightsAndSkipsUnreadableOnes() throws Exception {
        Path in = Files.createDirectory(root.resolve("in"));
        Path outDir = root.resolve("out");
        for (int i = 0; i < 10; i++) {
            TestImages.write(in.resolve("photo" + i + (i % 2 == 0 ? ".jpg" : ".PNG")), i);
        }
        Files.writeString(in.resolve("broken.jpg"), "not an image");
        Files.createFile(in.resolve("empty.webp"));
        int code = PerfectFrameCli.execute(
                "top_images_extractor",
                "-i",
                in.toString(),
                "-o",
                outDir.toString(),
                "--models_dir",
                SyntheticModel.modelsDir().toString(),
                "--no-progress");
        assertThat(code).as(err()).isZero();
        assertThat(out())
                .contains("10 images processed")
                .contains("1 pictures written")
                .contains("2 could not be processed")
                .contains("broken.jpg (read: ")
                .contains("empty.webp (read: ");
        assertThat(err()).contains("SYNTHETIC");
        List<String> manifest = Files.readAllLines(outDir.resolve("manifest.csv"));
        assertThat(manifest).hasSize(2);
        assertThat(manifest.get(1)).endsWith(",synthetic,,");
        String kept = manifest.get(1).split(",")[1];
        // A kept JPEG is a byte-for-byte copy; a PNG source is re-encoded as JPEG.
        Path written = outDir.resolve(manifest.get(1).split(",")[0]);
        if (kept.endsWith(".jpg")) {
            assertThat(Files.readAllBytes(written)).isEqualTo(Files.readAllBytes(in.resolve(kept)));
        } else {
            assertThat(ImageIO.read(written.toFile())).isNotNull();
        }
    }

    @Test
    void controlCharactersInFileNamesAreEscapedInEveryLinePrinted() throws Exception {
        Path in = Files.createDirectory(root.resolve("in"));
        TestImages.write(in.resolve("photo.jpg"), 1);
        Files.writeString(in.resolve("broken\nERROR forged line.jpg"), "not an image");
        Files.writeString(in.resolve("cr\rERROR forged too.png"), "not an image");
        int code = PerfectFrameCli.execute(
                "top_images_extractor",
                "-i",
                in.toString(),
                "-o",
                root.resolve("out").toString(),
                "--models_dir",
                SyntheticModel.modelsDir().toString(),
                "--no-progress");
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("broken\\nERROR forged line.jpg").contains("cr\\rERROR forged too.png");
        for (String printed : List.of(out(), err())) {
            assertThat(printed.split("\n"))
                    .noneMatch(l -> l.startsWith("ERROR forged"))
                    .noneMatch(l -> l.contains("\r"));
        }
    }

    @Test
    void keepsTheBestFramesWithSyntheticWeights() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path in = Files.createDirectory(root.resolve("in"));
        Path outDir = root.resolve("out");
        TestVideos.h264(in.resolve("clip.mp4"), 250, 25, 25, 2);
        int code = PerfectFrameCli.execute(
                "best_frames_extractor",
                "-i",
                in.toString(),
                "-o",
                outDir.toString(),
                "--models_dir",
                SyntheticModel.modelsDir().toString(),
                "--no-progress");
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("1 videos processed").contains("10 samples").contains("2 pictures written");
        assertThat(in.resolve("frames_extracted_clip.mp4")).exists();
        List<String> manifest = Files.readAllLines(outDir.resolve("manifest.csv"));
        assertThat(manifest).hasSize(3);
        assertThat(manifest.subList(1, 3)).allMatch(line -> line.startsWith("clip_") && line.endsWith(",synthetic,,"));
    }

    @Test
    void missingWeightsOfflineIsOneClearLine() throws Exception {
        Path in = Files.createDirectory(root.resolve("in"));
        TestImages.write(in.resolve("a.jpg"), 1);
        int code = PerfectFrameCli.execute(
                "top_images_extractor",
                "-i",
                in.toString(),
                "-o",
                root.resolve("out").toString(),
                "--models_dir",
                root.resolve("models").toString(),
                "--weights_url",
                "http://127.0.0.1:9/weights.h5",
                "--no-progress");
        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("Error:").contains("weights.h5").doesNotContain("Exception");
        assertThat(in.resolve("a.jpg")).exists();
    }

    @Test
    void invalidOptionValuesAreUsageMistakesNamingTheOptionAsTyped() {
        int code = PerfectFrameCli.execute("best_frames_extractor", "--batch_size", "0");
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("batch_size");
        assertThat(PerfectFrameCli.execute("best_frames_extractor", "--no-such-option"))
                .isEqualTo(2);
    }

    @Test
    void aGroupSizeOutOfRangeIsRefusedOnTheOptionTheUserTyped() throws Exception {
        Path in = Files.createDirectory(root.resolve("in"));
        for (String option : List.of("--group_size", "--compering_group_size", "--group-size")) {
            err.reset();
            int code = PerfectFrameCli.execute("best_frames_extractor", "-i", in.toString(), option, "0");
            assertThat(code).as(option).isEqualTo(2);
            assertThat(err().strip()).as(option).isEqualTo("Error: " + option + " must be between 1 and 10000, got 0.");
        }
        err.reset();
        assertThat(PerfectFrameCli.execute("top_images_extractor", "-i", in.toString(), "--frame-budget-mb=0"))
                .isEqualTo(2);
        assertThat(err().strip()).startsWith("Error: --frame-budget-mb must be between 1 and 65536, got 0");
        assertThat(in).isEmptyDirectory();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(PerfectFrameCli.execute("--help")).isZero();
        assertThat(out())
                .contains("best_frames_extractor")
                .contains("top_images_extractor")
                .contains("serve");
    }
}
