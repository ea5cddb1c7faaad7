package com.perfectframe.web;

import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.SamplesCsv;
import com.perfectframe.extract.select.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the score of every sample from an output folder's {@code samples.csv} (written with {@code --samples_csv}),
 * for the page's chart of the score over time of each video with its kept frames and shot boundaries marked. Only
 * the columns the chart needs are read: video, timestamp, score, the verdict (kept, or part of a transition) and the
 * shot (absent from files written before shots: null then).
 */
final class SampleScores {

    static final String FILE_NAME = SamplesCsv.FILE_NAME;

    /** Columns of samples.csv: the verdict, and the shot added after it. */
    private static final int VERDICT = 9;

    private static final int SHOT = 10;

    /** The verdict of a transition sample. */
    private static final String TRANSITION = Verdict.TRANSITION.description();

    private SampleScores() {}

    /**
     * One sample: its video, time, NIMA score (null when not scored), whether it was kept or belongs to a transition
     * between shots, and its shot (null when unknown).
     */
    record Sample(String video, double seconds, Double score, boolean kept, boolean transition, Integer shot) {}

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
            String verdict = fields.get(VERDICT);
            Double shot = fields.size() > SHOT ? ManifestReader.number(fields.get(SHOT)) : null;
            samples.add(new Sample(
                    fields.get(0),
                    seconds,
                    ManifestReader.number(fields.get(3)),
                    verdict.startsWith("kept"),
                    verdict.startsWith(TRANSITION),
                    shot == null ? null : shot.intValue()));
        }
        return new Samples(samples);
    }
}
