package com.perfectframe.extract.video;

import com.perfectframe.video.SamplingResult;
import java.nio.file.Path;

/** What became of a video that left the pipeline while its job still ran. */
sealed interface VideoOutcome permits VideoOutcome.Processed, VideoOutcome.Reported {

    Path video();

    /** Every sample went through: its outputs are in place and it was renamed as processed. */
    record Processed(Path video, SamplingResult sampling) implements VideoOutcome {}

    /**
     * It was not processed whole, or could not be renamed: what it wrote is in place, it keeps its name, and the
     * reason is reported with the stage it belongs to ({@code decode}, {@code prepare}, …, or {@code rename}).
     */
    record Reported(Path video, String stage, String reason) implements VideoOutcome {}
}
