package com.perfectframe.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import com.perfectframe.score.nima.NimaPreprocessor;
import com.perfectframe.score.nima.Normalization;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UShortIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of photo a folder may hold, generated here: damaged, 16-bit, transparent, grey, CMYK, palette, 1×1,
 * camera-size, HEIC/AVIF. Each is checked by its pixels (and, where it matters, the model input prepared from it).
 */
class ImageReaderInputsTests {

    @TempDir
    Path dir;

    private final NimaPreprocessor preprocessor = new NimaPreprocessor(Normalization.ORIGINAL);

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private DecodedImage read(Path file) throws Exception {
        return ImageReader.read(file, 448, MemoryGate.UNBOUNDED);
    }

    // ------------------------------------------------------------------------------------------------ damaged

    @Test
    void aJpegCutShortDecodesItsTopAndIsFlaggedTruncated() throws Exception {
        byte[] jpeg;
        try (Mat source = Pictures.asymmetric(640, 480)) {
            jpeg = Pictures.encode(source, ".jpg", IMWRITE_JPEG_QUALITY, 95);
        }
        Path cut = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 6 / 10));
        try (Mat whole = decode(jpeg);
                DecodedImage read = read(cut)) {
            assertThat(read.truncated()).isTrue();
            assertThat(read.bgr().cols()).isEqualTo(640);
            assertThat(read.bgr().rows()).isEqualTo(480);
            // The top rows are there, as in the whole file (the red block, top left).
            assertThat(Pictures.pixel(read.bgr(), 20, 20)).isEqualTo(Pictures.pixel(whole, 20, 20));
            assertThat(Pictures.pixel(read.bgr(), 20, 20)[2]).isGreaterThan(200);
        }
    }

    @Test
    void aWholeJpegIsNotTruncatedEvenWithBytesAfterItsEndOrAThumbnailInside() throws Exception {
        byte[] jpeg;
        byte[] thumbnail;
        try (Mat source = Pictures.asymmetric(320, 240);
                Mat small = Pictures.asymmetric(32, 24)) {
            jpeg = Pictures.encode(source, ".jpg", IMWRITE_JPEG_QUALITY, 90);
            thumbnail = Pictures.encode(small, ".jpg", IMWRITE_JPEG_QUALITY, 90);
        }
        // An APP1 segment holding a whole JPEG (its own SOI…EOI) must not be mistaken for the picture's end.
        byte[] withThumbnail = Pictures.insert(jpeg, 2, Pictures.segment(0xE1, thumbnail));
        try (DecodedImage padded = read(write("padded.jpg", Pictures.concat(withThumbnail, new byte[4096])));
                DecodedImage cut = read(write("cut.jpg", Arrays.copyOf(withThumbnail, withThumbnail.length - 500)))) {
            assertThat(padded.truncated()).isFalse();
            assertThat(cut.truncated()).isTrue();
        }
    }

    @Test
    void aFileThatIsNotAPictureFailsWithOneLine() throws Exception {
        Path text = write("notes.jpg", "not a picture at all".getBytes());
        Path empty = write("empty.png", new byte[0]);
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot be decoded as an image (corrupt, truncated or unsupported format)");
        assertThatThrownBy(() -> read(empty)).isInstanceOf(IOException.class).hasMessage("is empty (0 bytes)");
    }

    // ---------------------------------------------------------------------------------------- unusual pixels

    @Test
    void aSixteenBitPngIsScaledToEightBits() throws Exception {
        byte[] png;
        try (Mat deep = new Mat(8, 8, CV_16UC3, new Scalar(0, 32896, 65535, 0))) { // 0, 128·257, 255·257
            try (UShortIndexer idx = deep.createIndexer()) {
                idx.put(0, 0, 0, 257 * 10);
            }
            png = Pictures.encode(deep, ".png");
        }
        assertThat(png[24]).as("PNG bit depth").isEqualTo((byte) 16);
        try (DecodedImage read = read(write("deep.png", png))) {
            assertThat(read.bgr().type()).isEqualTo(CV_8UC3);
            assertThat(Pictures.pixel(read.bgr(), 3, 3)).containsExactly(0, 128, 255);
            assertThat(Pictures.pixel(read.bgr(), 0, 0)).containsExactly(10, 128, 255);
        }
    }

    @Test
    void transparencyIsCompositedOverWhiteNotLeftBlack() throws Exception {
        byte[] png;
        try (Mat bgra = new Mat(40, 60, CV_8UC4, new Scalar(0, 0, 0, 0))) { // transparent, storing black
            Pictures.fill(bgra, 20, 0, 40, 40, new Scalar(200, 100, 50, 255)); // opaque
            Pictures.fill(bgra, 40, 0, 60, 40, new Scalar(0, 0, 0, 128)); // half-transparent black
            png = Pictures.encode(bgra, ".png");
        }
        assertThat(png[25]).as("PNG colour type RGBA").isEqualTo((byte) 6);
        try (DecodedImage read = read(write("alpha.png", png))) {
            Mat bgr = read.bgr();
            assertThat(bgr.type()).isEqualTo(CV_8UC3);
            assertThat(Pictures.pixel(bgr, 5, 5)).containsExactly(255, 255, 255);
            assertThat(Pictures.pixel(bgr, 30, 5)).containsExactly(200, 100, 50);
            assertThat(Arrays.stream(Pictures.pixel(bgr, 50, 5)).boxed())
                    .allSatisfy(v -> assertThat(v).isBetween(126, 128));
            float[] input = preprocessor.preprocess(bgr);
            assertThat(input[0]).isEqualTo(1f); // top-left: white, not black
        }
    }

    @Test
    void greyPicturesGiveEqualChannelsToTheModel() throws Exception {
        try (Mat grey = new Mat(50, 80, CV_8UC1)) {
            try (org.bytedeco.javacpp.indexer.UByteIndexer idx = grey.createIndexer()) {
                for (int y = 0; y < 50; y++) {
                    for (int x = 0; x < 80; x++) {
                        idx.put(y, x, (x * 3 + y) & 0xFF);
                    }
                }
            }
            for (String name : List.of("grey.png", "grey.jpg")) {
                byte[] bytes = Pictures.encode(grey, name.substring(name.indexOf('.')));
                try (DecodedImage read = read(write(name, bytes))) {
                    assertThat(read.bgr().type()).as(name).isEqualTo(CV_8UC3);
                    int[] p = Pictures.pixel(read.bgr(), 40, 20);
                    assertThat(p[0]).as(name).isEqualTo(p[1]).isEqualTo(p[2]);
                    if (name.endsWith(".png")) {
                        assertThat(p[0]).isEqualTo(140);
                    }
                    float[] input = preprocessor.preprocess(read.bgr());
                    for (int i = 0; i < input.length; i += 3) {
                        assertThat(input[i]).isEqualTo(input[i + 1]).isEqualTo(input[i + 2]);
                    }
                }
            }
        }
    }

    @Test
    void aPalettePngKeepsItsColours() throws Exception {
        byte[] r = {(byte) 255, 0, 0, 0};
        byte[] g = {0, (byte) 255, 0, 0};
        byte[] b = {0, 0, (byte) 255, 0};
        BufferedImage image =
                new BufferedImage(30, 10, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
        for (int x = 0; x < 30; x++) {
            for (int y = 0; y < 10; y++) {
                image.getRaster().setSample(x, y, 0, x / 10);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        byte[] png = out.toByteArray();
        assertThat(png[25]).as("PNG colour type palette").isEqualTo((byte) 3);
        try (DecodedImage read = read(write("palette.png", png))) {
            assertThat(Pictures.pixel(read.bgr(), 5, 5)).containsExactly(0, 0, 255);
            assertThat(Pictures.pixel(read.bgr(), 15, 5)).containsExactly(0, 255, 0);
            assertThat(Pictures.pixel(read.bgr(), 25, 5)).containsExactly(255, 0, 0);
        }
    }

    @Test
    void aCmykJpegIsReadInColour() throws Exception {
        byte[] jpeg = cmykJpeg();
        assumeThat(jpeg).as("this JDK's ImageIO cannot write a CMYK JPEG").isNotNull();
        try (DecodedImage read = read(write("cmyk.jpg", jpeg))) {
            assertThat(read.bgr().type()).isEqualTo(CV_8UC3);
            int[] left = Pictures.pixel(read.bgr(), 8, 16);
            int[] right = Pictures.pixel(read.bgr(), 56, 16);
            // Left half: cyan ink only → (B, G, R) ≈ (255, 255, 0); right half: magenta + yellow → red.
            assertThat(left[0]).isGreaterThan(200);
            assertThat(left[1]).isGreaterThan(200);
            assertThat(left[2]).isLessThan(60);
            assertThat(right[0]).isLessThan(60);
            assertThat(right[1]).isLessThan(60);
            assertThat(right[2]).isGreaterThan(200);
        }
    }

    /**
     * A 64×32 CMYK JPEG as Photoshop writes them (Adobe APP14, inverted values), made with ImageIO from a 4-band
     * raster; null when this JDK's writer refuses.
     */
    private static byte[] cmykJpeg() throws IOException {
        java.awt.image.WritableRaster raster =
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 64, 32, 4, null);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int[] cmyk = x < 32 ? new int[] {255, 0, 0, 0} : new int[] {0, 255, 255, 0};
                for (int c = 0; c < 4; c++) {
                    raster.setSample(x, y, c, 255 - cmyk[c]); // Adobe CMYK is stored inverted
                }
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    @Test
    void aOneByOnePictureIsPreparedAsAFlatSquare() throws Exception {
        try (Mat dot = new Mat(1, 1, CV_8UC3, new Scalar(30, 60, 90, 0))) {
            for (String ext : List.of(".png", ".jpg")) {
                try (DecodedImage read =
                        read(write("dot" + ext, Pictures.encode(dot, ext, IMWRITE_JPEG_QUALITY, 100)))) {
                    assertThat(read.bgr().cols()).isEqualTo(1);
                    float[] input = preprocessor.preprocess(read.bgr());
                    int[] p = Pictures.pixel(read.bgr(), 0, 0);
                    for (int i = 0; i < input.length; i += 3) {
                        assertThat(input[i]).isEqualTo(p[2] / 255f); // R first
                        assertThat(input[i + 2]).isEqualTo(p[0] / 255f);
                    }
                    assertThat(p[2]).isBetween(86, 94);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------- camera-size JPEGs

    @Test
    void theReductionKeepsEachSideAtLeastTheAskedSide() {
        assertThat(DecodeScale.denominator(6000, 4000, 448)).isEqualTo(8); // 750×500
        assertThat(DecodeScale.denominator(8660, 5773, 448)).isEqualTo(8); // 1083×722
        assertThat(DecodeScale.denominator(4032, 3024, 448)).isEqualTo(4); // 1008×756 (1/8 would be 378 high)
        assertThat(DecodeScale.denominator(3584, 3584, 448)).isEqualTo(8); // exactly 448
        assertThat(DecodeScale.denominator(3583, 3583, 448)).isEqualTo(8); // 448 (libjpeg rounds up)
        assertThat(DecodeScale.denominator(3583, 3575, 448)).isEqualTo(4); // 447 high at 1/8
        assertThat(DecodeScale.denominator(895, 2000, 448)).isEqualTo(2); // 448 wide at 1/2 (rounded up)
        assertThat(DecodeScale.denominator(894, 2000, 448)).isEqualTo(1);
        assertThat(DecodeScale.denominator(6000, 4000, 0)).isEqualTo(1);
    }

    @Test
    void aLargeJpegIsDecodedReducedAndReservesOnlyWhatItHolds() throws Exception {
        byte[] jpeg;
        try (Mat source = Pictures.asymmetric(4000, 1000)) {
            jpeg = Pictures.encode(source, ".jpg", IMWRITE_JPEG_QUALITY, 90);
        }
        // A large APP2 segment before the frame header: the size is still found by skipping segments.
        byte[] withIcc = Pictures.insert(jpeg, 2, Pictures.segment(0xE2, new byte[60_000]));
        Path file = write("wide.jpg", withIcc);
        List<Long> reserved = new ArrayList<>();
        List<Long> released = new ArrayList<>();
        MemoryGate gate = bytes -> {
            reserved.add(bytes);
            return () -> released.add(bytes);
        };
        try (DecodedImage read = ImageReader.read(file, 448, gate)) {
            assertThat(read.scale()).isEqualTo(2); // 2000×500; 1/4 would be 250 high
            assertThat(read.bgr().cols()).isEqualTo(2000);
            assertThat(read.bgr().rows()).isEqualTo(500);
            assertThat(reserved).containsExactly(withIcc.length + 2000L * 500 * 3);
            assertThat(released).isEmpty();
        }
        assertThat(released).isEqualTo(reserved);
        try (Mat full = ImageReader.read(file)) {
            assertThat(full.cols()).isEqualTo(4000);
        }
    }

    // ------------------------------------------------------------------------------------------- HEIC, AVIF

    @Test
    void aHeifFileWithoutAPictureIsNamedInOneLine() throws Exception {
        byte[] heic = ftyp("heic", "mif1", "heic");
        byte[] avif = ftyp("avif", "avif", "mif1", "miaf");
        for (byte[] empty : List.of(heic, avif)) {
            assertThatThrownBy(() -> read(write("empty-meta.heic", empty)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("is damaged: its HEIF metadata names no primary picture");
            // Only the ftyp box: the meta box is missing.
            assertThatThrownBy(() -> read(write("ftyp-only.avif", Arrays.copyOf(empty, empty.length - 16))))
                    .isInstanceOf(IOException.class)
                    .hasMessage("has no HEIF metadata (meta box): not a still picture, or cut short");
        }
    }

    private static byte[] ftyp(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(size + 16);
        b.putInt(size).put("ftyp".getBytes()).put(major.getBytes()).putInt(0);
        for (String brand : compatible) {
            b.put(brand.getBytes());
        }
        b.putInt(16).put("meta".getBytes()).putLong(0);
        return b.array();
    }

    private static Mat decode(byte[] bytes) {
        try (BytePointer data = new BytePointer(bytes);
                Mat raw = new Mat(1, bytes.length, CV_8UC1, data)) {
            return imdecode(raw, IMREAD_COLOR);
        }
    }
}
