package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.output.Manifest;
import com.perfectframe.extract.output.OutputFolder;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionProgress;
import com.perfectframe.extract.run.ExtractionSummary;
import com.perfectframe.testing.StubScoringModel;
import com.perfectframe.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links in input and output folders: a confined job (the service's) neither reads a file that a link
 * takes outside its folders nor writes through a link; the command line (not confined) follows input links.
 */
class SymbolicLinkTests {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private Path input;
    private Path output;
    private byte[] secret;

    @BeforeEach
    void folders() throws IOException {
        input = Files.createDirectory(root.resolve("in"));
        output = root.resolve("out");
        TestImages.write(input.resolve("fine.jpg"), 3);
        secret = Files.readAllBytes(TestImages.write(elsewhere.resolve("secret.jpg"), 7));
    }

    private ExtractionSummary topImages(Confinement confinement, ExtractionProgress progress) throws Exception {
        StubScoringModel model = new StubScoringModel();
        return new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(
                        ExtractionRequest.builder(input, output)
                                .topImagesPercent(0.0)
                                .confinement(confinement)
                                .build(),
                        progress,
                        new Cancellation());
    }

    private List<byte[]> outputPictures() throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.toString().endsWith(".jpg"))
                    .map(f -> {
                        try {
                            return Files.readAllBytes(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    @Test
    void aConfinedJobSkipsAnImageLinkingOutsideItsFoldersWithoutReadingIt() throws Exception {
        Files.createSymbolicLink(input.resolve("outside.jpg"), elsewhere.resolve("secret.jpg"));
        ExtractionProgress progress = new ExtractionProgress();

        ExtractionSummary summary = topImages(new Confinement(List.of(root)), progress);

        assertThat(summary.filesProcessed()).isEqualTo(1);
        assertThat(summary.notes())
                .containsExactly(new ExtractionProgress.FileNote("outside.jpg", Confinement.OUTSIDE_NOTE));
        assertThat(summary.describe("images"))
                .contains("outside.jpg (symbolic link to a file outside the allowed folders");
        assertThat(Files.readString(output.resolve(Manifest.FILE_NAME)))
                .contains("fine.jpg")
                .doesNotContain("outside")
                .doesNotContain("secret");
        assertThat(outputPictures()).hasSize(1).noneMatch(bytes -> Arrays.equals(bytes, secret));
    }

    @Test
    void aLinkInsideTheAllowedFoldersIsFollowed() throws Exception {
        Path other = Files.createDirectory(root.resolve("other"));
        byte[] inside = Files.readAllBytes(TestImages.write(other.resolve("kept.jpg"), 5));
        Files.createSymbolicLink(input.resolve("linked.jpg"), other.resolve("kept.jpg"));

        ExtractionSummary summary = topImages(new Confinement(List.of(root)), new ExtractionProgress());

        assertThat(summary.notes()).isEmpty();
        assertThat(output.resolve("linked.jpg")).hasBinaryContent(inside);
    }

    @Test
    void aConfinedFolderWhoseOnlyImageLinksOutsideSaysSo() throws Exception {
        Files.delete(input.resolve("fine.jpg"));
        Files.createSymbolicLink(input.resolve("outside.jpg"), elsewhere.resolve("secret.jpg"));

        assertThatThrownBy(() -> topImages(new Confinement(List.of(root)), new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("No images in")
                .hasMessageContaining("1 symbolic links to files outside the allowed folders were skipped");
    }

    @Test
    void theCommandLineFollowsItsUsersLinks() throws Exception {
        Files.createSymbolicLink(input.resolve("outside.jpg"), elsewhere.resolve("secret.jpg"));

        ExtractionSummary summary = topImages(Confinement.NONE, new ExtractionProgress());

        assertThat(summary.notes()).isEmpty();
        assertThat(output.resolve("outside.jpg")).hasBinaryContent(secret);
    }

    @Test
    void aPictureNameTakenByALinkIsNeverWrittenThrough() throws Exception {
        Files.createDirectory(output);
        Path victim = Files.writeString(elsewhere.resolve("victim.jpg"), "not to be replaced");
        Files.createSymbolicLink(output.resolve("fine.jpg"), victim);

        topImages(Confinement.NONE, new ExtractionProgress());

        assertThat(victim).hasContent("not to be replaced");
        assertThat(output.resolve("fine_1.jpg")).hasBinaryContent(Files.readAllBytes(input.resolve("fine.jpg")));
    }

    @Test
    void aManifestThatIsALinkIsRefusedNotWrittenThrough() throws Exception {
        Files.createDirectory(output);
        Path victim = Files.writeString(elsewhere.resolve("victim.csv"), "not to be appended to\n");
        Files.createSymbolicLink(output.resolve(Manifest.FILE_NAME), victim);

        assertThatThrownBy(() -> topImages(new Confinement(List.of(root)), new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("manifest.csv")
                .hasMessageContaining("is a symbolic link; PerfectFrame never writes through one");
        assertThat(victim).hasContent("not to be appended to");
    }

    @Test
    void aLockFileThatIsALinkIsRefusedNotTruncated() throws Exception {
        Files.createDirectory(output);
        Path victim = Files.writeString(elsewhere.resolve("victim.txt"), "not to be truncated");
        Files.createSymbolicLink(output.resolve(OutputFolder.LOCK_FILE), victim);

        assertThatThrownBy(() -> topImages(Confinement.NONE, new ExtractionProgress()))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining(OutputFolder.LOCK_FILE)
                .hasMessageContaining("is a symbolic link");
        assertThat(victim).hasContent("not to be truncated");
    }
}
