package com.perfectframe.extract;

import com.perfectframe.score.PicturePreparer;
import com.perfectframe.video.BgrConverter;
import com.perfectframe.video.SampledFrame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The preparing stage's work on one decoded frame: full-size conversion to the picture as shown (BGR in the video's
 * colour matrix and range, tone-mapped, deinterlaced, upright), then the model's own preparation. One per preparing thread: both halves keep native scratch memory.
 */
public final class FramePreparer implements VideoPipeline.PrepareStep<SampledFrame> {

    private final BgrConverter converter = new BgrConverter();
    private final PicturePreparer preparer;

    public FramePreparer(PicturePreparer preparer) {
        this.preparer = preparer;
    }

    @Override
    public float[] prepare(SampledFrame frame) {
        try (Mat bgr = converter.toBgr(frame)) {
            return preparer.prepare(bgr);
        }
    }

    @Override
    public void close() {
        converter.close();
    }
}
