package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.DECODE;
import static com.perfectframe.extract.stage.StageName.SELECT;

import com.perfectframe.extract.output.OutputStaging;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.video.SamplingResult;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy for a video with nothing left in the pipeline, on the job's thread: its outputs are committed as a
 * unit ({@link StagedVideo}), and it is renamed as processed only when every sample went through — not when a stage
 * failed it, its selection did not finish, decoding stopped short of the duration it declares, or the file changed
 * while it was read. A video of a job that stops is discarded instead: nothing of it reaches the output folder.
 */
final class VideoFinisher {

    private static final Logger log = LoggerFactory.getLogger(VideoFinisher.class);

    private final OutputStaging staging;
    private final String processedPrefix;
    private final ExtractionProgress progress;

    VideoFinisher(OutputStaging staging, String processedPrefix, ExtractionProgress progress) {
        this.staging = staging;
        this.processedPrefix = processedPrefix;
        this.progress = progress;
    }

    /** Opens the video's staging folder, where its outputs wait until it is done. */
    StagedVideo stage(Path video) throws ExtractionException {
        try {
            return staging.open(video);
        } catch (IOException e) {
            throw new ExtractionException("Cannot write to output folder "
                    + staging.output().toAbsolutePath() + ": " + StageFailure.describe(e));
        }
    }

    /**
     * Commits the video's outputs and, when it went through whole, renames it.
     *
     * @throws ExtractionException when the output folder cannot be written
     */
    VideoOutcome finish(VideoRun<?> run) throws ExtractionException {
        VideoOutcome.Reported notWhole = notProcessedWhole(run);
        ExtractionException renameFailure = commit(run, notWhole == null ? processedPrefix : null);
        if (notWhole != null) {
            return notWhole;
        }
        if (renameFailure != null) {
            return new VideoOutcome.Reported(run.video(), "rename", renameFailure.getMessage());
        }
        return new VideoOutcome.Processed(run.video(), run.sampling());
    }

    /** Why the video must keep its name, or null when every sample went through. */
    private static VideoOutcome.Reported notProcessedWhole(VideoRun<?> run) {
        Path video = run.video();
        StageFailure failure = run.failure();
        SamplingResult result = run.sampling();
        if (run.gone()) {
            // Whatever else went wrong with it (it could not be opened, say), this is why.
            return new VideoOutcome.Reported(
                    video, DECODE.id(), goneReason(video, run.output().pictures()));
        }
        if (failure != null) {
            return new VideoOutcome.Reported(video, failure.stage().id(), failure.getMessage());
        }
        if (!run.selectionFinished()) {
            return new VideoOutcome.Reported(
                    video, SELECT.id(), "its selection did not finish; the video was not renamed");
        }
        if (result == null || !result.complete()) {
            String problem =
                    result != null && result.problem() != null ? result.problem() : "not every sample could be decoded";
            return new VideoOutcome.Reported(
                    video, DECODE.id(), problem + "; the pictures found were written and the video was not renamed");
        }
        if (run.changedSinceStart()) {
            return new VideoOutcome.Reported(
                    video,
                    DECODE.id(),
                    "is still being written (it changed while it was read): the pictures found were written and"
                            + " the video was not renamed; run again once the recording is complete");
        }
        if (result.shortfall() != null) {
            // Decoding stopped before the end the file declares, with no error to say why.
            return new VideoOutcome.Reported(
                    video,
                    DECODE.id(),
                    result.shortfall() + ": the pictures found were written and the video was not renamed");
        }
        return null;
    }

    /** What a video that is no longer at its path is told: its folder is named when that went too. */
    static String goneReason(Path video, int pictures) {
        Path folder = video.toAbsolutePath().getParent();
        boolean folderGone = folder != null && !java.nio.file.Files.isDirectory(folder);
        return "is no longer at " + video.toAbsolutePath() + ": "
                + (folderGone ? "its folder " + folder + " was moved or deleted" : "it was moved or deleted")
                + " during the job, so it was not renamed"
                + (pictures > 0 ? "; the " + pictures + " pictures found were written" : "")
                + ". Run the job again on the folder where it is now.";
    }

    /**
     * Puts the video's outputs in place and, with a prefix, renames the video, as one unit.
     *
     * @return the rename's failure, or null
     * @throws ExtractionException when the output folder cannot be written
     */
    private ExtractionException commit(VideoRun<?> run, String prefix) throws ExtractionException {
        StagedVideo output = run.output();
        // Counted when they were written; a better near-duplicate replaced them, so they are not in the output.
        progress.picturesDiscarded(output.withdrawnPictures());
        try {
            return output.commit(prefix);
        } catch (IOException e) {
            throw new ExtractionException(
                    "Cannot put the pictures of " + run.video().getFileName()
                            + " in place in output folder " + output.output().toAbsolutePath() + ": "
                            + StageFailure.describe(e));
        } finally {
            staging.forget(run.video());
        }
    }

    /** Discards what an unfinished video staged: nothing of it reaches the output folder. */
    void discard(VideoRun<?> run) {
        StagedVideo output = run.output();
        int pictures = output.pictures();
        output.discard();
        staging.forget(run.video());
        progress.picturesDiscarded(pictures + output.withdrawnPictures());
        if (pictures > 0) {
            log.info(
                    "{}: {} pictures of the unfinished video discarded; it was not renamed and is processed again by"
                            + " the next run",
                    run.video().getFileName(),
                    pictures);
        }
    }

    /** Removes the staging area once no video is left in it. */
    void close() {
        staging.close();
    }
}
