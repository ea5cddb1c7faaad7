package com.perfectframe.extract.video;

import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.PreparedPicture;
import com.perfectframe.quality.PictureMeasurer;
import com.perfectframe.score.PicturePreparer;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.picture.BgrConverter;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The preparing stage's work on one decoded frame: full-size conversion to the picture as shown (BGR in the video's
 * colour matrix and range, tone-mapped, deinterlaced, upright), then the model's own preparation and, when the
 * quality rules need them, the picture's measures (from the same full-size picture, so nothing is decoded twice). One per preparing thread: both halves keep native scratch memory.
 */
public final class FramePreparer implements PrepareStep<SampledFrame> {

    private final BgrConverter converter = new BgrConverter();
    private final PicturePreparer preparer;
    private final PictureMeasurer measurer;

    public FramePreparer(PicturePreparer preparer) {
        this(preparer, false);
    }

    /** @param measure whether to measure each picture for the quality rules (sharpness, exposure, hash…) */
    public FramePreparer(PicturePreparer preparer, boolean measure) {
        this.preparer = preparer;
        this.measurer = measure ? new PictureMeasurer() : null;
    }

    @Override
    public PreparedPicture prepare(SampledFrame frame, Consumer<String> notes) {
        try (Mat bgr = converter.toBgr(frame.frame(), frame.orientation())) {
            return new PreparedPicture(preparer.prepare(bgr), measurer == null ? null : measurer.measure(bgr));
        }
    }

    @Override
    public void close() {
        converter.close();
        if (measurer != null) {
            measurer.close();
        }
    }
}
