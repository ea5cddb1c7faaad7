package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.FrameCodes;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestImages;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --recursive}: videos and photos in subfolders at any depth, the output mirroring the input's layout, each
 * video renamed in its own folder, and every rule of the top folder holding at every level.
 */
class RecursiveFoldersTests {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    Path input;
    Path output;

    @BeforeEach
    void folders() throws Exception {
        input = Files.createDirectory(root.resolve("in"));
        output = root.resolve("out");
    }

    private ExtractionSummary frames(boolean recursive, Confinement confinement, ExtractionProgress progress)
            throws Exception {
        ExtractionRequest request = ExtractionRequest.builder(input, output)
                .allFrames(true)
                .recursive(recursive)
                .confinement(confinement)
                .build();
        return new FramesExtractor(
                        new FrameSampler(0),
                        PipelineSettings.builder().writerThreads(2).build())
                .run(request, progress, new Cancellation());
    }

    private static Path video(Path file, int frames) throws Exception {
        Files.createDirectories(file.getParent());
        return TestVideos.h264(file, frames, 25, 25, 0);
    }

    @Test
    void videosOfTheSameNameInDifferentFoldersNeverCollideAndAreRenamedWhereTheyAre() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        video(input.resolve("2023/06/clip.mp4"), 50);
        video(input.resolve("2024/clip.mp4"), 75);
        video(input.resolve("top.mp4"), 25);
        video(input.resolve(".thumbnails/hidden.mp4"), 25);
        video(input.resolve("2024/.cache/hidden.mp4"), 25);

        ExtractionProgress progress = new ExtractionProgress();
        ExtractionSummary summary = frames(true, Confinement.NONE, progress);

        assertThat(summary.filesProcessed()).isEqualTo(3);
        assertThat(summary.written()).isEqualTo(2 + 3 + 1);
        assertThat(FrameCodes.read(ImageIO.read(
                        output.resolve("2023/06/clip_00-00-01.000.jpg").toFile())))
                .isEqualTo(25);
        assertThat(output.resolve("2024/clip_00-00-02.000.jpg")).exists();
        assertThat(output.resolve("top_00-00-00.000.jpg")).exists();
        assertThat(output.resolve(".thumbnails")).doesNotExist();
        assertThat(input.resolve("2023/06/frames_extracted_clip.mp4")).exists();
        assertThat(input.resolve("2024/frames_extracted_clip.mp4")).exists();
        assertThat(input.resolve(".thumbnails/hidden.mp4")).exists();
        assertThat(input.resolve("2024/.cache/hidden.mp4")).exists();

        Map<String, ManifestRow> rows = ManifestReader.read(output.resolve(Manifest.FILE_NAME));
        assertThat(rows)
                .containsKeys("2023/06/clip_00-00-00.000.jpg", "2024/clip_00-00-00.000.jpg", "top_00-00-00.000.jpg");
        assertThat(rows.get("2023/06/clip_00-00-01.000.jpg").source()).isEqualTo("2023/06/clip.mp4");
        assertThat(rows.get("2024/clip_00-00-01.000.jpg").source()).isEqualTo("2024/clip.mp4");

        // A second run finds nothing left to do at any level.
        assertThatThrownBy(() -> frames(true, Confinement.NONE, new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("No unprocessed videos")
                .hasMessageContaining("or its subfolders");
    }

    @Test
    void withoutRecursiveSubfoldersAreLeftAlone() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        video(input.resolve("a/clip.mp4"), 25);
        video(input.resolve("top.mp4"), 25);
        assertThat(frames(false, Confinement.NONE, new ExtractionProgress()).filesProcessed())
                .isEqualTo(1);
        assertThat(input.resolve("a/clip.mp4")).exists();
        assertThat(output.resolve("a")).doesNotExist();
    }

