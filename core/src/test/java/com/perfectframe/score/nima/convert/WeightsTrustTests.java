package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.score.ModelException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weights file that changes after its first use is reported, naming it and both hashes, until accepted. */
class WeightsTrustTests {

    /** Synthetic NIMA weights (~220 MB), written once for the class. */
    @TempDir
    static Path shared;

    private static Path original;

    @TempDir
    Path models;

    private Path weights;

    @BeforeAll
    static void synthesize() {
        original = shared.resolve("original.h5");
        SyntheticWeights.write(original, 3);
    }

    @BeforeEach
    void copy() throws IOException {
        weights = Files.copy(original, models.resolve("weights.h5"));
    }

    /** Flips one bit in the middle of the file: in the weights' data, so the file still reads as weights. */
    private static void flipOneBit(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long middle = f.length() / 2;
            f.seek(middle);
            int b = f.read();
            f.seek(middle);
            f.write(b ^ 0x01);
        }
    }

    @Test
    void aBitFlipAfterFirstUseIsReportedNamingTheFileAndBothHashes() throws Exception {
        String first = Sha256.of(weights);
        WeightsTrust.check(models, weights, first);
        assertThat(models.resolve(WeightsTrust.FILE_NAME)).hasContent(first + "  weights.h5");

        flipOneBit(weights);
        String flipped = Sha256.of(weights);

        assertThat(flipped).isNotEqualTo(first);
        assertThatThrownBy(() -> WeightsTrust.check(models, weights, flipped))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(
                        "Weights file " + weights.toAbsolutePath() + " has changed since it was first used")
                .hasMessageContaining("SHA-256 is now " + flipped)
                .hasMessageContaining("but " + first + " was recorded in")
                .hasMessageContaining("model trust --weights " + weights);
        assertThat(models.resolve(WeightsTrust.FILE_NAME))
                .as("the record is not changed by the failed check")
                .hasContent(first + "  weights.h5");
    }

    @Test
    void theChangedWeightsAreAcceptedAgainOnceTheRecordIsDeleted() throws Exception {
        WeightsTrust.check(models, weights, Sha256.of(weights));
        flipOneBit(weights);
        String flipped = Sha256.of(weights);
        Files.delete(models.resolve(WeightsTrust.FILE_NAME));

        WeightsTrust.check(models, weights, flipped);

        assertThat(models.resolve(WeightsTrust.FILE_NAME)).hasContent(flipped + "  weights.h5");
    }

    @Test
    void modelTrustAcceptsTheChangedWeightsOnPurpose() throws Exception {
        String first = Sha256.of(weights);
        WeightsTrust.check(models, weights, first);
        flipOneBit(weights);

        WeightsTrust.Trusted trusted = WeightsTrust.trust(models, weights);

        assertThat(trusted.before()).isEqualTo(first);
        assertThat(trusted.sha256()).isEqualTo(Sha256.of(weights)).isNotEqualTo(first);
        WeightsTrust.check(models, weights, trusted.sha256());
    }

    @Test
    void weightsOutsideTheModelsFolderAreRecordedByTheirFullPath() throws Exception {
        Path elsewhere = Files.copy(original, shared.resolve("elsewhere-" + System.nanoTime() + ".h5"));
        String sha = Sha256.of(elsewhere);
        WeightsTrust.check(models, weights, sha);
        WeightsTrust.check(models, elsewhere, sha);

        assertThat(Files.readAllLines(models.resolve(WeightsTrust.FILE_NAME)))
                .containsExactly(sha + "  weights.h5", sha + "  " + elsewhere.toAbsolutePath());
        Files.delete(elsewhere);
    }

    @Test
    void theConverterRefusesChangedWeightsBeforeConvertingThem() throws Exception {
        WeightsTrust.check(models, weights, Sha256.of(weights));
        flipOneBit(weights);

        assertThatThrownBy(() -> SavedModelCache.ensure(models, weights, true))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("has changed since it was first used");
        assertThat(models.resolve("savedmodel")).doesNotExist();
    }
}
