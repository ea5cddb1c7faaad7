package com.perfectframe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.testing.SyntheticModel;
import com.perfectframe.testing.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} mode inside this JVM (with up to 3 attempts per task, as a cluster retries), on
 * generated videos and synthetic weights, compared with the core's pipeline run as the command line runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkJobTests {

    @TempDir
    static Path root;

    private SparkSession spark;
    private Path input;
    /** What the command line writes for the same videos and options: file name → bytes, file name → score. */
    private Map<String, byte[]> cliPictures;

    private Map<String, Double> cliScores;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        input = Files.createDirectory(root.resolve("archive"));
        // Four videos of different lengths (largest first is the job's order; the CLI's is by name).
        int[] seconds = {6, 9, 4, 7};
        for (int i = 0; i < seconds.length; i++) {
            TestVideos.h264(input.resolve("clip" + i + ".mp4"), seconds[i] * 25, 25, 50, 0);
        }
        Path cliIn = Files.createDirectory(root.resolve("cli-in"));
        try (Stream<Path> videos = Files.list(input)) {
            for (Path video : videos.toList()) {
                Files.copy(video, cliIn.resolve(video.getFileName()));
            }
        }
        Path cliOut = root.resolve("cli-out");
        JobCommand cli = job("best_frames", "ignored").parse();
        ExtractionRequest request = cli.request(cliIn, cliOut);
        try (ExtractorFactory factory = new ExtractorFactory(cli.settings())) {
            factory.forRequest(cli.extractor(), request).run(request, new ExtractionProgress(), new Cancellation());
        }
        cliPictures = pictures(cliOut);
        cliScores = new HashMap<>();
        ManifestReader.read(cliOut.resolve(Manifest.FILE_NAME))
                .forEach((name, row) -> cliScores.put(name, row.score()));
        assertThat(cliPictures).hasSizeGreaterThanOrEqualTo(4);

        spark = SparkSession.builder()
                .master("local[2,3]")
                .appName("SparkJobTests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", root.resolve("warehouse").toString())
                .getOrCreate();
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private JobArguments job(String command, String output, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--input",
                input.toString(),
                "--output",
                output,
                "--models_dir",
                SyntheticModel.modelsDir().toString()));
        args.addAll(List.of(more));
        return new JobArguments(command, args);
    }

    private JobReport run(JobArguments job) {
        return SparkExtractJob.run(spark, job);
    }

    private static Map<String, byte[]> pictures(Path folder) throws IOException {
        Map<String, byte[]> pictures = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                pictures.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return pictures;
    }

    private static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> folder.relativize(f).toString())
                    .filter(n -> n.startsWith("_perfectframe") || n.endsWith(".part") || n.contains(".perfectframe"))
                    .toList();
        }
    }

    private List<Row> manifest(Path output) {
        return spark.read()
                .parquet(output.resolve(OutputTables.MANIFEST).toString())
                .collectAsList();
    }

    @Test
    void writesTheSamePicturesAndScoresAsTheCommandLine() throws Exception {
        Path output = root.resolve("same");

        JobReport report = run(job("best_frames", output.toString()));

        assertThat(report.processed()).isEqualTo(4);
        assertThat(report.failed()).isZero();
        Map<String, byte[]> written = pictures(output);
        assertThat(written.keySet()).isEqualTo(cliPictures.keySet());
        written.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(cliPictures.get(name)));
        List<Row> rows = manifest(output);
        assertThat(rows).hasSize(cliPictures.size());
        for (Row row : rows) {
            String file = row.getAs("file");
            assertThat((Double) row.getAs("score")).as(file).isEqualTo(cliScores.get(file));
            assertThat((String) row.getAs("source")).isEqualTo(file.substring(0, file.indexOf('_')) + ".mp4");
            assertThat((String) row.getAs("executor")).isEqualTo("driver"); // local mode: the driver runs the tasks
            assertThat((String) row.getAs("task_attempt")).matches("\\d+\\.\\d+\\.0-\\d+");
        }
        assertThat(hidden(output)).isEmpty();
        assertThat(input.resolve("clip0.mp4")).as("inputs are never renamed").exists();
        assertThat(Files.readString(Files.list(output.resolve(OutputTables.MANIFEST_CSV))
                        .filter(f -> f.toString().endsWith(".csv"))
                        .findFirst()
                        .orElseThrow()))
                .startsWith("file,source,timestamp,frame_number,score,model,executor,task_attempt");
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedWithoutDuplicatesOrPartialFiles() throws Exception {
        Path output = root.resolve("retried");
        AttemptHook lostExecutor = (video, task) -> {
            if (task.attemptNumber() == 0 && video.name().equals("clip1.mp4")) {
                throw new IllegalStateException("first attempt of " + video.name() + " fails after upload");
            }
        };
        JobReport report = new ArchiveJob(spark, job("best_frames", output.toString()), lostExecutor).run();

        assertThat(report.processed()).isEqualTo(4);
        Map<String, byte[]> written = pictures(output);
        assertThat(written.keySet()).isEqualTo(cliPictures.keySet());
        written.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(cliPictures.get(name)));
        assertThat(hidden(output)).as("no attempt folder left").isEmpty();
        List<Row> rows = manifest(output);
        assertThat(rows).hasSize(cliPictures.size());
        assertThat(rows.stream()
                        .filter(r -> "clip1.mp4".equals(r.getAs("source")))
                        .map(r -> (String) r.getAs("task_attempt")))
                .isNotEmpty()
                .allMatch(attempt -> attempt.matches("\\d+\\.\\d+\\.1-\\d+"), "the second attempt's");
    }

    @Test
    void aSecondRunOverTheSameInputWritesNothingNew() throws Exception {
        Path output = root.resolve("twice");
        run(job("best_frames", output.toString()));
        Map<String, Long> before = modified(output);
        long rowsBefore = manifest(output).size();

        JobReport second = run(job("best_frames", output.toString()));

        assertThat(second.inputs()).isZero();
        assertThat(second.pictures()).isZero();
        assertThat(modified(output)).isEqualTo(before);
        assertThat(manifest(output)).hasSize((int) rowsBefore);
    }

    @Test
    void corruptVideosAreReportedInTheErrorTableNotFatal() throws Exception {
        Path mixed = Files.createDirectory(root.resolve("mixed"));
        // A name a spreadsheet would take for a formula: the CSV table neutralises it, as manifest.csv does.
        Files.copy(input.resolve("clip2.mp4"), mixed.resolve("=good.mp4"));
        Files.write(
                mixed.resolve("broken.mp4"), "not a video at all".repeat(100).getBytes());
        byte[] full = Files.readAllBytes(input.resolve("clip3.mp4"));
        Files.write(mixed.resolve("cut.mkv"), java.util.Arrays.copyOf(full, 600));
        Path output = root.resolve("mixed-out");
        JobArguments job = new JobArguments(
                "best_frames",
                List.of(
                        "--input",
                        mixed.toString(),
                        "--output",
                        output.toString(),
                        "--models_dir",
                        SyntheticModel.modelsDir().toString()));

        JobReport report = run(job);

        assertThat(report.processed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(pictures(output).keySet())
                .allMatch(n -> n.startsWith("=good_"))
                .isNotEmpty();
        Map<String, String> errors = new HashMap<>();
        spark.read()
                .parquet(output.resolve(OutputTables.ERRORS).toString())
                .collectAsList()
                .forEach(r -> errors.put(r.getAs("source"), r.getAs("error")));
        assertThat(errors.keySet()).containsExactlyInAnyOrder("broken.mp4", "cut.mkv");
        assertThat(errors.get("broken.mp4"))
                .startsWith("cannot be opened as a video")
                .doesNotContain("\n");
        List<String> done =
                spark.read().parquet(output.resolve(OutputTables.VIDEOS).toString()).collectAsList().stream()
                        .map(r -> (String) r.getAs("source"))
                        .toList();
        assertThat(done).containsExactly("=good.mp4");
        String csv;
        try (Stream<Path> parts = Files.list(output.resolve(OutputTables.MANIFEST_CSV))) {
            csv = Files.readString(
                    parts.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow());
        }
        assertThat(csv)
                .containsPattern("\n'=good_\\d\\d-\\d\\d-\\d\\d\\.\\d{3}\\.jpg,'=good\\.mp4,")
                .doesNotContain(",=good");
    }

    @Test
    void topImagesKeepsTheFolderWidePercentileAsTheCommandLineDoes() throws Exception {
        Path photos = Files.createDirectory(root.resolve("photos"));
        for (int i = 0; i < 12; i++) {
            com.perfectframe.testing.TestImages.write(photos.resolve(String.format("p%02d.jpg", i)), i);
        }
        Path cliOut = root.resolve("photos-cli");
        JobArguments job = new JobArguments(
                "top_images",
                List.of(
                        "--input",
                        photos.toString(),
                        "--output",
                        root.resolve("photos-spark").toString(),
                        "--models_dir",
                        SyntheticModel.modelsDir().toString(),
                        "--top_images_percent",
                        "75",
                        "--images_per_task",
                        "5"));
        JobCommand.TopImages command = (JobCommand.TopImages) job.parse();
        ExtractionRequest cliRequest =
                ExtractionRequest.builder(photos, cliOut).topImagesPercent(75.0).build();
        try (ExtractorFactory factory = new ExtractorFactory(command.settings())) {
            factory.forRequest(command.extractor(), cliRequest)
                    .run(cliRequest, new ExtractionProgress(), new Cancellation());
        }

        JobReport report = run(job);

        Map<String, byte[]> cli = pictures(cliOut);
        Map<String, byte[]> written = pictures(root.resolve("photos-spark"));
        assertThat(cli).hasSize(3);
        assertThat(written.keySet()).isEqualTo(cli.keySet());
        written.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(cli.get(name)));
        assertThat(report.processed()).isEqualTo(12);
        Map<String, ManifestRow> cliRows = ManifestReader.read(cliOut.resolve(Manifest.FILE_NAME));
        for (Row row : manifest(root.resolve("photos-spark"))) {
            assertThat((Double) row.getAs("score"))
                    .isEqualTo(cliRows.get(row.getAs("file")).score());
        }
        assertThat(hidden(root.resolve("photos-spark"))).isEmpty();
    }

    @Test
    void videosWithTheSameNameStemKeepAllTheirPicturesAsTheCommandLineDoes() throws Exception {
        Path same = Files.createDirectory(root.resolve("same-stem"));
        TestVideos.h264(same.resolve("take.mp4"), 100, 25, 25, 0);
        TestVideos.h264(same.resolve("take.mkv"), 80, 20, 20, 0); // other frames at the same times
        Path cliIn = Files.createDirectory(root.resolve("same-stem-cli"));
        for (String name : List.of("take.mp4", "take.mkv")) {
            Files.copy(same.resolve(name), cliIn.resolve(name));
        }
        Path cliOut = root.resolve("same-stem-cli-out");
        JobCommand cli = job("best_frames", "ignored").parse();
        ExtractionRequest request = cli.request(cliIn, cliOut);
        try (ExtractorFactory factory = new ExtractorFactory(cli.settings())) {
            factory.forRequest(cli.extractor(), request).run(request, new ExtractionProgress(), new Cancellation());
        }
        Path output = root.resolve("same-stem-out");

        run(new JobArguments(
                "best_frames",
                List.of(
                        "--input",
                        same.toString(),
                        "--output",
                        output.toString(),
                        "--models_dir",
                        SyntheticModel.modelsDir().toString())));

        // Which video gets the _1 names may differ (the job starts the larger one first); each picture is there.
        Map<String, byte[]> cliPictures = pictures(cliOut);
        Map<String, byte[]> written = pictures(output);
        assertThat(written).hasSameSizeAs(cliPictures);
        Map<String, ManifestRow> cliRows = ManifestReader.read(cliOut.resolve(Manifest.FILE_NAME));
        Map<String, byte[]> cliBySample = new HashMap<>();
        cliRows.values().forEach(r -> cliBySample.put(r.source() + "@" + r.timestamp(), cliPictures.get(r.file())));
        List<Row> rows = manifest(output);
        assertThat(rows).hasSize(cliRows.size());
        for (Row row : rows) {
            String sample = row.getAs("source") + "@" + row.getAs("timestamp");
            assertThat(written.get((String) row.getAs("file"))).as(sample).isEqualTo(cliBySample.get(sample));
        }
    }

    private static Map<String, Long> modified(Path folder) throws IOException {
        Map<String, Long> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(
                        folder.relativize(file).toString(),
                        Files.getLastModifiedTime(file).toMillis());
            }
        }
        return times;
    }
}
