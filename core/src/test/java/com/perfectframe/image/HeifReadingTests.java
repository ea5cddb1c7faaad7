package com.perfectframe.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.PSNR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;

import com.perfectframe.testing.HeifFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HEIC and AVIF photos made by libheif's and libavif's own encoders, read as their own decoders ({@code heif-convert},
 * {@code avifdec}) show them: same size, same orientation, PSNR ≥ 30 dB.
 */
class HeifReadingTests {

    private static final double MIN_PSNR = 30;

    @TempDir
    Path dir;

    /** A picture with detail (so PSNR means something) that no flip or turn maps onto itself. */
    private static Mat scene(int width, int height) {
        Mat m = Pictures.asymmetric(width, height);
        UByteIndexer idx = m.createIndexer();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (((x / 8) + (y / 8)) % 2 == 0) {
                    idx.put(y, x, 1, Math.min(255, idx.get(y, x, 1) + 60));
                }
            }
        }
        idx.close();
        return m;
    }

    private Path png(String name, Mat picture) throws IOException {
        return write(name, Pictures.encode(picture, ".png"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path heifEnc(Path source, String name, String... options) throws Exception {
        HeifFiles.assumeTool("heif-enc");
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("heif-enc", "-q", "92"));
        command.addAll(Arrays.asList(options));
        command.addAll(List.of(source.toString(), "-o", out.toString()));
        HeifFiles.run(command.toArray(new String[0]));
        return out;
    }

    private Path avifEnc(Path source, String name, String... options) throws Exception {
        HeifFiles.assumeTool("avifenc");
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("avifenc", "-s", "8", "--min", "0", "--max", "20"));
        command.addAll(Arrays.asList(options));
        command.addAll(List.of(source.toString(), out.toString()));
        HeifFiles.run(command.toArray(new String[0]));
        return out;
    }

    /** heif-enc's HEIC of a {@link #scene}, as bytes. */
    private byte[] heicBytes(String name, int width, int height) throws Exception {
        try (Mat source = scene(width, height)) {
            return Files.readAllBytes(heifEnc(png(name + ".png", source), name));
        }
    }

    /** libheif's own decode (irot/imir applied), as a PNG read back as we read any PNG. */
    private Mat heifConvert(Path heif) throws Exception {
        HeifFiles.assumeTool("heif-convert");
        Path out = dir.resolve(heif.getFileName() + ".reference.png");
        HeifFiles.run("heif-convert", heif.toString(), out.toString());
        return ImageReader.read(out);
    }

    private Mat avifDec(Path avif) throws Exception {
        HeifFiles.assumeTool("avifdec");
        Path out = dir.resolve(avif.getFileName() + ".reference.png");
        HeifFiles.run("avifdec", avif.toString(), out.toString());
        return ImageReader.read(out);
    }

    private static void assertSamePicture(Mat actual, Mat reference) {
        assertThat(actual.cols()).as("width").isEqualTo(reference.cols());
        assertThat(actual.rows()).as("height").isEqualTo(reference.rows());
        assertThat(actual.type()).isEqualTo(reference.type());
        assertThat(PSNR(actual, reference))
                .as("PSNR against the reference decoder")
                .isGreaterThanOrEqualTo(MIN_PSNR);
    }

    // ---------------------------------------------------------------------------------------------- plain

    @Test
    void readsAn8BitHeicAsLibheifDoes() throws Exception {
        Path heic;
        try (Mat source = scene(320, 240)) {
            heic = heifEnc(png("source.png", source), "photo.heic");
        }
        try (Mat ours = ImageReader.read(heic);
                Mat reference = heifConvert(heic)) {
            assertSamePicture(ours, reference);
            // The red block top left, the green bar along the bottom: the right way up, not mirrored.
            assertThat(Pictures.pixel(ours, 20, 20)[2]).isGreaterThan(180);
            assertThat(Pictures.pixel(ours, 160, 230)[1]).isGreaterThan(180);
        }
    }

    @Test
    void readsA10BitHeicBroughtTo8Bits() throws Exception {
        Path heic;
        try (Mat eight = scene(320, 240);
                Mat deep = new Mat()) {
            eight.convertTo(deep, CV_16UC3, 257, 0);
            heic = heifEnc(png("deep.png", deep), "deep.heic", "-b", "10");
        }
        try (Mat ours = ImageReader.read(heic);
                Mat reference = heifConvert(heic)) {
            assertSamePicture(ours, reference);
        }
    }

    @ParameterizedTest
    @CsvSource({"8, 420", "10, 444", "12, 422"})
    void readsAnAvifAsLibavifDoes(int depth, String chroma) throws Exception {
        Path avif;
        try (Mat source = scene(330, 250)) { // odd halves: chroma planes rounded up
            avif = avifEnc(png("source.png", source), "photo.avif", "-d", "" + depth, "-y", chroma);
        }
        try (Mat ours = ImageReader.read(avif);
                Mat reference = avifDec(avif)) {
            assertSamePicture(ours, reference);
        }
    }

    /**
     * Limited range and the BT.709 matrix, from the {@code nclx} box. Compared with libheif's decode: avifdec 0.11
     * (through libyuv) gives 28-34 dB against both libheif's and ours here, which agree at 44-52 dB.
     */
    @ParameterizedTest
    @CsvSource({"420", "444"})
    void readsALimitedRangeBt709AvifAsLibheifDoes(String chroma) throws Exception {
        Path avif;
        try (Mat source = scene(320, 240)) {
            avif = avifEnc(png("source.png", source), "limited.avif", "-r", "l", "--cicp", "1/13/1", "-y", chroma);
        }
        try (Mat ours = ImageReader.read(avif);
                Mat reference = heifConvert(avif)) {
            assertSamePicture(ours, reference);
        }
    }

    @Test
    void compositesTransparencyOverWhiteLikePng() throws Exception {
        Path heic;
        Path avif;
        try (Mat bgra = new Mat(240, 320, CV_8UC4)) {
            try (Mat bgr = scene(320, 240)) {
                org.bytedeco.opencv.global.opencv_imgproc.cvtColor(
                        bgr, bgra, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA);
            }
            UByteIndexer idx = bgra.createIndexer();
            for (int y = 0; y < 240; y++) {
                for (int x = 160; x < 320; x++) {
                    idx.put(y, x, 3, x < 240 ? 64 : 0); // half see-through, then fully transparent
                }
            }
            idx.close();
            Path source = png("alpha.png", bgra);
            heic = heifEnc(source, "alpha.heic");
            avif = avifEnc(source, "alpha.avif");
        }
        try (Mat ours = ImageReader.read(heic);
                Mat reference = heifConvert(heic)) {
            assertSamePicture(ours, reference);
            assertThat(Pictures.pixel(ours, 300, 120)).containsOnly(255, 255, 255); // transparent shows white
        }
        try (Mat ours = ImageReader.read(avif);
                Mat reference = avifDec(avif)) {
            assertSamePicture(ours, reference);
            assertThat(Arrays.stream(Pictures.pixel(ours, 300, 120)).min().getAsInt())
                    .isGreaterThan(245);
        }
    }

    // ---------------------------------------------------------------------------------------------- orientation

    /**
     * A phone's portrait photo: the sensor's landscape pixels plus a transform. Made from a JPEG whose EXIF says
     * orientation 6 (turn 90° clockwise): heif-enc 1.15 keeps its pixels as stored, and the turn becomes {@code irot}
     * = 3 (three quarter turns anticlockwise). The result must look like the JPEG as a viewer shows it.
     */
    @Test
    void turnsAHeicAsItsTransformBoxesSayLikeTheJpegItCameFrom() throws Exception {
        byte[] jpeg;
        try (Mat stored = scene(320, 240)) {
            jpeg = Pictures.withJpegOrientation(Pictures.encode(stored, ".jpg", IMWRITE_JPEG_QUALITY, 97), 6);
        }
        Path jpegFile = write("portrait.jpg", jpeg);
        byte[] encoded = Files.readAllBytes(heifEnc(jpegFile, "stored.heic"));
        HeifFiles.Coded picture = HeifFiles.primary(encoded);
        Path heic = write("portrait.heic", HeifFiles.single("heic", picture.with(HeifFiles.irot(3)), null));
        try (Mat ours = ImageReader.read(heic);
                Mat reference = heifConvert(heic);
                Mat shown = ImageReader.read(jpegFile)) {
            assertSamePicture(ours, reference);
            assertThat(ours.cols()).isEqualTo(240);
            assertThat(ours.rows()).isEqualTo(320);
            assertSamePicture(ours, shown);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, -1", "2, -1", "0, 0", "0, 1", "1, 0", "3, 1"})
    void honoursEveryTurnAndMirror(int quarters, int mirror) throws Exception {
        byte[] encoded = heicBytes("stored.heic", 320, 240);
        HeifFiles.Coded picture = HeifFiles.primary(encoded);
        // irot before imir: the order in which ISO/IEC 23008-12 applies them is the order of association.
        List<byte[]> transforms = new ArrayList<>();
        if (quarters > 0) {
            transforms.add(HeifFiles.irot(quarters));
        }
        if (mirror >= 0) {
            transforms.add(HeifFiles.imir(mirror));
        }
        Path heic =
                write("turned.heic", HeifFiles.single("heic", picture.with(transforms.toArray(new byte[0][])), null));
        try (Mat ours = ImageReader.read(heic);
                Mat reference = heifConvert(heic)) {
            assertSamePicture(ours, reference);
        }
    }

    // ---------------------------------------------------------------------------------------------- grids

    /**
     * What iPhones write: the photo as a grid of separately coded tiles, cut to its size. The tiles are heif-enc's,
     * the grid boxes around them are written by the test (libheif 1.15 cannot tile).
     */
    @ParameterizedTest
    @CsvSource({"2, 2, 600, 450, -1", "3, 2, 900, 470, -1", "2, 2, 640, 480, 1"})
    void assemblesATileGridCutToItsSize(int columns, int rows, int width, int height, int quarters) throws Exception {
        int tileWidth = 320;
        int tileHeight = 240;
        List<HeifFiles.Coded> tiles = new ArrayList<>();
        try (Mat whole = scene(columns * tileWidth, rows * tileHeight)) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    try (Rect area = new Rect(c * tileWidth, r * tileHeight, tileWidth, tileHeight);
                            Mat view = whole.apply(area);
                            Mat tile = view.clone()) {
                        Path encoded = heifEnc(png("tile" + r + c + ".png", tile), "tile" + r + c + ".heic");
                        tiles.add(HeifFiles.primary(Files.readAllBytes(encoded)));
                    }
                }
            }
        }
        byte[][] gridProperties = quarters < 0 ? new byte[0][] : new byte[][] {HeifFiles.irot(quarters)};
        Path heic = write("grid.heic", HeifFiles.grid("heic", tiles, columns, rows, width, height, gridProperties));
        try (Mat ours = ImageReader.read(heic);
                Mat reference = heifConvert(heic)) {
            assertSamePicture(ours, reference);
            assertThat(ours.cols()).isEqualTo(quarters == 1 ? height : width);
        }
    }

    @Test
    void assemblesAnAvifGridMadeByAvifenc() throws Exception {
        Path avif;
        try (Mat source = scene(640, 480)) {
            avif = avifEnc(png("source.png", source), "grid.avif", "--grid", "2x2");
        }
        try (Mat ours = ImageReader.read(avif);
                Mat reference = avifDec(avif)) {
            assertSamePicture(ours, reference);
        }
    }

    // ---------------------------------------------------------------------------------------------- hostile

    @Test
    void refusesABombFromItsHeaderBeforeDecoding() throws Exception {
        byte[] encoded = heicBytes("small.heic", 320, 240);
        Path bomb = write(
                "bomb.heic", HeifFiles.single("heic", HeifFiles.primary(encoded).withSize(100_000, 100_000), null));
        long started = System.nanoTime();
        assertThatThrownBy(() -> ImageReader.read(bomb, 0, MemoryGate.UNBOUNDED, 100_000_000L))
                .isInstanceOf(IOException.class)
                .hasMessage("would decode to 10000 megapixels, above the limit of 100 (max_megapixels): skipped so"
                        + " that it cannot exhaust memory");
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    }

    @Test
    void aTileGridIsWeighedByItsTilesToo() throws Exception {
        byte[] encoded = heicBytes("tile.heic", 320, 240);
        HeifFiles.Coded huge = HeifFiles.primary(encoded).withSize(60_000, 60_000);
        Path bomb = write("grid-bomb.heic", HeifFiles.grid("heic", List.of(huge, huge), 2, 1, 640, 240));
        assertThatThrownBy(() -> ImageReader.read(bomb, 0, MemoryGate.UNBOUNDED, 100_000_000L))
                .hasMessageStartingWith("would decode to 7200 megapixels");
    }

    @Test
    void aHeicCutShortIsNamedAsSuchInOneLine() throws Exception {
        byte[] encoded = heicBytes("whole.heic", 320, 240);
        Path cut = write("cut.heic", Arrays.copyOf(encoded, encoded.length * 6 / 10));
        assertThatThrownBy(() -> ImageReader.read(cut))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("is cut short: its picture's data runs to byte " + encoded.length)
                .hasMessageNotContaining("\n");
        Path headless = write("headless.heic", Arrays.copyOf(encoded, 200));
        assertThatThrownBy(() -> ImageReader.read(headless))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("is cut short");
    }

    /** Any damage to the boxes is an IOException with one line, never another exception (the parser is ours). */
    @Test
    void damagedMetadataIsAnIOExceptionNeverAnotherFailure() throws Exception {
        byte[] encoded = heicBytes("small.heic", 64, 48);
        java.util.Random random = new java.util.Random(21);
        int metaEnd = 0;
        for (int pos = 0; pos + 8 <= encoded.length; ) {
            int size = java.nio.ByteBuffer.wrap(encoded).getInt(pos);
            if (new String(encoded, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("meta")) {
                metaEnd = pos + size;
                break;
            }
            pos += size;
        }
        assertThat(metaEnd).isPositive();
        int parsed = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = encoded.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                damaged[random.nextInt(metaEnd)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                damaged = Arrays.copyOf(damaged, random.nextInt(metaEnd));
            }
            Path file = write("damaged.heic", damaged);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                HeifStructure heif = HeifStructure.read(channel);
                heif.declaredPixels();
                heif.dataEnd(heif.primary());
                heif.exif();
                parsed++;
            } catch (IOException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        }
        assertThat(parsed).as("some damage leaves the boxes readable").isPositive();
    }
}
