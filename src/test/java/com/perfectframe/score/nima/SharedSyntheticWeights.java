package com.perfectframe.score.nima;

import com.perfectframe.testing.SyntheticModel;
import java.nio.file.Path;

/** The JVM-wide synthetic weights of {@link SyntheticModel}, under the name these tests use. */
final class SharedSyntheticWeights {

    static final long SEED = SyntheticModel.SEED;

    private SharedSyntheticWeights() {}

    static Path file() {
        return SyntheticModel.weightsFile();
    }
}
