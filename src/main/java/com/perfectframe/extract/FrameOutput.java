package com.perfectframe.extract;

import com.perfectframe.image.EncodedImage;
import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.BgrConverter;
import com.perfectframe.video.SampledFrame;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/** Writes one video frame as a picture named after its video and time, and lists it in the manifest. */
final class FrameOutput {

    private FrameOutput() {}

    static Path write(
            SampledFrame frame,
            BgrConverter converter,
            ImageEncoder encoder,
            Path output,
            Manifest manifest,
            Double score,
            String model)
            throws IOException {
        String name = OutputNames.forFrame(
                frame.video(), frame.seconds(), encoder.format().extension());
        Path written;
        try (EncodedImage image = encode(frame, converter, encoder)) {
            written = OutputFiles.writeNew(output, name, image::writeTo);
        }
        manifest.append(new Manifest.Entry(written, frame.video(), frame.seconds(), frame.frameNumber(), score, model));
        return written;
    }

    private static EncodedImage encode(SampledFrame frame, BgrConverter converter, ImageEncoder encoder) {
        try (Mat bgr = converter.toBgr(frame.frame())) {
            return encoder.encodeNative(bgr);
        }
    }
}
