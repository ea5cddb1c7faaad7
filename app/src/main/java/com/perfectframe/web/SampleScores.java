package com.perfectframe.web;

import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.SamplesCsv;
import com.perfectframe.extract.select.Verdict;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the score of every sample from an output folder's {@code samples.csv} (written with {@code --samples_csv}),
 * for the page's chart of the score over time of each video with its kept frames and shot boundaries marked. Only
 * the columns the chart needs are read: video, timestamp, score, the verdict (kept, or part of a transition) and the
 * shot (absent from files written before shots: null then). At most {@value #MAX_SAMPLES} samples are read (55 hours
 * of video); rows that cannot be read (not UTF-8, too short) are skipped.
 */
final class SampleScores {

    static final String FILE_NAME = SamplesCsv.FILE_NAME;

    /** Columns of samples.csv: the verdict, and the shot added after it. */
    private static final int VERDICT = 9;

    private static final int SHOT = 10;

    /** The verdict of a transition sample. */
    private static final String TRANSITION = Verdict.TRANSITION.description();

    static final int MAX_SAMPLES = 200_000;

    private SampleScores() {}

    /**
     * One sample: its video, time, NIMA score (null when not scored), whether it was kept or belongs to a transition
     * between shots, and its shot (null when unknown).
     */
    record Sample(String video, double seconds, Double score, boolean kept, boolean transition, Integer shot) {}

    /** The samples, and whether the file held more than were read. */
    record Samples(List<Sample> samples, boolean truncated) {}

    /** Reads the file, which must be a regular file: it is opened without following a link. */
    static Samples read(Path csv) throws IOException {
        List<Sample> samples = new ArrayList<>();
        boolean[] header = {true};
        boolean[] truncated = {false};
        try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)) {
            CsvRecords.scan(in, 0, (offset, bytes, length) -> {
                if (header[0]) {
                    header[0] = false;
                    return true;
                }
                if (samples.size() == MAX_SAMPLES) {
                    truncated[0] = true;
                    return false;
                }
                Sample sample = bytes == null ? null : sample(CsvRecords.text(bytes, length));
                if (sample != null) {
                    samples.add(sample);
                }
                return true;
            });
        }
        return new Samples(samples, truncated[0]);
    }

    private static Sample sample(String record) {
        if (record == null) {
            return null;
        }
        List<List<String>> records = ManifestReader.records(record);
        if (records.size() != 1 || records.get(0).size() <= VERDICT) {
            return null;
        }
        List<String> fields = records.get(0);
        Double seconds = ManifestReader.seconds(fields.get(1));
        if (seconds == null) {
            return null;
        }
        String verdict = fields.get(VERDICT);
        Double shot = fields.size() > SHOT ? ManifestReader.number(fields.get(SHOT)) : null;
        return new Sample(
                fields.get(0),
                seconds,
                ManifestReader.number(fields.get(3)),
                verdict.startsWith("kept"),
                verdict.startsWith(TRANSITION),
                shot == null ? null : shot.intValue());
    }
}
