package com.perfectframe.extract;

import com.perfectframe.image.ImageEncoder;
import com.perfectframe.video.BgrConverter;
import com.perfectframe.video.SampledFrame;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/** Writes one video frame as a picture named after its video and time, and lists it in the manifest. */
final class FrameOutput {

    private FrameOutput() {}

    static Path write(SampledFrame frame, BgrConverter converter, ImageEncoder encoder, Path output,
                      Manifest manifest, Double score, String model) throws IOException {
        byte[] bytes;
        try (Mat bgr = converter.toBgr(frame.frame())) {
            bytes = encoder.encode(bgr);
        }
        String name = OutputNames.forFrame(frame.video(), frame.seconds(), encoder.format().extension());
        Path written = OutputFiles.writeNew(output, name, bytes);
        manifest.append(new Manifest.Entry(written, frame.video(), frame.seconds(), frame.frameNumber(), score, model));
        return written;
    }
}