    @Test
    void aRenameConflictTwoLevelsDownIsReportedByItsPathAndTheRestGoesOn() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        video(input.resolve("a/b/v.mp4"), 25);
        Files.createDirectory(input.resolve("a/b/frames_extracted_v.mp4")); // the new name is taken
        video(input.resolve("a/w.mp4"), 25);

        ExtractionProgress progress = new ExtractionProgress();
        ExtractionSummary summary = frames(true, Confinement.NONE, progress);

        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a/b/v.mp4");
            assertThat(p.stage()).isEqualTo("rename");
        });
        assertThat(input.resolve("a/b/v.mp4")).exists();
        assertThat(output.resolve("a/b/v_00-00-00.000.jpg")).exists();
        assertThat(input.resolve("a/frames_extracted_w.mp4")).exists();
    }

    @Test
    void linksToFoldersOutsideTheAllowedRootsAreNotFollowedAndLinksBackIntoTheTreeNeverTwice() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        video(input.resolve("a/mine.mp4"), 25);
        Path outside = video(elsewhere.resolve("secret/other.mp4"), 25).getParent();
        Files.createSymbolicLink(input.resolve("a/outside"), outside);
        Files.createSymbolicLink(input.resolve("loop"), input); // around the input folder
        Files.createSymbolicLink(input.resolve("again"), input.resolve("a")); // into it

        ExtractionProgress progress = new ExtractionProgress();
        ExtractionSummary summary = frames(true, new Confinement(List.of(root)), progress);

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(outside.resolve("other.mp4")).exists();
        assertThat(output.resolve("a/outside")).doesNotExist();
        assertThat(summary.notes())
                .extracting(ExtractionProgress.FileNote::file, ExtractionProgress.FileNote::note)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("a/outside", InputWalk.FOLDER_OUTSIDE_NOTE),
                        org.assertj.core.groups.Tuple.tuple("loop", InputWalk.FOLDER_SEARCHED_NOTE),
                        org.assertj.core.groups.Tuple.tuple("again", InputWalk.FOLDER_SEARCHED_NOTE));
    }

    @Test
    void theCommandLineFollowsALinkToAFolderElsewhereOnceAndMirrorsItUnderTheLinksName() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path outside = video(elsewhere.resolve("card/DCIM/clip.mp4"), 25).getParent();
        Files.createSymbolicLink(input.resolve("card"), outside);
        Files.createSymbolicLink(input.resolve("card2"), outside);

        ExtractionSummary summary = frames(true, Confinement.NONE, new ExtractionProgress());

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(output.resolve("card/clip_00-00-00.000.jpg")).exists();
        assertThat(output.resolve("card2")).doesNotExist();
        assertThat(outside.resolve("frames_extracted_clip.mp4")).exists();
    }

    @Test
    void anOutputFolderInsideAFolderReachedThroughALinkIsRefusedBeforeAnyWork() throws Exception {
        Path shared = Files.createDirectories(elsewhere.resolve("shared"));
        Files.writeString(shared.resolve("clip.mp4"), "x");
        Files.createSymbolicLink(input.resolve("shared"), shared);
        output = shared.resolve("pictures");
        assertThatThrownBy(() -> frames(true, Confinement.NONE, new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("holds the output folder");
        assertThat(shared.resolve("clip.mp4")).exists();
    }

    @Test
    void anInputInsideTheOutputWhoseMirrorWouldLandInTheInputIsRefused() throws Exception {
        output = root.resolve("library");
        input = Files.createDirectories(output.resolve("videos"));
        Files.createDirectories(input.resolve("videos"));
        Files.writeString(input.resolve("videos/clip.mp4"), "x");
        assertThatThrownBy(() -> frames(true, Confinement.NONE, new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("into the input folder");
    }

    @Test
    void photosInSubfoldersAreScoredTogetherAndCopiedIntoTheMirror() throws Exception {
        TestImages.write(Files.createDirectories(input.resolve("2023/trip")).resolve("IMG_1.jpg"), 1);
        TestImages.write(Files.createDirectories(input.resolve("2024")).resolve("IMG_1.jpg"), 2);
        TestImages.write(input.resolve("cover.png"), 3);
        StubScoringModel model = new StubScoringModel();
        ExtractionRequest request = ExtractionRequest.builder(input, output)
                .recursive(true)
                .topImagesPercent(0.0)
                .build();
        ExtractionSummary summary = new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(request, new ExtractionProgress(), new Cancellation());

        assertThat(summary.written()).isEqualTo(3);
        assertThat(Files.readAllBytes(output.resolve("2023/trip/IMG_1.jpg")))
                .isEqualTo(Files.readAllBytes(input.resolve("2023/trip/IMG_1.jpg")));
        assertThat(Files.readAllBytes(output.resolve("2024/IMG_1.jpg")))
                .isEqualTo(Files.readAllBytes(input.resolve("2024/IMG_1.jpg")));
        assertThat(output.resolve("cover.jpg")).exists();
        Map<String, ManifestRow> rows = ManifestReader.read(output.resolve(Manifest.FILE_NAME));
        assertThat(rows.get("2023/trip/IMG_1.jpg").source()).isEqualTo("2023/trip/IMG_1.jpg");
        assertThat(rows).containsKeys("2024/IMG_1.jpg", "cover.jpg");
    }

    @Test
    void namesThatAreNotTextAreSkippedWithANoteAtEveryLevel() throws Exception {
        assumeTrue(
                "UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "needs UTF-8 file names to plant Latin-1 ones (sun.jnu.encoding is "
                        + System.getProperty("sun.jnu.encoding") + ")");
        Path trip = Files.createDirectories(input.resolve("2023/trip"));
        TestImages.write(trip.resolve("IMG_1.jpg"), 1);
        TestImages.write(input.resolve("cover.png"), 3);
        // A Latin-1 "café.jpg" two folders down, and a folder "déjà" in Latin-1 holding a photo.
        Process plant = new ProcessBuilder(
                        "sh",
                        "-c",
                        "cp \"$1/2023/trip/IMG_1.jpg\" \"$1/2023/trip/$(printf 'caf\\351.jpg')\""
                                + " && mkdir \"$1/$(printf 'd\\351j\\340')\""
                                + " && cp \"$1/cover.png\" \"$1/$(printf 'd\\351j\\340')/IMG_2.png\"",
                        "sh",
                        input.toString())
                .inheritIO()
                .start();
        assertThat(plant.waitFor()).isZero();
        StubScoringModel model = new StubScoringModel();
        ExtractionRequest request = ExtractionRequest.builder(input, output)
                .recursive(true)
                .topImagesPercent(0.0)
                .build();
        ExtractionSummary summary = new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(request, new ExtractionProgress(), new Cancellation());

        assertThat(summary.written()).isEqualTo(2);
        assertThat(summary.notes())
                .filteredOn(n -> n.note().equals(InputFiles.UNREADABLE_NAME_NOTE))
                .extracting(ExtractionProgress.FileNote::file)
                .satisfiesExactlyInAnyOrder(
                        file -> assertThat(file).startsWith("2023/trip/caf").endsWith(".jpg"),
                        file -> assertThat(file).startsWith("d").doesNotContain("/"));
        assertThat(InputFiles.UNREADABLE_NAME_NOTE).contains("skipped, not read");
        try (var written = Files.walk(output)) {
            assertThat(written.filter(Files::isRegularFile)
                            .map(p -> output.relativize(p).toString())
                            .filter(p -> !p.startsWith(".")))
                    .containsExactlyInAnyOrder("2023/trip/IMG_1.jpg", "cover.jpg", Manifest.FILE_NAME);
        }
        try (var left = Files.list(trip)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("the photo with a Latin-1 name is left as it was")
                    .hasSize(2)
                    .anyMatch(n -> n.startsWith("caf") && !n.equals("café.jpg"));
        }
    }
}
