package com.perfectframe.extract.video;

import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.select.FrameSelection;
import com.perfectframe.extract.stage.JobState;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.video.SamplingResult;
import com.perfectframe.video.VideoSample;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One video going through the pipeline: counts its samples still alive, remembers its first failure, and completes
 * when its last sample has been released, after which it can be renamed or reported.
 *
 * <p>Two counts, each starting with one token for the stage that feeds them: {@code inPrepare} (samples being
 * prepared, plus decoding) reaches zero when the last of its samples has left the preparing stage, which is when
 * its end marker may follow them into the scoring queue; {@code live} (samples alive, plus its selection) reaches
 * zero when nothing of the video is left in the pipeline.
 *
 * @param <S> the kind of sample
 */
final class VideoRun<S extends VideoSample> {

    private final Path video;
    private final AtomicInteger live = new AtomicInteger(1);
    private final AtomicInteger inPrepare = new AtomicInteger(1);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicReference<StageFailure> failure = new AtomicReference<>();
    private volatile SamplingResult sampling;
    private volatile boolean selectionFinished;

    /** Created on the decoding thread before the first sample is passed on; used on the scoring thread only. */
    private FrameSelection<Candidate<S>> selection;

    /** Highest ordinal passed on so far; decoding thread only. */
    private int lastOrdinal = -1;

    /** Size and modification time when its sampling began: a recording still being written changes them. */
    private final String stamp;

    /** Where its outputs wait for the video to be done. */
    private final StagedVideo output;

    VideoRun(Path video, StagedVideo output) {
        this.video = video;
        this.output = output;
        this.stamp = stamp(video);
    }

    StagedVideo output() {
        return output;
    }

    /**
     * Whether the file changed (grew, was rewritten) since its sampling began: a recording still being written. A
     * file that is no longer there at all is {@link #gone()}, not this.
     */
    boolean changedSinceStart() {
        String now = stamp(video);
        return stamp != null && now != null && !stamp.equals(now);
    }

    /** Whether the video is no longer at its path: moved or deleted (it or its folder) during the job. */
    boolean gone() {
        return !java.nio.file.Files.exists(video, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static String stamp(Path file) {
        try {
            return java.nio.file.Files.size(file) + "@"
                    + java.nio.file.Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    Path video() {
        return video;
    }

    void retain() {
        live.incrementAndGet();
    }

    void release() {
        if (live.decrementAndGet() == 0) {
            done.complete(null);
        }
    }

    void enterPrepare() {
        inPrepare.incrementAndGet();
    }

    /** A sample left the preparing stage, or decoding ended; true when that was the video's last. */
    boolean leavePrepare() {
        return inPrepare.decrementAndGet() == 0;
    }

    /** Records a failure where it belongs: against this video, or against the whole job when it stops the job. */
    void report(StageFailure f, JobState job) {
        if (f.stopsJob()) {
            job.fail(f);
        } else {
            fail(f);
        }
    }

    /** Records the video's first failure; later ones are consequences of it. */
    void fail(StageFailure f) {
        failure.compareAndSet(null, f);
    }

    boolean failed() {
        return failure.get() != null;
    }

    StageFailure failure() {
        return failure.get();
    }

    void sampled(SamplingResult result) {
        sampling = result;
    }

    SamplingResult sampling() {
        return sampling;
    }

    FrameSelection<Candidate<S>> selection() {
        return selection;
    }

    void selection(FrameSelection<Candidate<S>> value) {
        selection = value;
    }

    int lastOrdinal() {
        return lastOrdinal;
    }

    void lastOrdinal(int value) {
        lastOrdinal = value;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** Whether the selection decided about every sample (rather than being discarded). */
    boolean selectionFinished() {
        return selectionFinished;
    }

    void selectionFinished(boolean value) {
        selectionFinished = value;
    }

    /** The selection will not hold any more sample: gives back its token. */
    void selectionEnded() {
        release();
    }

    /** Closes what the selection still holds; only once no thread can use it any more. */
    void discardSelection() {
        if (selection != null) {
            selection.discard();
        }
    }
}
