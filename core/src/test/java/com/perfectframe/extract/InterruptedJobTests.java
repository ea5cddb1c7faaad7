package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.CommitJournal;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputFolder;
import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestImages;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed at any point (while writing a video's pictures, in the middle of committing them, between a copy and
 * its manifest row) and then run again leaves exactly what one clean run leaves: the same files with the same
 * bytes, the manifest listing each once, no {@code _1} copies, no temporary or staging files. The crashes are
 * reproduced by leaving the output folder as the killed process would have left it.
 */
class InterruptedJobTests {

    @TempDir
    Path root;

    private static final String PREFIX = "frames_extracted_";

    private ExtractionSummary allFrames(Path input, Path output) throws Exception {
        ExtractionRequest request =
                ExtractionRequest.builder(input, output).allFrames(true).build();
        return new FramesExtractor(
                        new FrameSampler(0),
                        PipelineSettings.builder().writerThreads(2).build())
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    /** Two 4-second videos in a fresh input folder; the same bytes each time. */
    private Path videos(String name) throws IOException {
        Path input = Files.createDirectory(root.resolve(name));
        for (String video : List.of("alpha.mp4", "beta.mp4")) {
            Path master = root.resolve("master-" + video);
            if (!Files.exists(master)) {
                TestVideos.h264(master, 100, 25, 25, 0);
            }
            Files.copy(master, input.resolve(video));
        }
        return input;
    }

    /** What a clean run leaves: every file's bytes by name, the manifest as its sorted rows, the input names. */
    private record Outcome(Map<String, String> files, List<String> manifest, List<String> inputs) {}

    private static Outcome outcome(Path input, Path output) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(output)) {
            for (Path file : list.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(Manifest.FILE_NAME)) {
                    continue;
                }
                files.put(
                        name,
                        Files.isDirectory(file)
                                ? "folder"
                                : Integer.toHexString(Arrays.hashCode(Files.readAllBytes(file))) + "/"
                                        + Files.size(file));
            }
        }
        files.remove(OutputFolder.LOCK_FILE);
        List<String> rows = new ArrayList<>(Files.readAllLines(output.resolve(Manifest.FILE_NAME)));
        String header = rows.remove(0);
        rows.sort(null);
        rows.add(0, header);
        List<String> inputs;
        try (Stream<Path> list = Files.list(input)) {
            inputs = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        return new Outcome(files, rows, inputs);
    }

    private Outcome cleanRun() throws Exception {
        Path input = videos("clean-in");
        Path output = root.resolve("clean-out");
        allFrames(input, output);
        Outcome clean = outcome(input, output);
        assertThat(clean.files())
                .hasSize(8)
                .allSatisfy((name, hash) -> assertThat(name).matches("(alpha|beta)_00-00-0[0-3]\\.000\\.jpg"));
        assertThat(clean.manifest()).hasSize(1 + 8);
        assertThat(clean.inputs()).containsExactly(PREFIX + "alpha.mp4", PREFIX + "beta.mp4");
        return clean;
    }

    /**
     * Stages beta's first pictures (taken from the clean run, with its manifest rows) as the killed job's writers had,
     * without committing them.
     */
    private StagedVideo stageBetaAsWritten(Path cleanOutput, Path input, Path output, int pictures) throws IOException {
        StagedVideo staged = new OutputStaging(output).open(input.resolve("beta.mp4"));
        List<String> rows = Files.readAllLines(cleanOutput.resolve(Manifest.FILE_NAME)).stream()
                .filter(r -> r.startsWith("beta_"))
                .sorted()
                .limit(pictures)
                .toList();
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            String name = cells[0];
            String[] hms = cells[2].split("-");
            double seconds =
                    Integer.parseInt(hms[0]) * 3600 + Integer.parseInt(hms[1]) * 60 + Double.parseDouble(hms[2]);
            byte[] picture = Files.readAllBytes(cleanOutput.resolve(name));
            Path written = staged.write(name, channel -> channel.write(java.nio.ByteBuffer.wrap(picture)));
            staged.list(
                    (int) seconds,
                    name,
                    new Manifest.Entry(
                            written, input.resolve("beta.mp4"), seconds, Long.parseLong(cells[3]), null, null));
        }
        assertThat(rows).hasSize(pictures);
        // The picture the killed writer was writing.
        Files.writeString(staged.folder().resolve(".0f3c-in-flight.part"), "half a picture");
        return staged;
    }

    @Test
    void aVideoKilledWhileItsPicturesWereWrittenIsDoneOnceByTheRerun() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Outcome clean = cleanRun();

        // The killed job: alpha finished (committed, renamed), beta had 3 pictures staged, a picture in flight.
        Path input = videos("in");
        Path output = root.resolve("out");
        Files.move(input.resolve("beta.mp4"), root.resolve("beta.away"));
        allFrames(input, output);
        Files.move(root.resolve("beta.away"), input.resolve("beta.mp4"));
        stageBetaAsWritten(root.resolve("clean-out"), input, output, 3);
        Files.writeString(output.resolve(".77aa-root.part"), "half a picture");
        assertThat(output.resolve(OutputStaging.FOLDER)).isDirectory();

        allFrames(input, output);

        assertThat(outcome(input, output)).isEqualTo(clean);
    }

    @Test
    void aCommitCutShortByACrashIsFinishedAtTheNextStartWithoutDuplicates() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Outcome clean = cleanRun();

        // The killed job: alpha finished; beta's commit had written its journal, moved 2 of its 4 pictures and
        // appended part of its manifest rows when the process died; beta was not renamed yet.
        Path input = videos("in");
        Path output = root.resolve("out");
        Files.move(input.resolve("beta.mp4"), root.resolve("beta.away"));
        allFrames(input, output);
        Files.move(root.resolve("beta.away"), input.resolve("beta.mp4"));
        StagedVideo staged = stageBetaAsWritten(root.resolve("clean-out"), input, output, 4);
        Files.delete(staged.folder().resolve(".0f3c-in-flight.part"));
        CommitJournal journal = staged.plan(PREFIX);
        journal.writeTo(staged.folder());
        for (CommitJournal.Move move : journal.moves().subList(0, 2)) {
            Files.createLink(output.resolve(move.target()), staged.folder().resolve(move.staged()));
            Files.delete(staged.folder().resolve(move.staged()));
        }
        // The third picture was linked but its staged name not yet removed.
        CommitJournal.Move third = journal.moves().get(2);
        Files.createLink(output.resolve(third.target()), staged.folder().resolve(third.staged()));
        byte[] rows = String.join(
                        "",
                        clean.manifest().subList(5, 9).stream()
                                .map(r -> r + "\n")
                                .toList())
                .getBytes(StandardCharsets.UTF_8);
        try (FileOutputStream out =
                new FileOutputStream(output.resolve(Manifest.FILE_NAME).toFile(), true)) {
            out.write(rows, 0, rows.length / 2 + 7); // a row cut in the middle
        }

        ExtractionSummary rerun = allFrames(input, output);

        assertThat(rerun.filesProcessed())
                .as("beta was renamed by the finished commit")
                .isZero();
        assertThat(outcome(input, output)).isEqualTo(clean);
    }

    @Test
    void aCancelledJobDiscardsTheUnfinishedVideosPicturesAndLeavesNoStagingBehind() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Outcome clean = cleanRun();
        Path input = videos("in");
        Path output = root.resolve("out");
        Cancellation cancellation = new Cancellation();
        ExtractionProgress progress = new ExtractionProgress();
        ExtractionRequest request =
                ExtractionRequest.builder(input, output).allFrames(true).build();
        // Cancelled as the first picture of the first video is written: that video is in progress.
        Thread watcher = new Thread(() -> {
            while (progress.picturesWritten() == 0) {
                Thread.onSpinWait();
            }
            cancellation.cancel();
        });
        watcher.start();
        try {
            new FramesExtractor(
                            new FrameSampler(0),
                            PipelineSettings.builder().writerThreads(1).build())
                    .run(request, progress, cancellation);
        } catch (InterruptedException expected) {
            // cancelled
        } finally {
            watcher.join();
            Thread.interrupted(); // the cancellation interrupted this thread, as it does the job's thread
        }
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("nothing staged or temporary is left")
                    .allMatch(name -> !name.startsWith(".") || name.equals(OutputFolder.LOCK_FILE));
        }
        assertThat(progress.picturesWritten())
                .as("the count says what is in the output folder")
                .isEqualTo(
                        Files.exists(output.resolve(Manifest.FILE_NAME))
                                ? Files.readAllLines(output.resolve(Manifest.FILE_NAME))
                                                .size()
                                        - 1
                                : 0);

        allFrames(input, output);

        assertThat(outcome(input, output)).isEqualTo(clean);
    }

    @Test
    void aTopImagesJobKilledBetweenACopyAndItsManifestRowIsListedOnceByTheRerun() throws Exception {
        Path input = Files.createDirectory(root.resolve("photos"));
        for (int i = 0; i < 4; i++) {
            TestImages.write(input.resolve("photo" + i + ".jpg"), i);
        }
        TestImages.write(input.resolve("scan.png"), 9); // re-encoded to JPEG
        Path clean = root.resolve("clean");
        topImages(input, clean);
        List<String> cleanRows = sortedRows(clean);
        assertThat(cleanRows).hasSize(1 + 5);

        // The killed job: every copy made, the last two rows never written, a copy in flight.
        Path output = root.resolve("out");
        topImages(input, output);
        List<String> rows = Files.readAllLines(output.resolve(Manifest.FILE_NAME));
        Files.write(output.resolve(Manifest.FILE_NAME), rows.subList(0, rows.size() - 2));
        Files.writeString(output.resolve(".1d2e.part"), "half a photo");

        topImages(input, output);

        assertThat(sortedRows(output).stream().map(InterruptedJobTests::withoutScore))
                .containsExactlyElementsOf(cleanRows.stream()
                        .map(InterruptedJobTests::withoutScore)
                        .toList());
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            OutputFolder.LOCK_FILE,
                            Manifest.FILE_NAME,
                            "photo0.jpg",
                            "photo1.jpg",
                            "photo2.jpg",
                            "photo3.jpg",
                            "scan.jpg");
        }
    }

    private void topImages(Path input, Path output) throws Exception {
        StubScoringModel model = new StubScoringModel();
        new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output)
                                .topImagesPercent(0.0)
                                .build(),
                        new ExtractionProgress(),
                        new Cancellation());
    }

    private static List<String> sortedRows(Path output) throws IOException {
        return Files.readAllLines(output.resolve(Manifest.FILE_NAME)).stream()
                .sorted()
                .toList();
    }

    /** The row without its score column: the stub model's scores are not the point here. */
    private static String withoutScore(String row) {
        String[] cells = row.split(",", -1);
        return cells[0] + "," + cells[1] + "," + cells[5];
    }

    @Test
    void aStagingFolderThatIsALinkIsNeverWrittenThrough() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path input = videos("in-link");
        Path output = Files.createDirectory(root.resolve("out-link"));
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.createSymbolicLink(output.resolve(OutputStaging.FOLDER), elsewhere);

        assertThatThrownBy(() -> allFrames(input, output))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining(OutputStaging.FOLDER)
                .hasMessageContaining("is a symbolic link");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).as("nothing written through the link").isEmpty();
        }
        assertThat(input.resolve("alpha.mp4")).as("not renamed").exists();
    }
}
