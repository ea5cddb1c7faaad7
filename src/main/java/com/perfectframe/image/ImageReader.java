package com.perfectframe.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reads image files into 8-bit BGR pictures, judging the format by content rather than by extension.
 *
 * <p>Reading the bytes in Java and decoding from memory keeps file-name encoding out of native code.
 */
public final class ImageReader {

    private ImageReader() {}

    /**
     * Reads one image; the caller closes the returned picture.
     *
     * @throws IOException with a one-line reason when the file cannot be used
     */
    public static Mat read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IOException("is empty (0 bytes)");
        }
        Mat image;
        try (BytePointer data = new BytePointer(bytes);
                Mat raw = new Mat(1, bytes.length, CV_8UC1, data)) {
            image = imdecode(raw, IMREAD_COLOR);
        }
        if (image == null || image.empty()) {
            if (image != null) {
                image.close();
            }
            throw new IOException("cannot be decoded as an image (corrupt, truncated or unsupported format)");
        }
        return image;
    }
}
