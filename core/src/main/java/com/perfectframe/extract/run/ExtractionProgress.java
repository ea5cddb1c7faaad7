package com.perfectframe.extract.run;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running job, updated by the pipeline's threads and read by the progress bar and {@code GET /}.
 *
 * <p>The "current file" is the one being decoded (or read); only its own samples count towards its per-file
 * progress, so the tail of the previous video, still being scored while the next one decodes, cannot reset or
 * inflate it. Every method may be called from any thread.
 */
public final class ExtractionProgress {

    /**
     * A file the job could not use, or not completely, and why.
     *
     * @param file the file's name
     * @param stage where it failed: a pipeline stage ({@code decode}, {@code prepare}, …) or {@code rename}
     * @param error one sentence for the user
     */
    public record FileProblem(String file, String stage, String error) {}

    /**
     * Something worth knowing about a file that was still used: a photo cut short that was scored as far as it
     * decodes, a video without a picture track…
     *
     * @param file the file's name
     * @param note a few words for the user
     */
    public record FileNote(String file, String note) {}

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
            List<FileNote> notes,
            Duration elapsed,
            double fractionDone) {}

    /**
     * The current file and its sample counters, replaced as a whole when the next file starts; for a folder of
     * images ({@code wholeFolder}) the counters are the folder's and every image's sample counts.
     */
    private record Current(Path file, boolean wholeFolder, AtomicInteger samplesTotal, AtomicInteger samplesDone) {}

    private final Instant started = Instant.now();
    private final AtomicInteger filesTotal = new AtomicInteger();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong totalSamplesDone = new AtomicLong();
    private final AtomicLong picturesWritten = new AtomicLong();
    private final List<FileProblem> errors = new CopyOnWriteArrayList<>();
    private final List<FileNote> notes = new CopyOnWriteArrayList<>();
    private volatile Current current;

    public void begin(int files) {
        filesTotal.set(files);
    }

    /** A new file starts; its per-file counters start at zero. */
    public void startFile(Path file) {
        current = new Current(file, false, new AtomicInteger(), new AtomicInteger());
    }

    /** Names the file being worked on without touching any counter (folders of images: one sample per file). */
    public void working(Path file) {
        Current now = current;
        current = now != null
                ? new Current(file, now.wholeFolder(), now.samplesTotal(), now.samplesDone())
                : new Current(file, false, new AtomicInteger(), new AtomicInteger());
    }

    /** Samples the current file will give. */
    public void plannedSamples(int samples) {
        Current now = current;
        if (now != null) {
            now.samplesTotal().set(samples);
        }
    }

    /** Samples a folder of images will give: one per image, counted as one file's samples. */
    public void plannedImages(int images) {
        current = new Current(null, true, new AtomicInteger(images), new AtomicInteger());
    }

    /** A sample of {@code file} was scored (or written, when nothing is scored). */
    public void sampleDone(Path file) {
        totalSamplesDone.incrementAndGet();
        Current now = current;
        if (now != null && (now.wholeFolder() || Objects.equals(now.file(), file))) {
            now.samplesDone().incrementAndGet();
        }
    }

    public void pictureWritten() {
        picturesWritten.incrementAndGet();
    }

    /** Pictures counted as written that were discarded with their unfinished video: they are not in the output. */
    public void picturesDiscarded(int pictures) {
        picturesWritten.addAndGet(-pictures);
    }

    public void fileDone() {
        filesDone.incrementAndGet();
    }

    /** A file the job could not use, or not completely. */
    public void problem(Path file, String stage, String error) {
        errors.add(new FileProblem(file.getFileName().toString(), stage, error));
    }

    public List<FileProblem> problems() {
        return List.copyOf(errors);
    }

    /** A file that was used, with something the user should know about it. */
    public void note(Path file, String note) {
        notes.add(new FileNote(file.getFileName().toString(), note));
    }

    public List<FileNote> notes() {
        return List.copyOf(notes);
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

    /** The job's outcome: what these counters say, with the files it processed whole, since it started. */
    public ExtractionSummary summary(int filesProcessed, Instant since) {
        List<FileProblem> problems = problems();
        return new ExtractionSummary(
                filesProcessed,
                problems.size(),
                totalSamplesDone.get(),
                picturesWritten.get(),
                Duration.between(since, Instant.now()),
                problems,
                notes());
    }

    public Snapshot snapshot() {
        int total = filesTotal.get();
        int done = Math.min(filesDone.get(), total);
        Current now = current;
        int sTotal = now != null ? now.samplesTotal().get() : 0;
        int sDone = now != null ? now.samplesDone().get() : 0;
        String name = now != null && now.file() != null && done < total
                ? now.file().getFileName().toString()
                : null;
        double withinFile = sTotal > 0 && !now.wholeFolder() ? Math.min(1.0, sDone / (double) sTotal) : 0;
        double fraction = total > 0 ? Math.min(1.0, (done + (name != null ? withinFile : 0)) / total) : 0;
        return new Snapshot(
                name,
                done,
                total,
                sDone,
                sTotal,
                totalSamplesDone.get(),
                picturesWritten.get(),
                List.copyOf(errors),
                List.copyOf(notes),
                Duration.between(started, Instant.now()),
                fraction);
    }
}
