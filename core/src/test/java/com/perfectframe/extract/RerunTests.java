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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a job again into the same output folder adds nothing twice; an output folder inside the input is refused. */
class RerunTests {

    @TempDir
    Path root;

    private ExtractionSummary topImages(Path input, Path output) throws Exception {
        ExtractionRequest request =
                ExtractionRequest.builder(input, output).topImagesPercent(0.0).build();
        StubScoringModel model = new StubScoringModel();
        return new TopImagesExtractor(() -> model, PipelineSettings.defaults())
                .run(request, new ExtractionProgress(), new Cancellation());
    }

    @Test
    void aRerunOfTopImagesIntoTheSameFolderWritesNoCopiesAndListsNothingTwice() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        Path output = root.resolve("out");
        for (int i = 0; i < 4; i++) {
            TestImages.write(input.resolve("photo" + i + ".jpg"), i);
        }
        assertThat(topImages(input, output).written()).isEqualTo(4);
        List<String> manifest = Files.readAllLines(output.resolve(Manifest.FILE_NAME));

        ExtractionSummary again = topImages(input, output);

        assertThat(again.written()).isZero();
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(
                            OutputFolder.LOCK_FILE,
                            "manifest.csv",
                            "photo0.jpg",
                            "photo1.jpg",
                            "photo2.jpg",
                            "photo3.jpg");
        }
        assertThat(Files.readAllLines(output.resolve(Manifest.FILE_NAME))).isEqualTo(manifest);
    }

    @Test
    void aSecondJobOnAnOutputFolderInUseIsToldWhoHoldsItAndStaleTemporaryFilesGoAtTheNextStart() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        Path output = Files.createDirectory(root.resolve("out"));
        TestImages.write(input.resolve("photo.jpg"), 1);
        Path stale = Files.writeString(output.resolve(".0b7e-crashed.part"), "half a picture");
        try (OutputFolder.Lock held = OutputFolder.lock(output, video -> true)) {
            assertThat(stale).as("removed by the owner at its start").doesNotExist();
            Files.writeString(output.resolve(".in-flight.part"), "being written");
            assertThatThrownBy(() -> topImages(input, output))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessageContaining(
                            "is in use by PID " + ProcessHandle.current().pid())
                    .hasMessageContaining("wait for that job to end");
            assertThat(output.resolve(".in-flight.part"))
                    .as("the owner's files are left alone")
                    .exists();
        }
        // Released (as the system releases it when a process dies): the next job takes the folder.
        assertThat(topImages(input, output).written()).isEqualTo(1);
    }

    @Test
    void anOutputFolderThatIsTheInputOrInsideItIsRefused() throws Exception {
        Path input = Files.createDirectory(root.resolve("in"));
        TestImages.write(input.resolve("photo.jpg"), 1);
        assertThatThrownBy(() -> topImages(input, input))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("is the input folder")
                .hasMessageContaining("choose another output folder");
        assertThatThrownBy(() -> topImages(input, input.resolve("best")))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("is the input folder");
        assertThat(input.resolve("best")).doesNotExist();
        // Through a symbolic link too.
        Path link = Files.createSymbolicLink(root.resolve("link"), input);
        assertThatThrownBy(() -> topImages(input, link.resolve("best")))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("is the input folder");
    }
}
