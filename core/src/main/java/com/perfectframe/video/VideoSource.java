package com.perfectframe.video;

import com.perfectframe.video.container.VideoException;
import java.nio.file.Path;

/**
 * Where samples of a video come from: {@link FrameSampler} decodes them with FFmpeg; tests feed the pipeline from
 * stubs without native code.
 *
 * @param <S> the kind of sample given to the sink
 */
public interface VideoSource<S extends VideoSample> {

    /**
     * Samples the video into the sink, on the calling thread (and, where the source says so, on decoder threads
     * of its own). Returns when the video is done; an interrupted caller gets {@link InterruptedException}.
     *
     * @throws VideoException when the file cannot be opened or decoded at all
     */
    SamplingResult sample(Path video, SampleSink<S> sink) throws VideoException, InterruptedException;

    /**
     * Whether samples reach the sink in increasing order of their ordinal, from one thread. Selection relies on it
     * to know that a passed-over sample will not come; parallel decoders do not give it.
     */
    default boolean deliversInOrder() {
        return true;
    }
}
