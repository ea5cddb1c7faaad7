package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.pipeline.Cancellation;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
