package com.perfectframe.video;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A decoded sample frame still in the decoder's pixel format; whoever receives it owns it and must close it.
 *
 * <p>Pixels are converted only by the stage that writes or scores the frame, off the decoding thread.
 */
public final class SampledFrame implements VideoSample {

    private final Path video;
    private final int ordinal;
    private final long frameNumber;
    private final double seconds;
    private AVFrame frame;

    SampledFrame(Path video, int ordinal, long frameNumber, double seconds, AVFrame frame) {
        this.video = video;
        this.ordinal = ordinal;
        this.frameNumber = frameNumber;
        this.seconds = seconds;
        this.frame = frame;
    }

    @Override
    public Path video() {
        return video;
    }

    /** Position among the video's samples: 0, 1, 2, … */
    @Override
    public int ordinal() {
        return ordinal;
    }

    /** Position of the frame in display order, counted from the first shown frame. */
    @Override
    public long frameNumber() {
        return frameNumber;
    }

    /** Presentation time from the start of the video. */
    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public int width() {
        return frame().width();
    }

    @Override
    public int height() {
        return frame().height();
    }

    /** The decoded frame; valid until {@link #close()}. */
    public AVFrame frame() {
        if (frame == null) {
            throw new IllegalStateException("frame already closed");
        }
        return frame;
    }

    @Override
    public void close() {
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }
}
