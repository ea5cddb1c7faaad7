package com.perfectframe.extract;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running job, updated by the pipeline's threads and read by the progress bar and {@code GET /}.
 */
public final class ExtractionProgress {

    /** A file the job could not use, and why. */
    public record FileProblem(String file, String error) {}

    /** A consistent-enough copy of the counters for display. */
    public record Snapshot(
            String currentFile,
            int filesDone,
            int filesTotal,
            int samplesDone,
            int samplesTotal,
            long totalSamplesDone,
            long picturesWritten,
            List<FileProblem> errors,
            Duration elapsed,
            double fractionDone) {}

    private final Instant started = Instant.now();
    private final AtomicInteger filesTotal = new AtomicInteger();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicInteger samplesTotal = new AtomicInteger();
    private final AtomicInteger samplesDone = new AtomicInteger();
    private final AtomicLong totalSamplesDone = new AtomicLong();
    private final AtomicLong picturesWritten = new AtomicLong();
    private final List<FileProblem> errors = new CopyOnWriteArrayList<>();
    private volatile String currentFile;

    public void begin(int files) {
        filesTotal.set(files);
    }

    public void startFile(Path file) {
        currentFile = file.getFileName().toString();
        samplesDone.set(0);
        samplesTotal.set(0);
    }

    public void plannedSamples(int samples) {
        samplesTotal.set(samples);
    }

    public void sampleDone() {
        samplesDone.incrementAndGet();
        totalSamplesDone.incrementAndGet();
    }

    public void pictureWritten() {
        picturesWritten.incrementAndGet();
    }

    public void fileDone() {
        filesDone.incrementAndGet();
        currentFile = null;
    }

    public void problem(Path file, String error) {
        errors.add(new FileProblem(file.getFileName().toString(), error));
    }

    public List<FileProblem> problems() {
        return List.copyOf(errors);
    }

    public long picturesWritten() {
        return picturesWritten.get();
    }

    public long totalSamplesDone() {
        return totalSamplesDone.get();
    }

    public int filesDone() {
        return filesDone.get();
    }

    public Snapshot snapshot() {
        int total = filesTotal.get();
        int done = filesDone.get();
        int sTotal = samplesTotal.get();
        int sDone = samplesDone.get();
        double withinFile = sTotal > 0 ? Math.min(1.0, sDone / (double) sTotal) : 0;
        double fraction = total > 0 ? Math.min(1.0, (done + (currentFile != null ? withinFile : 0)) / total) : 0;
        return new Snapshot(
                currentFile,
                done,
                total,
                sDone,
                sTotal,
                totalSamplesDone.get(),
                picturesWritten.get(),
                List.copyOf(errors),
                Duration.between(started, Instant.now()),
                fraction);
    }
}
