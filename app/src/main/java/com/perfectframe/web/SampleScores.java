package com.perfectframe.web;

import com.perfectframe.extract.output.ManifestReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the score of every sample from an output folder's {@code samples.csv} (written with {@code --samples_csv}),
 * for the page's chart of the score over time of each video with its kept frames marked. Only the columns the chart
 * needs are read: video, timestamp, score and whether the verdict kept the sample.
 */
final class SampleScores {

    /** The name {@code extract.SamplesCsv} writes (package-private there). */
    static final String FILE_NAME = "samples.csv";

    private SampleScores() {}

    /** One sample: its video, time, NIMA score (null when not scored) and whether it was kept. */
    record Sample(String video, double seconds, Double score, boolean kept) {}

    record Samples(List<Sample> samples) {}

    static Samples read(Path csv) throws IOException {
        List<List<String>> records = ManifestReader.records(Files.readString(csv, StandardCharsets.UTF_8));
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() < 10) {
                continue;
            }
            Double seconds = ManifestReader.seconds(fields.get(1));
            if (seconds == null) {
                continue;
            }
            samples.add(new Sample(
                    fields.get(0),
                    seconds,
                    ManifestReader.number(fields.get(3)),
                    fields.get(fields.size() - 1).startsWith("kept")));
        }
        return new Samples(samples);
    }
}
