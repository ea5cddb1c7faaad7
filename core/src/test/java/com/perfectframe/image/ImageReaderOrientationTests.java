package com.perfectframe.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EXIF orientation, all eight values, checked pixel by pixel: the picture read equals the stored picture turned as
 * the EXIF standard says (the expected picture is computed here from the standard's coordinate mapping, not with
 * OpenCV), at full size, at a reduced JPEG scale, and for PNG (whose orientation this project applies itself).
 */
class ImageReaderOrientationTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aJpegIsTurnedAsItsExifOrientationSays(int orientation) throws Exception {
        byte[] jpeg;
        try (Mat source = Pictures.asymmetric(360, 240)) {
            jpeg = Pictures.encode(source, ".jpg", IMWRITE_JPEG_QUALITY, 95);
        }
        Path file =
                Files.write(dir.resolve("o" + orientation + ".jpg"), Pictures.withJpegOrientation(jpeg, orientation));
        try (Mat stored = decode(jpeg, IMREAD_COLOR);
                Mat expected = displayed(stored, orientation);
                DecodedImage read = ImageReader.read(file, 0, MemoryGate.UNBOUNDED)) {
            assertThat(read.scale()).isEqualTo(1);
            assertSame(read.bgr(), expected);
            assertRedBlockWhereTheStandardPutsIt(read.bgr(), orientation);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aJpegDecodedAtReducedScaleIsTurnedToo(int orientation) throws Exception {
        byte[] jpeg;
        try (Mat source = Pictures.asymmetric(1800, 1200)) {
            jpeg = Pictures.encode(source, ".jpg", IMWRITE_JPEG_QUALITY, 90);
        }
        Path file =
                Files.write(dir.resolve("big" + orientation + ".jpg"), Pictures.withJpegOrientation(jpeg, orientation));
        // 1800×1200 at 1/2 is 900×600, at 1/4 450×300: with sides of at least 448 the reader must choose 1/2.
        try (Mat stored = decode(jpeg, IMREAD_REDUCED_COLOR_2);
                Mat expected = displayed(stored, orientation);
                DecodedImage read = ImageReader.read(file, 448, MemoryGate.UNBOUNDED)) {
            assertThat(read.scale()).isEqualTo(2);
            assertThat(stored.cols()).isEqualTo(900);
            assertSame(read.bgr(), expected);
            assertRedBlockWhereTheStandardPutsIt(read.bgr(), orientation);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void aPngIsTurnedAsItsExifOrientationSays(int orientation) throws Exception {
        byte[] png;
        try (Mat source = Pictures.asymmetric(300, 200)) {
            png = Pictures.encode(source, ".png");
        }
        Path file = Files.write(dir.resolve("o" + orientation + ".png"), Pictures.withPngOrientation(png, orientation));
        try (Mat stored = decode(png, IMREAD_UNCHANGED);
                Mat expected = displayed(stored, orientation);
                DecodedImage read = ImageReader.read(file, 0, MemoryGate.UNBOUNDED)) {
            assertSame(read.bgr(), expected);
            assertRedBlockWhereTheStandardPutsIt(read.bgr(), orientation);
        }
    }

    /** The red block is the stored picture's top-left corner; where it ends up is checked without any mapping code. */
    private static void assertRedBlockWhereTheStandardPutsIt(Mat shown, int orientation) {
        int w = shown.cols() - 1;
        int h = shown.rows() - 1;
        int[][] corners = {{2, 2}, {w - 2, 2}, {w - 2, h - 2}, {2, h - 2}}; // TL, TR, BR, BL
        // 1 TL, 2 TR (mirrored), 3 BR (180°), 4 BL (flipped), 5 TL (transposed), 6 TR (90° clockwise), 7 BR, 8 BL.
        int expectedCorner = new int[] {-1, 0, 1, 2, 3, 0, 1, 2, 3}[orientation];
        int[] at = corners[expectedCorner];
        int[] bgr = Pictures.pixel(shown, at[0], at[1]);
        assertThat(bgr[2])
                .as("red at corner %d for orientation %d", expectedCorner, orientation)
                .isGreaterThan(180);
        assertThat(bgr[0] + bgr[1]).isLessThan(80);
    }

    private static void assertSame(Mat actual, Mat expected) {
        assertThat(actual.cols()).isEqualTo(expected.cols());
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.channels()).isEqualTo(3);
        assertThat(Pictures.meanDifference(actual, expected)).isZero();
    }

    private static Mat decode(byte[] bytes, int flags) {
        try (BytePointer data = new BytePointer(bytes);
                Mat raw = new Mat(1, bytes.length, CV_8UC1, data)) {
            return imdecode(raw, flags);
        }
    }

    /** The stored picture as displayed under an EXIF orientation, from the standard's pixel mapping. */
    static Mat displayed(Mat stored, int orientation) {
        int w = stored.cols();
        int h = stored.rows();
        boolean swaps = orientation >= 5;
        Mat out = new Mat(swaps ? w : h, swaps ? h : w, stored.type());
        try (UByteIndexer in = stored.createIndexer();
                UByteIndexer to = out.createIndexer()) {
            for (int y = 0; y < out.rows(); y++) {
                for (int x = 0; x < out.cols(); x++) {
                    int sx;
                    int sy;
                    switch (orientation) {
                        case 1 -> {
                            sx = x;
                            sy = y;
                        }
                        case 2 -> {
                            sx = w - 1 - x;
                            sy = y;
                        }
                        case 3 -> {
                            sx = w - 1 - x;
                            sy = h - 1 - y;
                        }
                        case 4 -> {
                            sx = x;
                            sy = h - 1 - y;
                        }
                        case 5 -> {
                            sx = y;
                            sy = x;
                        }
                        case 6 -> {
                            sx = y;
                            sy = h - 1 - x;
                        }
                        case 7 -> {
                            sx = w - 1 - y;
                            sy = h - 1 - x;
                        }
                        default -> {
                            sx = w - 1 - y;
                            sy = x;
                        }
                    }
                    for (int c = 0; c < stored.channels(); c++) {
                        to.put(y, x, c, in.get(sy, sx, c));
                    }
                }
            }
        }
        return out;
    }
}
