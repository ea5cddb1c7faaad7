package com.perfectframe.extract.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.testing.HeifFiles;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept HEIC is written in the output format with its EXIF: the camera's tags are there, and the orientation says
 * "as stored" because the pixels are written already turned (a viewer must not turn them a second time).
 */
class HeifCopyTests {

    private static final String MAKE = "PerfectPhone";

    @TempDir
    Path dir;

    /** A TIFF block (big-endian) with Make and Orientation in IFD0. */
    private static byte[] exif(int orientation) {
        byte[] make = (MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd = 8;
        int data = ifd + 2 + 2 * 12 + 4;
        return ByteBuffer.allocate(data + make.length)
                .put(new byte[] {'M', 'M', 0, 42})
                .putInt(ifd)
                .putShort((short) 2)
                .putShort((short) 0x010F) // Make, ASCII, stored after the IFD
                .putShort((short) 2)
                .putInt(make.length)
                .putInt(data)
                .putShort((short) 0x0112) // Orientation, SHORT
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0)
                .put(make)
                .array();
    }

    /** An ICC profile that is not sRGB's (linear light), as a phone's Display P3 is not. */
    private static final byte[] PROFILE = java.awt.color.ICC_Profile.getInstance(
                    java.awt.color.ColorSpace.CS_LINEAR_RGB)
            .getData();

    /** A portrait HEIC as a phone writes it: landscape pixels, irot, EXIF whose orientation agrees, an ICC profile. */
    private Path portraitHeic() throws Exception {
        return portraitHeic(PROFILE);
    }

