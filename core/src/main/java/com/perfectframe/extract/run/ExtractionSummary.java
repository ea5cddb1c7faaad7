package com.perfectframe.extract.run;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a finished job, for the one-line summary and the last-job status.
 *
 * @param filesProcessed inputs fully processed
 * @param filesFailed inputs skipped because they could not be read
 * @param samples frames or images looked at
 * @param written pictures written to the output folder
 * @param elapsed wall time
 * @param problems the failed inputs and why
 * @param notes inputs that were used, with something the user should know (a photo cut short…)
 */
public record ExtractionSummary(
        int filesProcessed,
        int filesFailed,
        long samples,
        long written,
        Duration elapsed,
        List<ExtractionProgress.FileProblem> problems,
        List<ExtractionProgress.FileNote> notes) {

    public ExtractionSummary {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A summary without notes. */
    public ExtractionSummary(
            int filesProcessed,
            int filesFailed,
            long samples,
            long written,
            Duration elapsed,
            List<ExtractionProgress.FileProblem> problems) {
        this(filesProcessed, filesFailed, samples, written, elapsed, problems, List.of());
    }

    /** One line for people: what was done, how fast, and what went wrong. */
    public String describe(String unitOfInput) {
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        String line = String.format(
                Locale.ROOT,
                "%d %s processed, %d samples, %d pictures written in %.1f s (%.1f samples/s)",
                filesProcessed,
                unitOfInput,
                samples,
                written,
                seconds,
                samples / seconds);
        if (filesFailed > 0) {
            line += String.format(
                    Locale.ROOT,
                    "; %d could not be processed: %s",
                    filesFailed,
                    String.join(
                            "; ",
                            problems.stream()
                                    .map(p -> p.file() + " (" + p.stage() + ": " + p.error() + ")")
                                    .toList()));
        }
        if (!notes.isEmpty()) {
            line += String.format(
                    Locale.ROOT,
                    "; %d %s: %s",
                    notes.size(),
                    notes.size() == 1 ? "note" : "notes",
                    String.join(
                            "; ",
                            notes.stream()
                                    .map(n -> n.file() + " (" + n.note() + ")")
                                    .toList()));
        }
        return line + ".";
    }
}
