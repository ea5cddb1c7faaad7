package com.perfectframe.extract.video;

import static com.perfectframe.extract.stage.StageName.WRITE;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputFiles;
import com.perfectframe.extract.output.OutputNames;
import com.perfectframe.extract.output.StagedVideo;
import com.perfectframe.extract.stage.StageFailure;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.SampledFrame;
import com.perfectframe.video.picture.BgrConverter;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The writing stage's work on one kept frame: a picture named after its video and time, written atomically into
 * its video's staging folder with its manifest row, both committed with the video ({@link StagedVideo}). A frame
 * that cannot be converted or encoded fails its video; an output folder that cannot be written fails the job. One
 * per writing thread (the converter keeps native scratch memory).
 */
public final class FrameWriter implements VideoPipeline.WriteStep<SampledFrame> {

    private final BgrConverter converter = new BgrConverter();
    private final ImageEncoder encoder;
    private final String modelName;

    /** @param modelName the model named in the manifest, or null for unscored frames */
    public FrameWriter(ImageEncoder encoder, String modelName) {
        this.encoder = encoder;
        this.modelName = modelName;
    }

    /** Writes the frame into its video's staging folder and lists it there. */
    @Override
    public void write(SampledFrame frame, Float score, StagedVideo into) throws StageFailure {
        String name = OutputNames.forFrame(
                frame.video(), frame.seconds(), encoder.format().extension());
        EncodedImage image;
        try (Mat bgr = converter.toBgr(frame.frame(), frame.orientation())) {
            image = encoder.encodeNative(bgr);
        } catch (RuntimeException e) {
            throw StageFailure.ofInput(
                    WRITE,
                    frame.video(),
                    "the frame at " + OutputNames.timestamp(frame.seconds()) + " cannot be encoded: "
                            + StageFailure.describe(e),
                    e);
        }
        try (image) {
            Path written = into.write(name, image::writeTo);
            into.list(
                    frame.ordinal(),
                    name,
                    new Manifest.Entry(
                            written,
                            frame.video(),
                            frame.seconds(),
                            frame.frameNumber(),
                            score == null ? null : score.doubleValue(),
                            modelName));
        } catch (IOException e) {
            if (OutputFiles.nameTooLong(e)) {
                throw StageFailure.ofInput(
                        WRITE, frame.video(), "its name is too long for the output folder's file system", e);
            }
            throw StageFailure.ofJob(
                    WRITE,
                    frame.video(),
                    "Cannot write to output folder " + into.output().toAbsolutePath() + ": " + StageFailure.describe(e),
                    e);
        }
    }

    @Override
    public void close() {
        converter.close();
    }
}
