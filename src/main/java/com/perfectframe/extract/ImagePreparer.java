package com.perfectframe.extract;

import static com.perfectframe.extract.pipeline.StageName.PREPARE;
import static com.perfectframe.extract.pipeline.StageName.READ;

import com.perfectframe.extract.pipeline.StageFailure;
import com.perfectframe.image.ImageReader;
import com.perfectframe.score.PicturePreparer;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The read and prepare steps of one image: decode the file (by content, not extension), then the model's own
 * preparation; the full-size picture is released before the next image is read. One per preparing thread.
 */
final class ImagePreparer implements ImagePipeline.PrepareStep {

    private final PicturePreparer preparer;

    ImagePreparer(PicturePreparer preparer) {
        this.preparer = preparer;
    }

    @Override
    public float[] prepare(Path image) throws StageFailure {
        Mat bgr;
        try {
            bgr = ImageReader.read(image);
        } catch (IOException e) {
            throw StageFailure.ofInput(READ, image, StageFailure.describe(e), e);
        }
        try (bgr) {
            return preparer.prepare(bgr);
        } catch (RuntimeException e) {
            throw StageFailure.unexpected(PREPARE, image, e);
        }
    }
}
