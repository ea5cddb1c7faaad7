package com.perfectframe.extract.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.image.metadata.IccProfile;
import com.perfectframe.testing.TestImages;
import com.perfectframe.testing.TestVideos;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Node;

/**
 * A photo tagged with a wide-gamut colour profile, re-encoded into another format, keeps its profile (its values are
 * not converted, so the profile is what keeps its colours), on real files; the profile is found by readers that are
 * not ours (Java's ImageIO, FFmpeg).
 */
class ColourProfileTests {

    /** An RGB profile that is not sRGB (linear light: colours would shift visibly if it were dropped). */
    private static final byte[] WIDE =
            ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();

    @TempDir
    Path dir;

    /** A PNG as a camera app writes one, its iCCP chunk after IHDR (written here by hand, not by our code). */
    private Path taggedPng(byte[] profile) throws Exception {
        Path plain = TestImages.write(dir.resolve("plain.png"), 3);
        byte[] png = Files.readAllBytes(plain);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(profile);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("iCCPProPhoto RGB".getBytes(StandardCharsets.US_ASCII));
        body.write(0);
        body.write(0);
        body.writeBytes(compressed.toByteArray());
        byte[] chunk = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature + IHDR
        out.writeBytes(ByteBuffer.allocate(4).putInt(chunk.length - 4).array());
        out.writeBytes(chunk);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, 33, png.length - 33);
        return Files.write(dir.resolve("wide-gamut.png"), out.toByteArray());
    }

    /** A JPEG with its profile in APP2 segments of at most 65,519 bytes each, after SOI. */
    private Path taggedJpeg(byte[] profile) throws Exception {
        byte[] jpeg = Files.readAllBytes(TestImages.write(dir.resolve("plain.jpg"), 4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int count = (profile.length + 65_518) / 65_519;
        for (int i = 0; i < count; i++) {
            int from = i * 65_519;
            int length = Math.min(65_519, profile.length - from);
            int segment = 2 + 12 + 2 + length;
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (segment >> 8), (byte) segment});
            out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) (i + 1), (byte) count});
            out.write(profile, from, length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return Files.write(dir.resolve("wide-gamut.jpg"), out.toByteArray());
    }

    private static byte[] jpegProfileReadByImageIo(Path jpeg) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
            reader.setInput(in);
            Node tree = reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
            Node icc = find(tree, "app2ICC");
            reader.dispose();
            return icc == null
                    ? null
                    : ((ICC_Profile) ((javax.imageio.metadata.IIOMetadataNode) icc).getUserObject()).getData();
        }
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void aWideGamutPngReEncodedAsJpegKeepsItsProfileAndItsValues() throws Exception {
        Path source = taggedPng(WIDE);
        Path out = Files.createDirectory(dir.resolve("out"));
        Path written =
                new ImageCopier(out, ImageFormat.JPG, null, false).copy(source).path();
        assertThat(jpegProfileReadByImageIo(written)).isEqualTo(WIDE);
        // The stored values are the source's (within JPEG's loss), read without colour management...
        try (Mat before = com.perfectframe.image.ImageReader.read(source);
                Mat after = com.perfectframe.image.ImageReader.read(written)) {
            for (int c = 0; c < 3; c++) {
                assertThat(Math.abs((before.ptr(10, 10).get(c) & 0xff)
                                - (after.ptr(10, 10).get(c) & 0xff)))
                        .isLessThan(8);
            }
        }
        // ...and a colour-managed reader (ImageIO applies the profile) shows them converted, as it shows the source.
        BufferedImage managed = ImageIO.read(written.toFile());
        BufferedImage unmanaged = ImageIO.read(dir.resolve("plain.png").toFile());
        assertThat(managed.getRGB(10, 10)).isNotEqualTo(unmanaged.getRGB(10, 10));
    }

    @ParameterizedTest
    @EnumSource(ImageFormat.class)
    void everyOutputFormatCarriesTheProfileAsFfmpegReadsIt(ImageFormat format) throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        Path source = format == ImageFormat.JPG ? taggedPng(WIDE) : taggedJpeg(WIDE);
        Path out = Files.createDirectory(dir.resolve("out-" + format));
        Path written = new ImageCopier(out, format, null, false).copy(source).path();
        assertThat(IccProfile.read(written).orElseThrow()).isEqualTo(WIDE);
        Process probe = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_frames",
                        "-show_entries",
                        "frame_side_data",
                        written.toString())
                .redirectErrorStream(true)
                .start();
        String report = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(report).isZero();
        assertThat(report).as(format + ": " + report).contains("ICC profile").doesNotContain("rror");
    }

    @Test
    void aProfileOfManySegmentsIsJoinedAndSplitAgain() throws Exception {
        byte[] large = Arrays.copyOf(WIDE, 150_000); // a header saying RGB, then padding: three APP2 segments
        Path written = new ImageCopier(Files.createDirectory(dir.resolve("out")), ImageFormat.PNG, null, false)
                .copy(taggedJpeg(large))
                .path();
        assertThat(IccProfile.read(written).orElseThrow()).isEqualTo(large);
        Path back = new ImageCopier(Files.createDirectory(dir.resolve("back")), ImageFormat.JPG, null, false)
                .copy(written)
                .path();
        assertThat(IccProfile.read(back).orElseThrow()).isEqualTo(large);
    }

    @Test
    void aGreyProfileOrNoneIsNotCarriedOver() throws Exception {
        byte[] grey = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();
        Path out = Files.createDirectory(dir.resolve("out"));
        Path written = new ImageCopier(out, ImageFormat.JPG, null, false)
                .copy(taggedPng(grey))
                .path();
        assertThat(IccProfile.read(written)).isEmpty();
        Path plain = new ImageCopier(out, ImageFormat.WEBP, null, false)
                .copy(TestImages.write(dir.resolve("untagged.png"), 5))
                .path();
        assertThat(IccProfile.read(plain)).isEmpty();
        assertThat(new String(Files.readAllBytes(plain), 12, 4, StandardCharsets.US_ASCII))
                .isNotEqualTo("VP8X");
    }
}
