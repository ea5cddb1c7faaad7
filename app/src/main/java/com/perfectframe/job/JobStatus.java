package com.perfectframe.job;

import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import java.time.Instant;

/**
 * One job as seen from outside: what runs, since when, how far it got, and how it ended.
 *
 * @param extractor which job
 * @param state running, succeeded, failed or cancelled
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while running
 * @param progress its live counters (final values once it ended)
 * @param summary the outcome of a succeeded job, or null
 * @param error why a failed job failed, or null
 */
public record JobStatus(
        ExtractorName extractor,
        State state,
        Instant startedAt,
        Instant finishedAt,
        ExtractionProgress.Snapshot progress,
        ExtractionSummary summary,
        String error) {

    /** Life cycle of a job. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }
}
