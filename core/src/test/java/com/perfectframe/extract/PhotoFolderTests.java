package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import com.perfectframe.extract.image.ImageCopier;
import com.perfectframe.extract.image.ImagePipeline;
import com.perfectframe.extract.image.ImagePreparer;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.extract.select.TopPercentile;
import com.perfectframe.extract.stage.BatchScorer;
import com.perfectframe.extract.stage.FrameBudget;
import com.perfectframe.extract.stage.PrepareStep;
import com.perfectframe.extract.stage.PreparedPicture;
import com.perfectframe.extract.stage.StageSizes;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.score.PicturePreparer;
import com.perfectframe.score.nima.NimaPreprocessor;
import com.perfectframe.score.nima.Normalization;
import com.perfectframe.testing.StubScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of every kind of photo through the real read and prepare steps: each usable one is scored (from the
 * pixels NIMA's preprocessing makes of it), the cut JPEG is scored and noted as truncated, a HEIC file that is only
 * a header is named as damaged, kept JPEGs are byte-for-byte copies, and every budget share comes back.
 */
@Timeout(60)
class PhotoFolderTests {

    @TempDir
    Path dir;

    private static byte[] encode(Mat m, String ext) {
        try (m;
                BytePointer out = new BytePointer()) {
            assertThat(imencode(ext, m, out)).isTrue();
            byte[] bytes = new byte[(int) out.limit()];
            out.position(0).get(bytes);
            return bytes;
        }
    }

    @Test
    void everyKindOfPhotoIsScoredOrNamed() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path out = Files.createDirectory(dir.resolve("out"));
        byte[] photo = encode(new Mat(300, 400, CV_8UC3, new Scalar(60, 120, 180, 0)), ".jpg");
        Map<String, byte[]> files = new TreeMap<>();
        files.put("a-photo.jpg", photo);
        files.put("b-cut.jpg", Arrays.copyOf(photo, photo.length / 2));
        files.put("c-deep.png", encode(new Mat(20, 20, CV_16UC3, new Scalar(65535, 0, 32896, 0)), ".png"));
        files.put("d-alpha.png", encode(new Mat(20, 20, CV_8UC4, new Scalar(0, 0, 0, 0)), ".png"));
        files.put("e-grey.jpg", encode(new Mat(20, 20, CV_8UC1, new Scalar(77, 0, 0, 0)), ".jpg"));
        files.put("f-dot.png", encode(new Mat(1, 1, CV_8UC3, new Scalar(10, 20, 30, 0)), ".png"));
        files.put("g-iphone.heic", heicHeader());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(in.resolve(f.getKey()), f.getValue());
        }

        Map<String, float[]> prepared = new ConcurrentHashMap<>();
        FrameBudget budget = new FrameBudget(48L << 20);
        ExtractionProgress progress = new ExtractionProgress();
        List<Path> images = InputFiles.list(in, ExtractionRequest.DEFAULT_IMAGE_EXTENSIONS);
        ImagePipeline pipeline = new ImagePipeline(
                () -> {
                    // One preprocessor per preparing thread: it reuses its buffers, like the model's own.
                    NimaPreprocessor nima = new NimaPreprocessor(Normalization.ORIGINAL);
                    PicturePreparer preparer = new PicturePreparer() {
                        @Override
                        public float[] prepare(Mat bgr) {
                            return nima.preprocess(bgr);
                        }

                        @Override
                        public int inputSide() {
                            return NimaPreprocessor.SIZE;
                        }
                    };
                    ImagePreparer real = new ImagePreparer(
                            preparer,
                            ImagePreparer.gateOf(budget),
                            (long) PipelineSettings.DEFAULT_MAX_MEGAPIXELS * 1_000_000);
                    return (PrepareStep<Path>) (image, notes) -> {
                        PreparedPicture input = real.prepare(image, notes);
                        prepared.put(
                                image.getFileName().toString(), input.input().clone());
                        return input;
                    };
                },
                new BatchScorer(new StubScorer(input -> input[0]), input -> {}),
                new TopPercentile(0, 0),
                new ImageCopier(out, ImageFormat.JPG),
                (written, image) -> {},
                new StageSizes(2, 1, 4, 48L << 20),
                progress,
                new Cancellation());

        ExtractionSummary summary = pipeline.run(images, in);

        assertThat(images).hasSize(7);
        assertThat(summary.filesProcessed()).isEqualTo(6);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("g-iphone.heic");
            assertThat(p.stage()).isEqualTo("read");
            assertThat(p.error()).isEqualTo("is damaged: its HEIF metadata names no primary picture");
        });
        assertThat(summary.notes())
                .containsExactly(new ExtractionProgress.FileNote("b-cut.jpg", ImagePreparer.TRUNCATED));
        assertThat(summary.describe("images"))
                .contains("g-iphone.heic (read: is damaged: its HEIF metadata names no primary picture")
                .contains("1 note: b-cut.jpg (truncated");
        // The prepared pixels: R, G, B of the first pixel, x/255.
        assertThat(rgb(prepared.get("c-deep.png"))).containsExactly(128, 0, 255);
        assertThat(rgb(prepared.get("d-alpha.png"))).containsExactly(255, 255, 255);
        assertThat(rgb(prepared.get("e-grey.jpg"))).containsExactly(77, 77, 77);
        assertThat(rgb(prepared.get("f-dot.png"))).containsExactly(30, 20, 10);
        int[] cut = rgb(prepared.get("b-cut.jpg"));
        assertThat(cut[0]).isBetween(176, 184);
        // Everything scored was kept (percentile 0); JPEGs byte for byte, PNGs re-encoded.
        assertThat(Files.readAllBytes(out.resolve("a-photo.jpg"))).isEqualTo(photo);
        assertThat(Files.readAllBytes(out.resolve("b-cut.jpg"))).isEqualTo(files.get("b-cut.jpg"));
        assertThat(Files.exists(out.resolve("c-deep.jpg"))).isTrue();
        assertThat(budget.available()).isEqualTo(budget.total());
    }

    private static int[] rgb(float[] input) {
        return new int[] {Math.round(input[0] * 255), Math.round(input[1] * 255), Math.round(input[2] * 255)};
    }

    /** The start of an iPhone HEIC file, and nothing more: its ftyp box, then an empty meta box. */
    private static byte[] heicHeader() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(40);
        b.putInt(24).put("ftypheic".getBytes()).putInt(0).put("mif1heic".getBytes());
        b.putInt(16).put("meta".getBytes()).putLong(0);
        return b.array();
    }
}
