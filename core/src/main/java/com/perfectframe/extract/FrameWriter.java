package com.perfectframe.extract;

import static com.perfectframe.extract.pipeline.StageName.WRITE;

import com.perfectframe.extract.pipeline.StageFailure;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.BgrConverter;
import com.perfectframe.video.SampledFrame;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The writing stage's work on one kept frame: a picture named after its video and time, written atomically into
 * its video's staging folder with its manifest row, both committed with the video ({@link StagedVideo}). A frame that cannot be converted or encoded fails its video; an output folder that
 * cannot be written fails the job. One per writing thread (the converter keeps native scratch memory).
 */
public final class FrameWriter implements VideoPipeline.WriteStep<SampledFrame> {

    private final BgrConverter converter = new BgrConverter();
    private final ImageEncoder encoder;
    private final Path output;
    private final Manifest manifest;
    private final OutputStaging staging;
    private final String modelName;

    /**
     * Writes straight into the output folder and its manifest (benchmarks).
     *
     * @param modelName the model named in the manifest, or null for unscored frames
     */
    public FrameWriter(ImageEncoder encoder, Path output, Manifest manifest, String modelName) {
        this.encoder = encoder;
        this.output = output;
        this.manifest = manifest;
        this.staging = null;
        this.modelName = modelName;
    }

    /** Writes into each video's staging folder, committed with its video (extractions). */
    FrameWriter(ImageEncoder encoder, OutputStaging staging, String modelName) {
        this.encoder = encoder;
        this.output = staging.output();
        this.manifest = null;
        this.staging = staging;
        this.modelName = modelName;
    }

    @Override
    public void write(SampledFrame frame, Float score) throws StageFailure {
        writeFrame(frame, score);
    }

    /** Writes the frame; returns where it went. */
    public Path writeFrame(SampledFrame frame, Float score) throws StageFailure {
        String name = OutputNames.forFrame(
                frame.video(), frame.seconds(), encoder.format().extension());
        EncodedImage image;
        try (Mat bgr = converter.toBgr(frame)) {
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
            StagedVideo staged = staging == null ? null : staging.of(frame.video());
            Path written = staged == null
                    ? OutputFiles.writeNew(output, name, image::writeTo)
                    : staged.write(name, image::writeTo);
            Manifest.Entry entry = new Manifest.Entry(
                    written,
                    frame.video(),
                    frame.seconds(),
                    frame.frameNumber(),
                    score == null ? null : score.doubleValue(),
                    modelName);
            if (staged == null) {
                manifest.append(entry);
            } else {
                staged.list(name, entry);
            }
            return written;
        } catch (IOException e) {
            if (OutputFiles.nameTooLong(e)) {
                throw StageFailure.ofInput(
                        WRITE, frame.video(), "its name is too long for the output folder's file system", e);
            }
            throw StageFailure.ofJob(
                    WRITE,
                    frame.video(),
                    "Cannot write to output folder " + output.toAbsolutePath() + ": " + StageFailure.describe(e),
                    e);
        }
    }

    @Override
    public void close() {
        converter.close();
    }
}