    private Path portraitHeic(byte[] profile) throws Exception {
        HeifFiles.assumeTool("heif-enc");
        byte[] jpeg;
        try (Mat stored =
                        new Mat(240, 320, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(30, 90, 200, 0));
                BytePointer out = new BytePointer()) {
            org.bytedeco.opencv.global.opencv_imgproc.rectangle(
                    stored,
                    new org.bytedeco.opencv.opencv_core.Point(0, 0),
                    new org.bytedeco.opencv.opencv_core.Point(80, 60),
                    new Scalar(0, 255, 0, 0),
                    -1,
                    8,
                    0);
            assertThat(imencode(".jpg", stored, out)).isTrue();
            jpeg = new byte[(int) out.limit()];
            out.position(0).get(jpeg);
        }
        byte[] segment = concat(new byte[] {'E', 'x', 'i', 'f', 0, 0}, exif(6));
        byte[] app1 = concat(
                new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((segment.length + 2) >> 8), (byte) (segment.length + 2)},
                segment);
        Path source = Files.write(
                dir.resolve("source.jpg"),
                concat(Arrays.copyOf(jpeg, 2), app1, Arrays.copyOfRange(jpeg, 2, jpeg.length)));
        Path encoded = dir.resolve("encoded.heic");
        HeifFiles.run("heif-enc", "-q", "90", source.toString(), "-o", encoded.toString());
        byte[] file = Files.readAllBytes(encoded);
        byte[] exifItem = HeifFiles.exifPayload(file);
        assertThat(exifItem).as("heif-enc keeps the JPEG's EXIF as an item").isNotNull();
        return Files.write(
                Files.createDirectories(dir.resolve("in")).resolve("IMG_0042.HEIC"),
                HeifFiles.single(
                        "heic", HeifFiles.primary(file).with(HeifFiles.irot(3), HeifFiles.colrIcc(profile)), exifItem));
    }

    @Test
    void aHeicKeptAsJpegIsUprightAndCarriesItsExifWithOrientationAsStored() throws Exception {
        Path heic = portraitHeic();
        Path output = Files.createDirectory(dir.resolve("out"));

        ImagePipeline.Copied written = new ImageCopier(output, ImageFormat.JPG).copy(heic);

        assertThat(written.path()).isEqualTo(output.resolve("IMG_0042.jpg"));
        byte[] jpeg = Files.readAllBytes(written.path());
        // APP1 "Exif" right after SOI, holding the camera's tags and orientation 1.
        assertThat(Arrays.copyOfRange(jpeg, 0, 4)).containsExactly(0xFF, 0xD8, 0xFF, 0xE1);
        assertThat(new String(jpeg, 6, 6, StandardCharsets.ISO_8859_1)).isEqualTo("Exif\0\0");
        byte[] tiff = Arrays.copyOfRange(jpeg, 12, 12 + exif(1).length);
        assertThat(tiff).containsExactly(exif(1));
        // Then the colour profile, in APP2 "ICC_PROFILE" segments.
        assertThat(iccOf(jpeg)).containsExactly(PROFILE);
        // Shown as a viewer shows it: portrait, the green block now top right (turned 90° clockwise).
        try (BytePointer bytes = new BytePointer(jpeg);
                Mat raw = new Mat(1, jpeg.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, bytes);
                Mat shown = imdecode(raw, IMREAD_COLOR)) {
            assertThat(shown.cols()).isEqualTo(240);
            assertThat(shown.rows()).isEqualTo(320);
            org.bytedeco.javacpp.indexer.UByteIndexer idx = shown.createIndexer();
            assertThat(idx.get(20, 220, 1)).isGreaterThan(200);
            assertThat(idx.get(20, 20, 1)).isLessThan(150);
            idx.close();
        }
    }

    @Test
    void aHeicKeptAsPngCarriesItsExifInAnExifChunk() throws Exception {
        Path heic = portraitHeic();
        Path output = Files.createDirectory(dir.resolve("out"));

        byte[] png = Files.readAllBytes(
                new ImageCopier(output, ImageFormat.PNG).copy(heic).path());

        assertThat(new String(png, 8 + 25 + 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("eXIf");
        int length = ByteBuffer.wrap(png).getInt(8 + 25);
        assertThat(Arrays.copyOfRange(png, 8 + 25 + 8, 8 + 25 + 8 + length)).containsExactly(exif(1));
        int iccp = 8 + 25 + 12 + length;
        assertThat(new String(png, iccp + 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("iCCP");
        int iccpLength = ByteBuffer.wrap(png).getInt(iccp);
        byte[] body = Arrays.copyOfRange(png, iccp + 8, iccp + 8 + iccpLength);
        int name = new String(body, StandardCharsets.ISO_8859_1).indexOf('\0');
        assertThat(body[name + 1]).isZero(); // zlib
        try (var in = new java.util.zip.InflaterInputStream(
                new java.io.ByteArrayInputStream(body, name + 2, body.length - name - 2))) {
            assertThat(in.readAllBytes()).containsExactly(PROFILE);
        }
        // What Java's own PNG reader makes of it: the same profile.
        try (var stream = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(png))) {
            var reader = javax.imageio.ImageIO.getImageReaders(stream).next();
            reader.setInput(stream);
            var iccNode = ((javax.imageio.metadata.IIOMetadataNode)
                            reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0"))
                    .getElementsByTagName("iCCP");
            assertThat(iccNode.getLength()).isEqualTo(1);
        }
    }

    @Test
    void aProfileLargerThanOneJpegSegmentIsSplitAcrossSeveral() throws Exception {
        byte[] large = new byte[150_000];
        new java.util.Random(3).nextBytes(large);
        System.arraycopy(PROFILE, 0, large, 0, 128); // an ICC header
        Path heic = portraitHeic(large);
        Path output = Files.createDirectory(dir.resolve("out"));

        byte[] jpeg = Files.readAllBytes(
                new ImageCopier(output, ImageFormat.JPG).copy(heic).path());

        assertThat(iccOf(jpeg)).containsExactly(large);
    }

    /** The ICC profile of a JPEG, put together from its APP2 segments in their order. */
    private static byte[] iccOf(byte[] jpeg) {
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        int pos = 2;
        int expected = 1;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF && (jpeg[pos + 1] & 0xFF) != 0xDA) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (marker == 0xE2 && new String(jpeg, pos + 4, 12, StandardCharsets.ISO_8859_1).equals("ICC_PROFILE\0")) {
                assertThat(jpeg[pos + 16] & 0xFF).as("segment number").isEqualTo(expected++);
                profile.write(jpeg, pos + 18, length - 16);
            }
            pos += 2 + length;
        }
        return profile.toByteArray();
    }

    @Test
    void anAvifWithoutExifIsWrittenWithoutOne() throws Exception {
        HeifFiles.assumeTool("avifenc");
        Path png = dir.resolve("source.png");
        try (Mat picture =
                new Mat(64, 96, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(10, 200, 30, 0))) {
            org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(png.toString(), picture);
        }
        Path avif = Files.createDirectories(dir.resolve("in")).resolve("clip.avif");
        HeifFiles.run("avifenc", "-s", "8", png.toString(), avif.toString());
        Path output = Files.createDirectory(dir.resolve("out"));

        byte[] jpeg = Files.readAllBytes(
                new ImageCopier(output, ImageFormat.JPG).copy(avif).path());

        assertThat(Arrays.copyOfRange(jpeg, 0, 2)).containsExactly(0xFF, 0xD8);
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif\0\0");
        assertThat(iccOf(jpeg)).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
