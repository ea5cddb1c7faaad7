package com.perfectframe.extract.output;

import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.extract.select.Scored;
import com.perfectframe.extract.select.SelectionLog;
import com.perfectframe.extract.select.Verdict;
import com.perfectframe.quality.PictureMeasures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-sample CSV ({@value #FILE_NAME}, asked for with {@code --samples_csv}): every sample of every video with
 * its time, NIMA score, quality measures, the verdict of the selection and its shot (0, 1, 2, … within its video;
 * empty when shots were not needed), so that a user can see and plot why a frame won. The shot column is last, so
 * that the columns before it keep their places. A video is named as in the manifest's {@code source} column (its
 * path under the input folder, so that two {@code clip.mp4} of a recursive run stay apart). Runs append to it, like
 * the manifest. A video's rows are written when its selection finishes, into its staging, and so reach the file
 * with the video's pictures.
 */
public final class SamplesCsv {

    public static final String FILE_NAME = "samples.csv";
    static final String HEADER =
            "video,timestamp,sample,score,sharpness,mean_luma,dark_share,bright_share,luma_spread,verdict,shot\n";

    private final Path file;
    private final Path inputRoot;
    private final OutputStaging staging;

    /**
     * @param inputRoot the job's input folder, under which videos are named (as {@link OutputNames#source} does)
     * @param staging where each video's rows wait for its commit, or null to append them at once
     */
    public SamplesCsv(Path outputDirectory, Path inputRoot, OutputStaging staging) {
        this.file = outputDirectory.resolve(FILE_NAME);
        this.inputRoot = inputRoot;
        this.staging = staging;
    }

    /** The log of one video's verdicts, which is also the last link of its selection before the writer. */
    public <C extends Scored> VideoLog<C> forVideo(Path video, FrameSelection<C> toWriter) {
        return new VideoLog<>(video, toWriter);
    }

    /** Hears a video's verdicts, marks what reaches the writer as kept, and writes the rows at the end. */
    public final class VideoLog<C extends Scored> implements SelectionLog, FrameSelection<C> {
        private final Path video;
        private final String videoName;
        private final FrameSelection<C> toWriter;
        private final Map<Integer, String> rows = new TreeMap<>();
        private final Map<Integer, Verdict> verdicts = new TreeMap<>();
        private final Map<Integer, Integer> shots = new TreeMap<>();

        private VideoLog(Path video, FrameSelection<C> toWriter) {
            this.video = video;
            this.videoName = Manifest.csv(Manifest.nameIn(inputRoot, video));
            this.toWriter = toWriter;
        }

        @Override
        public void verdict(Scored sample, Verdict verdict) {
            verdicts.put(sample.ordinal(), verdict);
            rows.put(sample.ordinal(), row(sample));
            if (sample.shot() != null) {
                shots.put(sample.ordinal(), sample.shot().shot());
            }
        }

        @Override
        public void offer(C sample) throws InterruptedException {
            if (verdicts.get(sample.ordinal()) != Verdict.KEPT_ANYWAY) {
                verdict(sample, Verdict.KEPT);
            }
            toWriter.offer(sample);
        }

        /** A kept frame replaced by a better near-duplicate later: its row says so. */
        @Override
        public void withdraw(int ordinal) {
            if (verdicts.containsKey(ordinal)) {
                verdicts.put(ordinal, Verdict.DUPLICATE);
            }
            toWriter.withdraw(ordinal);
        }

        @Override
        public void skipped(int ordinal) throws InterruptedException {
            toWriter.skipped(ordinal);
        }

        @Override
        public void finish() throws InterruptedException {
            write();
            toWriter.finish();
        }

        @Override
        public void discard() {
            toWriter.discard();
        }

        private String row(Scored sample) {
            PictureMeasures m = sample.measures();
            return String.join(
                    ",",
                    videoName,
                    OutputNames.timestamp(sample.seconds()),
                    Integer.toString(sample.ordinal()),
                    Float.isNaN(sample.score()) ? "" : String.format(Locale.ROOT, "%.4f", sample.score()),
                    m == null ? "" : number(m.sharpness()),
                    m == null ? "" : number(m.meanLuma()),
                    m == null ? "" : number(m.darkShare()),
                    m == null ? "" : number(m.brightShare()),
                    m == null ? "" : number(m.lumaSpread()));
        }

        private void write() {
            StringBuilder text = new StringBuilder();
            rows.forEach((ordinal, row) -> text.append(row)
                    .append(',')
                    .append(Manifest.csv(verdicts.get(ordinal).description()))
                    .append(',')
                    .append(shots.containsKey(ordinal) ? shots.get(ordinal).toString() : "")
                    .append('\n'));
            rows.clear();
            verdicts.clear();
            shots.clear();
            if (staging != null) {
                staging.of(video).rows(FILE_NAME, HEADER, text.toString());
                return;
            }
            try {
                append(text.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private synchronized void append(String rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        Manifest.appendRows(file, HEADER, rows);
    }
}
