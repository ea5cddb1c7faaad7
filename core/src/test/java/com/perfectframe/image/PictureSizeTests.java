package com.perfectframe.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sizes headers declare match what real encoders write (WebP lossy and lossless from libwebp, BMP, TIFF). */
class PictureSizeTests {

    @TempDir
    Path dir;

    private static byte[] encode(String extension, int width, int height, int... params) {
        try (Mat picture = new Mat(height, width, CV_8UC3, new Scalar(40, 90, 200, 0));
                BytePointer out = new BytePointer();
                org.bytedeco.javacpp.IntPointer p = new org.bytedeco.javacpp.IntPointer(params)) {
            assertThat(imencode(extension, picture, out, p)).isTrue();
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    private long pixels(byte[] bytes) throws Exception {
        Path file = Files.write(dir.resolve("picture"), bytes);
        ByteBuffer head = ByteBuffer.wrap(bytes, 0, Math.min(64, bytes.length)).slice();
        if (PictureSize.isWebp(head)) {
            return PictureSize.webp(head);
        }
        try (FileChannel channel = FileChannel.open(file)) {
            return PictureSize.other(head, channel);
        }
    }

    @Test
    void readsTheSizeOfRealWebpBmpAndTiffFiles() throws Exception {
        assertThat(pixels(encode(".webp", 321, 123, IMWRITE_WEBP_QUALITY, 80))).isEqualTo(321L * 123);
        assertThat(pixels(encode(".webp", 321, 123, IMWRITE_WEBP_QUALITY, 101))).isEqualTo(321L * 123);
        assertThat(pixels(encode(".bmp", 77, 55))).isEqualTo(77L * 55);
        assertThat(pixels(encode(".tiff", 99, 33))).isEqualTo(99L * 33);
    }

    @Test
    void unknownContentHasNoSize() throws Exception {
        assertThat(pixels("P6\n3 2\n255\n......".getBytes())).isEqualTo(PictureSize.UNKNOWN);
    }

    @Test
    void theFileSizeLimitIsEightBytesAPixelPlusMetadata() {
        assertThat(ImageReader.maxFileBytes(100_000_000)).isEqualTo(800_000_000L + (16 << 20));
        assertThat(ImageReader.maxFileBytes(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
