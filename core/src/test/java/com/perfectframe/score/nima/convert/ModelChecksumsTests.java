package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a converted model's files can be damaged is found and named, on a real folder. */
class ModelChecksumsTests {

    @TempDir
    Path model;

    @BeforeEach
    void aModel() throws Exception {
        Files.write(model.resolve("saved_model.pb"), new byte[4096]);
        Files.createDirectories(model.resolve("variables"));
        Files.write(model.resolve("variables/variables.data-00000-of-00001"), new byte[100_000]);
        Files.write(model.resolve("variables/variables.index"), new byte[] {1, 2, 3});
        Files.writeString(model.resolve(ConvertedModel.METADATA), "synthetic=true\n");
        ModelChecksums.write(model);
    }

    @Test
    void anIntactModelHasNoProblemAndTheListIsSha256sumFormat() throws Exception {
        assertThat(ModelChecksums.problem(model)).isNull();
        assertThat(Files.readAllLines(model.resolve(ModelChecksums.FILE_NAME)))
                .hasSize(4)
                .allMatch(l -> l.matches("[0-9a-f]{64}  [^ ].*"))
                .anyMatch(l -> l.endsWith("  variables/variables.index"));
    }

    @Test
    void aTruncatedFileIsNamed() throws Exception {
        try (RandomAccessFile file =
                new RandomAccessFile(model.resolve("saved_model.pb").toFile(), "rw")) {
            file.setLength(1000);
        }
        assertThat(ModelChecksums.problem(model)).startsWith("saved_model.pb is not as it was written (1000 bytes");
    }

    @Test
    void aFlippedBitIsFound() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(
                model.resolve("variables/variables.data-00000-of-00001").toFile(), "rw")) {
            file.seek(50_000);
            file.write(1);
        }
        assertThat(ModelChecksums.problem(model)).startsWith("variables/variables.data-00000-of-00001 is not as");
    }

    @Test
    void aDeletedFolderOrListIsNamed() throws Exception {
        Files.delete(model.resolve("variables/variables.data-00000-of-00001"));
        Files.delete(model.resolve("variables/variables.index"));
        Files.delete(model.resolve("variables"));
        assertThat(ModelChecksums.problem(model)).endsWith(" is missing").startsWith("variables/");
        Files.delete(model.resolve(ModelChecksums.FILE_NAME));
        assertThat(ModelChecksums.problem(model)).contains("no " + ModelChecksums.FILE_NAME);
    }

    @Test
    void aListPointingOutsideTheModelIsDamage() throws Exception {
        Files.writeString(model.resolve(ModelChecksums.FILE_NAME), "0".repeat(64) + "  ../../etc/passwd\n");
        assertThat(ModelChecksums.problem(model)).isEqualTo("../../etc/passwd is missing");
        Files.writeString(model.resolve(ModelChecksums.FILE_NAME), "garbage\n");
        assertThat(ModelChecksums.problem(model)).contains("damaged");
    }
}
