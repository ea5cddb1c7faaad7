package com.perfectframe.extract.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.testing.ExifTool;
import com.perfectframe.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kept photo re-encoded into another format keeps its EXIF (orientation made 1, since the pixels are written
 * upright), its ICC profile and its XMP; the manifest learns when it was taken. Read back with ExifTool.
 */
class PhotoMetadataCopyTests {

    @TempDir
    Path dir;

    Path output;
    byte[] profile;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ExifTool.available(), ExifTool.MISSING);
        output = Files.createDirectory(dir.resolve("out"));
        // A profile other than sRGB, so that keeping it is visible.
        profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    }

    /** A photo with EXIF (date, offset, camera, orientation), an ICC profile and XMP, written by ExifTool. */
    private Path photo(String name, int orientation) throws Exception {
        Path photo = TestImages.write(dir.resolve(name), 3);
        Path icc = Files.write(dir.resolve("wide.icc"), profile);
        ExifTool.run(
                "-EXIF:DateTimeOriginal=2021:07:04 10:20:30",
                "-EXIF:SubSecTimeOriginal=25",
                "-EXIF:OffsetTimeOriginal=-04:00",
                "-EXIF:Make=Canon",
                "-EXIF:Model=EOS R6",
                "-EXIF:Orientation#=" + orientation,
                "-XMP-dc:Title=Beach at dawn",
                "-XMP-tiff:Orientation#=" + orientation,
                "-ICC_Profile<=" + icc,
                photo.toString());
        return photo;
    }

    @ParameterizedTest
    @CsvSource({"photo.png, JPG", "photo.png, WEBP", "photo.jpg, PNG", "photo.jpg, WEBP"})
    void aReencodedPhotoKeepsItsExifIccAndXmp(String name, ImageFormat format) throws Exception {
        Path photo = photo(name, 1);
        ImagePipeline.Copied copied = new ImageCopier(output, format, dir, false).copy(photo);

        Map<String, String> tags = ExifTool.tags(copied.path());
        assertThat(ExifTool.originalInstant(tags)).isEqualTo(Instant.parse("2021-07-04T14:20:30.250Z"));
        assertThat(tags)
                .containsEntry("IFD0:Make", "Canon")
                .containsEntry("IFD0:Model", "EOS R6")
                .containsEntry("IFD0:Orientation", "1")
                .containsEntry("XMP-dc:Title", "Beach at dawn");
        assertThat(Imaging.getIccProfileBytes(copied.path().toFile())).isEqualTo(profile);
        assertThat(copied.captured().time().iso()).isEqualTo("2021-07-04T10:20:30.250-04:00");
        assertThat(copied.captured().tag()).isEqualTo("DateTimeOriginal");
    }

    @org.junit.jupiter.api.Test
    void aReencodedJpegKeepsJfifFirstAndIsReadByImageIoAndExifTool() throws Exception {
        Path photo = photo("wide.png", 1);
        Path jpeg =
                new ImageCopier(output, ImageFormat.JPG, dir, false).copy(photo).path();

        // The segments before the image data, in their order: JFIF's APP0 first (JFIF requires it, ImageIO refuses
        // a file where it is not), then the EXIF and XMP APP1 and the profile's APP2.
        byte[] b = Files.readAllBytes(jpeg);
        java.util.List<String> segments = new java.util.ArrayList<>();
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xFF) == 0xFF && (b[at + 1] & 0xFF) != 0xDA) {
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            String id = new String(b, at + 4, Math.min(4, length - 2), java.nio.charset.StandardCharsets.ISO_8859_1);
            segments.add(String.format("%02X:%s", b[at + 1] & 0xFF, id));
            at += 2 + length;
        }
        assertThat(segments.get(0)).isEqualTo("E0:JFIF");
        assertThat(segments.subList(1, 4)).containsExactly("E1:Exif", "E1:http", "E2:ICC_");

        // Java's ImageIO reads it (pixels, JFIF, the profile) ...
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            javax.imageio.ImageReader reader =
                    ImageIO.getImageReadersByFormatName("jpeg").next();
            reader.setInput(in);
            assertThat(reader.read(0).getWidth()).isPositive();
            javax.imageio.metadata.IIOMetadataNode tree = (javax.imageio.metadata.IIOMetadataNode)
                    reader.getImageMetadata(0).getAsTree("javax_imageio_jpeg_image_1.0");
            assertThat(tree.getElementsByTagName("app0JFIF").getLength()).isEqualTo(1);
            javax.imageio.metadata.IIOMetadataNode icc = (javax.imageio.metadata.IIOMetadataNode)
                    tree.getElementsByTagName("app2ICC").item(0);
            assertThat(((ICC_Profile) icc.getUserObject()).getData()).isEqualTo(profile);
            reader.dispose();
        }
        // ... and so does ExifTool, without a warning.
        Map<String, String> tags = ExifTool.tags(jpeg);
        assertThat(tags).doesNotContainKey("ExifTool:Warning").containsEntry("IFD0:Make", "Canon");
        assertThat(tags.get("JFIF:JFIFVersion")).isNotNull();
        assertThat(ExifTool.originalInstant(tags)).isEqualTo(Instant.parse("2021-07-04T14:20:30.250Z"));
    }

    @ParameterizedTest
    @CsvSource({"turned.png, JPG", "turned.jpg, PNG", "turned.png, WEBP"})
    void aTurnedPhotoIsWrittenUprightAndSaysSo(String name, ImageFormat format) throws Exception {
        Path photo = photo(name, 6); // stored landscape, shown turned 90° clockwise
        BufferedImage stored = ImageIO.read(photo.toFile());
        ImagePipeline.Copied copied = new ImageCopier(output, format, dir, false).copy(photo);

        Map<String, String> tags = ExifTool.tags(copied.path());
        assertThat(tags).containsEntry("IFD0:Orientation", "1").doesNotContainKey("IFD1:ThumbnailOffset");
        assertThat(tags.get("XMP-tiff:Orientation")).isEqualTo("1");
        java.awt.Dimension written = Imaging.getImageSize(copied.path().toFile());
        assertThat(written.width).isEqualTo(stored.getHeight());
        assertThat(written.height).isEqualTo(stored.getWidth());
    }

    @ParameterizedTest
    @CsvSource({"same.jpg, JPG", "same.png, PNG"})
    void aPhotoCopiedByteForByteKeepsEverythingAndItsCaptureTimeIsKnown(String name, ImageFormat format)
            throws Exception {
        Path photo = photo(name, 1);
        ImagePipeline.Copied copied = new ImageCopier(output, format, dir, false).copy(photo);
        assertThat(Files.readAllBytes(copied.path())).isEqualTo(Files.readAllBytes(photo));
        assertThat(copied.captured().time().iso()).isEqualTo("2021-07-04T10:20:30.250-04:00");
    }

    @ParameterizedTest
    @CsvSource({"placed.jpg, JPG", "placed.png, JPG", "placed.jpg, WEBP"})
    void stripLocationLeavesNoPositionEvenInACopyOfTheSameFormat(String name, ImageFormat format) throws Exception {
        Path photo = photo(name, 1);
        ExifTool.run(
                "-GPSLatitude=48.8584",
                "-GPSLatitudeRef=N",
                "-GPSLongitude=2.2945",
                "-GPSLongitudeRef=E",
                "-XMP-exif:GPSLatitude=48.8584N",
                "-XMP-exif:GPSLongitude=2.2945E",
                photo.toString());
        assertThat(ExifTool.tags(photo)).containsKey("GPS:GPSLatitude");

        ImagePipeline.Copied copied = new ImageCopier(output, format, dir, true).copy(photo);

        Map<String, String> tags = ExifTool.tags(copied.path());
        assertThat(tags.keySet()).noneMatch(key -> key.contains("GPS"));
        assertThat(ExifTool.originalInstant(tags)).isEqualTo(Instant.parse("2021-07-04T14:20:30.250Z"));
        assertThat(tags).containsEntry("XMP-dc:Title", "Beach at dawn").containsEntry("IFD0:Make", "Canon");
    }
}
