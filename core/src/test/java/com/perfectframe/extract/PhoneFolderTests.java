package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.HeifFiles;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone's folder through top_images_extractor: iPhone-style HEICs (a tile grid turned by {@code irot}, a 10-bit
 * one), an AVIF and a JPEG are all scored and kept as JPEGs the right way up; a HEIC bomb and a HEIC cut short are
 * each named in one line and skipped, and the job goes on.
 */
class PhoneFolderTests {

    @TempDir
    Path root;

    private Path encode(String tool, Path png, Path out, String... options) throws Exception {
        HeifFiles.assumeTool(tool);
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(Arrays.asList(options));
        command.add(png.toString());
        if (tool.equals("heif-enc")) {
            command.add("-o");
        }
        command.add(out.toString());
        HeifFiles.run(command.toArray(new String[0]));
        return out;
    }

    private Path png(String name, int seed, int width, int height) throws Exception {
        Path jpeg = TestImages.write(root.resolve(name + ".jpg"), seed);
        BufferedImage picture = ImageIO.read(jpeg.toFile());
        BufferedImage sized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        sized.getGraphics().drawImage(picture, 0, 0, width, height, null);
        Path png = root.resolve(name + ".png");
        ImageIO.write(sized, "png", png.toFile());
        return png;
    }

    @Test
    void heicAndAvifPhotosAreScoredAndKeptUprightAndBadOnesAreNamed() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        Path work = Files.createDirectory(root.resolve("work"));
        List<HeifFiles.Coded> tiles = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Path tile = encode("heif-enc", png("tile" + t, t + 1, 256, 192), work.resolve("tile" + t + ".heic"));
            tiles.add(HeifFiles.primary(Files.readAllBytes(tile)));
        }
        // 2×2 tiles of 256×192 cut to 500×380, shown turned a quarter clockwise (irot 3): a 380×500 portrait.
        Files.write(input.resolve("IMG_0001.HEIC"), HeifFiles.grid("heic", tiles, 2, 2, 500, 380, HeifFiles.irot(3)));
        encode("heif-enc", png("deep", 7, 320, 240), input.resolve("IMG_0002.heic"), "-q", "80");
        encode("avifenc", png("avif", 8, 300, 200), input.resolve("PXL_0003.avif"), "-s", "8");
        byte[] small = Files.readAllBytes(encode("heif-enc", png("small", 9, 128, 96), work.resolve("small.heic")));
        Files.write(
                input.resolve("bomb.heic"),
                HeifFiles.single("heic", HeifFiles.primary(small).withSize(100_000, 100_000), null));
        Files.write(input.resolve("cut.heic"), Arrays.copyOf(small, small.length / 2));
        TestImages.write(input.resolve("camera.jpg"), 5);
        Path output = root.resolve("out");

        StubScoringModel model = new StubScoringModel();
        ExtractionSummary summary = new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output)
                                .topImagesPercent(0.0)
                                .build(),
                        new ExtractionProgress(),
                        new Cancellation());

        assertThat(summary.filesProcessed()).isEqualTo(4);
        Map<String, String> errors = summary.problems().stream()
                .collect(Collectors.toMap(ExtractionProgress.FileProblem::file, ExtractionProgress.FileProblem::error));
        assertThat(errors).containsOnlyKeys("bomb.heic", "cut.heic");
        assertThat(errors.get("bomb.heic")).startsWith("would decode to 10000 megapixels");
        assertThat(errors.get("cut.heic")).startsWith("is cut short");
        assertThat(errors.values()).allSatisfy(e -> assertThat(e).doesNotContain("\n"));
        BufferedImage grid = ImageIO.read(output.resolve("IMG_0001.jpg").toFile());
        assertThat(grid.getWidth()).isEqualTo(380);
        assertThat(grid.getHeight()).isEqualTo(500);
        assertThat(ImageIO.read(output.resolve("IMG_0002.jpg").toFile()).getWidth())
                .isEqualTo(320);
        assertThat(ImageIO.read(output.resolve("PXL_0003.jpg").toFile()).getHeight())
                .isEqualTo(200);
        assertThat(output.resolve("camera.jpg")).exists();
    }
}
