package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures made to hurt: each is named and skipped, and the job goes on with the others. */
class HostileImagesTests {

    @TempDir
    Path root;

    /** A valid 1×1 PNG whose header is rewritten to declare {@code width}×{@code height} pixels. */
    private static byte[] pngDeclaring(int width, int height) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);
        byte[] bytes = png.toByteArray();
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
        ByteBuffer.wrap(bytes).putInt(16, width).putInt(20, height);
        return bytes;
    }

    @Test
    void aDecompressionBombIsNamedAndSkippedBeforeItIsDecoded() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        Path output = root.resolve("out");
        Path bomb = Files.write(input.resolve("bomb.png"), pngDeclaring(50_000, 50_000));
        TestImages.write(input.resolve("fine.jpg"), 3);
        assertThat(Files.size(bomb)).isLessThan(2_000);

        StubScoringModel model = new StubScoringModel();
        ExtractionSummary summary = new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output)
                                .topImagesPercent(0.0)
                                .build(),
                        new ExtractionProgress(),
                        new Cancellation());

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bomb.png");
            assertThat(problem.error()).contains("2500 megapixels").contains("limit of 100");
        });
        assertThat(output.resolve("fine.jpg")).exists();
    }

    @Test
    void theLimitIsASetting() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        Files.write(input.resolve("wide.png"), pngDeclaring(3000, 1000));
        TestImages.write(input.resolve("small.jpg"), 4);
        StubScoringModel model = new StubScoringModel();
        ExtractionSummary summary = new TopImagesExtractor(
                        () -> model, PipelineSettings.builder().maxMegapixels(2).build())
                .run(
                        ExtractionRequest.builder(input, root.resolve("out"))
                                .topImagesPercent(0.0)
                                .build(),
                        new ExtractionProgress(),
                        new Cancellation());
        assertThat(summary.problems())
                .singleElement()
                .satisfies(problem ->
                        assertThat(problem.error()).contains("3 megapixels").contains("limit of 2"));
    }

    private ExtractionSummary topImages(Path input, PipelineSettings settings, List<String> extensions)
            throws Exception {
        StubScoringModel model = new StubScoringModel();
        ExtractionRequest.Builder request =
                ExtractionRequest.builder(input, root.resolve("out")).topImagesPercent(0.0);
        if (extensions != null) {
            request.imageExtensions(extensions);
        }
        return new TopImagesExtractor(() -> model, settings)
                .run(request.build(), new ExtractionProgress(), new Cancellation());
    }

    private static Map<String, String> errors(ExtractionSummary summary) {
        return summary.problems().stream()
                .collect(Collectors.toMap(ExtractionProgress.FileProblem::file, ExtractionProgress.FileProblem::error));
    }

    /** A valid small JPEG made {@code bytes} long by a sparse tail: costs nothing on disk, nothing is read. */
    private static Path sparseJpeg(Path file, long bytes) throws Exception {
        TestImages.write(file, 2);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return file;
    }

    @Test
    void aSparseThreeGigabyteJpegIsNamedAndSkippedWithoutBeingRead() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        Path huge = sparseJpeg(input.resolve("huge.jpg"), 3L << 30);
        TestImages.write(input.resolve("fine.jpg"), 3);

        ExtractionSummary summary = topImages(input, PipelineSettings.defaults(), null);

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(errors(summary)).containsOnlyKeys("huge.jpg");
        assertThat(errors(summary).get("huge.jpg"))
                .contains("is 3.2 GB")
                .contains("817 MB for 100 megapixels")
                .contains("skipped without reading it");
        assertThat(root.resolve("out/fine.jpg")).exists();
        assertThat(root.resolve("out/huge.jpg")).doesNotExist();
        assertThat(Files.size(huge)).as("input untouched").isEqualTo(3L << 30);
    }

    @Test
    void theFileSizeLimitFollowsThePixelLimit() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        // Below 2 GB, so that before the limit it was read whole into native memory, then decoded and copied.
        sparseJpeg(input.resolve("padded.jpg"), 64L << 20);
        TestImages.write(input.resolve("fine.jpg"), 3);

        ExtractionSummary summary =
                topImages(input, PipelineSettings.builder().maxMegapixels(1).build(), null);

        assertThat(errors(summary)).containsOnlyKeys("padded.jpg");
        assertThat(errors(summary).get("padded.jpg")).contains("is 67 MB").contains("25 MB for 1 megapixels");
        assertThat(root.resolve("out/fine.jpg")).exists();
    }

    @Test
    void anOpenCvErrorOnOnePictureIsNamedAndSkipped() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        // 2 megapixels, within the limit, but wider than OpenCV accepts (2^20): imdecode throws a cv::Exception.
        // (A PNG that wide is refused by libpng's own limit, quietly; BMP has none.)
        Files.write(input.resolve("wide.bmp"), bmpDeclaring(2_000_000, 1));
        byte[] png = pngDeclaring(1, 1);
        Files.write(input.resolve("corrupt.png"), java.util.Arrays.copyOf(png, 40)); // header, then nothing
        Files.write(
                input.resolve("corrupt.webp"), webp("VP8 ", new byte[] {0, 0, 0, (byte) 0x9D, 1, 0x2A, 8, 0, 8, 0}));
        TestImages.write(input.resolve("fine.jpg"), 3);

        ExtractionSummary summary =
                topImages(input, PipelineSettings.defaults(), List.of(".jpg", ".png", ".webp", ".bmp"));

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(errors(summary)).containsOnlyKeys("wide.bmp", "corrupt.png", "corrupt.webp");
        assertThat(errors(summary).get("wide.bmp"))
                .startsWith("cannot be decoded as an image: (-215:Assertion failed)")
                .contains("validateInputImageSize")
                .doesNotContain(".cpp")
                .doesNotContain("\n");
        assertThat(errors(summary).get("corrupt.png")).startsWith("cannot be decoded as an image");
        assertThat(errors(summary).get("corrupt.webp")).startsWith("cannot be decoded as an image");
        assertThat(root.resolve("out/fine.jpg")).exists();
    }

    /** A BMP header (BITMAPINFOHEADER, 24 bits) declaring {@code width}×{@code height}, without pixels. */
    private static byte[] bmpDeclaring(int width, int height) {
        ByteBuffer bmp = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
        bmp.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24);
        return bmp.array();
    }

    /** A RIFF/WEBP file with one chunk. */
    private static byte[] webp(String chunk, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(12 + data.length).put("WEBP".getBytes());
        b.put(chunk.getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void aWebpDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        // Extended format: canvas 20000×20000 (minus one, 24 bits each).
        int side = 20_000 - 1;
        Files.write(input.resolve("canvas.webp"), webp("VP8X", new byte[] {
            0,
            0,
            0,
            0,
            (byte) side,
            (byte) (side >> 8),
            (byte) (side >> 16),
            (byte) side,
            (byte) (side >> 8),
            (byte) (side >> 16)
        }));
        // Lossless: 16384×16384 in 14-bit fields after the 0x2F signature.
        int bits = 16383 | 16383 << 14;
        Files.write(input.resolve("lossless.webp"), webp("VP8L", new byte[] {
            0x2F, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)
        }));
        TestImages.write(input.resolve("fine.jpg"), 3);

        ExtractionSummary summary = topImages(input, PipelineSettings.defaults(), null);

        assertThat(errors(summary)).containsOnlyKeys("canvas.webp", "lossless.webp");
        assertThat(errors(summary).get("canvas.webp"))
                .contains("400 megapixels")
                .contains("limit of 100");
        assertThat(errors(summary).get("lossless.webp"))
                .contains("268 megapixels")
                .contains("limit of 100");
        assertThat(root.resolve("out/fine.jpg")).exists();
    }

    @Test
    void bmpGifAndTiffHeadersAreCheckedTooWhenTheyAreInputs() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        // 30000×30000 BMP: under OpenCV's own limit (2^30 pixels), so OpenCV alone would allocate 2.7 GB for it.
        Files.write(input.resolve("bomb.bmp"), bmpDeclaring(30_000, -30_000));
        ByteBuffer gif = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes()).putShort((short) 60_000).putShort((short) 60_000);
        Files.write(input.resolve("bomb.gif"), gif.array());
        // Big-endian TIFF, first IFD at 8 with ImageWidth (LONG) and ImageLength (SHORT).
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 24 + 4);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8).putShort((short) 2);
        tiff.putShort((short) 256).putShort((short) 4).putInt(1).putInt(40_000);
        tiff.putShort((short) 257)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 40_000)
                .putShort((short) 0);
        Files.write(input.resolve("bomb.tif"), tiff.array());
        TestImages.write(input.resolve("fine.jpg"), 3);

        ExtractionSummary summary =
                topImages(input, PipelineSettings.defaults(), List.of(".jpg", ".bmp", ".gif", ".tif"));

        assertThat(errors(summary)).containsOnlyKeys("bomb.bmp", "bomb.gif", "bomb.tif");
        assertThat(errors(summary).get("bomb.bmp")).contains("900 megapixels");
        assertThat(errors(summary).get("bomb.gif")).contains("3600 megapixels");
        assertThat(errors(summary).get("bomb.tif")).contains("1600 megapixels");
        assertThat(root.resolve("out/fine.jpg")).exists();
    }
}
