package com.perfectframe.score.nima;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One synthetic NIMA weights file (seed 42, ~220 MB, ~10 s to write) shared by the test classes of this JVM, deleted
 * when the JVM exits.
 */
final class SharedSyntheticWeights {

    static final long SEED = 42;
    private static Path file;

    private SharedSyntheticWeights() {
    }

    static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("nima-weights");
                Path f = dir.resolve("weights.h5");
                SyntheticWeights.write(f, SEED);
                f.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
