package com.perfectframe.video;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;

import com.perfectframe.video.picture.Orientation;
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
    private final Orientation orientation;
    private AVFrame frame;

    SampledFrame(Path video, int ordinal, long frameNumber, double seconds, Orientation orientation, AVFrame frame) {
        this.video = video;
        this.ordinal = ordinal;
        this.frameNumber = frameNumber;
        this.seconds = seconds;
        this.orientation = orientation;
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

    /** How the video's container says its frames are to be turned to be shown (a frame may say otherwise). */
    public Orientation orientation() {
        return orientation;
    }

    @Override
    public int width() {
        return frame().width();
    }

    @Override
    public int height() {
        return frame().height();
    }

    /** Bytes of its decoded pixels in the decoder's own format (10-bit HDR holds twice what 8-bit 4:2:0 does). */
    @Override
    public long bytes() {
        AVFrame f = frame();
        int size = av_image_get_buffer_size(f.format(), f.width(), f.height(), 1);
        return size > 0 ? size : VideoSample.super.bytes();
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
