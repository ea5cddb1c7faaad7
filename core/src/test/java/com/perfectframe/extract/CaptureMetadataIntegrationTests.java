package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.ManifestReader;
import com.perfectframe.extract.output.ManifestRow;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.testing.ExifTool;
import com.perfectframe.testing.TestVideos;
import com.perfectframe.video.FrameSampler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames of phone-like videos carry when, where and with what they were filmed, and where they come from, in every
 * output format: read back with ExifTool, checked as instants (date-time + offset).
 */
class CaptureMetadataIntegrationTests {

    @TempDir
    Path root;

    Path input;
    Path output;

    @BeforeEach
    void folders() throws Exception {
        assumeTrue(TestVideos.ffmpegAvailable(), TestVideos.NO_FFMPEG);
        assumeTrue(ExifTool.available(), ExifTool.MISSING);
        input = Files.createDirectory(root.resolve("in"));
        output = root.resolve("out");
    }

    /** A 100-second video at 2 frames a second with these container tags. */
    private Path video(String name, String... metadata) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "2"));
        for (String tag : metadata) {
            args.add("-metadata");
            args.add(tag);
        }
        args.addAll(List.of("-movflags", "use_metadata_tags"));
        return TestVideos.codes(input.resolve(name), 200, "2", args);
    }

    private void run(String format, boolean stripLocation) throws Exception {
        ExtractionRequest request = ExtractionRequest.builder(input, output)
                .allFrames(true)
                .outputFormat(format)
                .stripLocation(stripLocation)
                .build();
        new FramesExtractor(
                        new FrameSampler(0),
                        PipelineSettings.builder().writerThreads(2).build())
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp"})
    void anIphoneMovsFramesSayTheirLocalTimeWithItsOffsetPlaceAndCamera(String format) throws Exception {
        video(
                "IMG_0001.mov",
                "creation_time=2023-06-01T12:29:59Z", // the QuickTime date is preferred
                "com.apple.quicktime.creationdate=2023-06-01T14:30:00+0200",
                "com.apple.quicktime.location.ISO6709=+48.8584+002.2945+035.000/",
                "com.apple.quicktime.make=Apple",
                "com.apple.quicktime.model=iPhone 13 Pro");
        run(format, false);

        Map<String, String> first = ExifTool.tags(output.resolve("IMG_0001_00-00-00.000." + format));
        Map<String, String> later = ExifTool.tags(output.resolve("IMG_0001_00-01-30.000." + format));
        assertThat(ExifTool.originalInstant(first)).isEqualTo(Instant.parse("2023-06-01T12:30:00Z"));
        assertThat(ExifTool.originalInstant(later)).isEqualTo(Instant.parse("2023-06-01T12:31:30Z"));
        assertThat(later)
                .containsEntry("ExifIFD:DateTimeOriginal", "2023:06:01 14:31:30")
                .containsEntry("ExifIFD:CreateDate", "2023:06:01 14:31:30")
                .containsEntry("ExifIFD:OffsetTimeOriginal", "+02:00")
                .containsEntry("IFD0:Make", "Apple")
                .containsEntry("IFD0:Model", "iPhone 13 Pro")
                .containsEntry("IFD0:Orientation", "1")
                .containsEntry("XMP-dc:Source", "IMG_0001.mov")
                .containsEntry("XMP-perfectframe:FrameTime", "00:01:30.000")
                .containsEntry("ExifIFD:UserComment", "Frame at 00:01:30.000 of IMG_0001.mov");
        assertThat(Double.parseDouble(later.get("GPS:GPSLatitude"))).isCloseTo(48.8584, within(1e-6));
        assertThat(Double.parseDouble(later.get("GPS:GPSLongitude"))).isCloseTo(2.2945, within(1e-6));
        assertThat(later).containsEntry("GPS:GPSLatitudeRef", "N").containsEntry("GPS:GPSLongitudeRef", "E");
        assertThat(Double.parseDouble(later.get("GPS:GPSAltitude"))).isCloseTo(35.0, within(1e-3));

        Map<String, ManifestRow> rows = ManifestReader.read(output.resolve(Manifest.FILE_NAME));
        ManifestRow row = rows.get("IMG_0001_00-01-30.000." + format);
        assertThat(row.capturedAt()).isEqualTo("2023-06-01T14:31:30.000+02:00");
        assertThat(row.capturedAtSource()).isEqualTo("com.apple.quicktime.creationdate");
        assertThat(Files.readAllLines(output.resolve(Manifest.FILE_NAME)).get(0))
                .isEqualTo("file,source,timestamp,frame_number,score,model,captured_at_source,captured_at");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp"})
    void anAndroidMp4sFramesSayTheirUtcTimeAtOffsetZero(String format) throws Exception {
        video(
                "VID_20230601.mp4",
                "creation_time=2023-06-01T12:30:00.000000Z",
                "location=-33.8568+151.2153/",
                "com.android.manufacturer=Google",
                "com.android.model=Pixel 7");
        run(format, false);

        Map<String, String> later = ExifTool.tags(output.resolve("VID_20230601_00-01-30.000." + format));
        assertThat(ExifTool.originalInstant(later)).isEqualTo(Instant.parse("2023-06-01T12:31:30Z"));
        assertThat(later)
                .containsEntry("ExifIFD:OffsetTimeOriginal", "+00:00")
                .containsEntry("IFD0:Make", "Google")
                .containsEntry("IFD0:Model", "Pixel 7")
                .containsEntry("GPS:GPSLatitudeRef", "S")
                .doesNotContainKey("GPS:GPSAltitude");
        assertThat(Double.parseDouble(later.get("GPS:GPSLatitude"))).isCloseTo(33.8568, within(1e-6));
        assertThat(Double.parseDouble(later.get("GPS:GPSLongitude"))).isCloseTo(151.2153, within(1e-6));
        ManifestRow row =
                ManifestReader.read(output.resolve(Manifest.FILE_NAME)).get("VID_20230601_00-00-00.000." + format);
        assertThat(row.capturedAt()).isEqualTo("2023-06-01T12:30:00.000+00:00");
        assertThat(row.capturedAtSource()).isEqualTo("creation_time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "webp"})
    void stripLocationLeavesNoGpsButKeepsTheRest(String format) throws Exception {
        video(
                "IMG_0002.mov",
                "com.apple.quicktime.creationdate=2023-06-01T14:30:00-0700",
                "com.apple.quicktime.location.ISO6709=+37.7858-122.4064+012.000/",
                "com.apple.quicktime.make=Apple");
        run(format, true);

        Map<String, String> tags = ExifTool.tags(output.resolve("IMG_0002_00-00-10.000." + format));
        assertThat(tags.keySet()).noneMatch(key -> key.startsWith("GPS:") || key.contains("GPS"));
        assertThat(ExifTool.originalInstant(tags)).isEqualTo(Instant.parse("2023-06-01T21:30:10Z"));
        assertThat(tags).containsEntry("IFD0:Make", "Apple");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png"})
    void aVideoThatSaysNothingGivesNoDateNeverTheExtractionTime(String format) throws Exception {
        TestVideos.codes(input.resolve("plain.mp4"), 6, "2", List.of("-c:v", "libx264", "-pix_fmt", "yuv420p"));
        run(format, false);

        Map<String, String> tags = ExifTool.tags(output.resolve("plain_00-00-01.000." + format));
        assertThat(tags.keySet()).noneMatch(key -> key.contains("DateTimeOriginal") || key.contains("CreateDate"));
        assertThat(tags).containsEntry("XMP-dc:Source", "plain.mp4");
        assertThat(ManifestReader.read(output.resolve(Manifest.FILE_NAME))
                        .get("plain_00-00-01.000." + format)
                        .capturedAt())
                .isNull();
    }
}
