package com.perfectframe.testing;

import com.perfectframe.score.nima.convert.SyntheticWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One models folder with synthetic NIMA weights (seed 42, ~220 MB, ~10 s to write) shared by every test of this JVM,
 * so the SavedModel conversion cached in it is done once. Deleted when the JVM exits. Scores from it are meaningless.
 */
public final class SyntheticModel {

    public static final long SEED = 42;
    private static Path modelsDir;

    private SyntheticModel() {}

    /** A models folder holding {@code weights.h5} (synthetic). */
    public static synchronized Path modelsDir() {
        if (modelsDir == null) {
            try {
                Path dir = Files.createTempDirectory("nima-models");
                SyntheticWeights.write(dir.resolve("weights.h5"), SEED);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                modelsDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return modelsDir;
    }

    public static Path weightsFile() {
        return modelsDir().resolve("weights.h5");
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temporary test data.
        }
    }
}
