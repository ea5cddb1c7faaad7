package com.perfectframe.extract;

import static com.perfectframe.extract.pipeline.StageName.COPY;
import static com.perfectframe.extract.pipeline.StageName.READ;

import com.perfectframe.extract.pipeline.StageFailure;
import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.image.ImageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The copy stage's work on one kept image: byte for byte when it is already in the output format, re-encoded
 * otherwise; atomically, under the image's own name. A source that can no longer be read fails that image; an
 * output folder that cannot be written fails the job.
 */
final class ImageCopier implements ImagePipeline.CopyStep {

    private final Path output;
    private final ImageEncoder encoder;

    ImageCopier(Path output, ImageFormat format) {
        this.output = output;
        this.encoder = new ImageEncoder(format);
    }

    @Override
    public Path copy(Path image) throws StageFailure {
        ImageFormat format = encoder.format();
        String name = OutputNames.forImage(image, format.extension());
        if (!Files.isReadable(image)) {
            throw StageFailure.ofInput(COPY, image, "can no longer be read", null);
        }
        if (sourceFormat(image) == format) {
            try {
                return OutputFiles.copyNew(image, output, name);
            } catch (IOException e) {
                throw outputFailure(image, e);
            }
        }
        EncodedImage encoded;
        try (Mat bgr = ImageReader.read(image)) {
            encoded = encoder.encodeNative(bgr);
        } catch (IOException e) {
            throw StageFailure.ofInput(READ, image, StageFailure.describe(e), e);
        } catch (RuntimeException e) {
            throw StageFailure.ofInput(COPY, image, "cannot be re-encoded: " + StageFailure.describe(e), e);
        }
        try (encoded) {
            return OutputFiles.writeNew(output, name, encoded::writeTo);
        } catch (IOException e) {
            throw outputFailure(image, e);
        }
    }

    private StageFailure outputFailure(Path image, IOException e) {
        return StageFailure.ofJob(
                COPY,
                image,
                "Cannot write to output folder " + output.toAbsolutePath() + ": " + StageFailure.describe(e),
                e);
    }

    private static ImageFormat sourceFormat(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        try {
            return dot < 0 ? null : ImageFormat.parse(name.substring(dot));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
