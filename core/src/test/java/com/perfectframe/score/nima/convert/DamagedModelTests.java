package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.NimaScorerFactory;
import com.perfectframe.testing.ModelInputs;
import com.perfectframe.testing.SyntheticModel;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A converted model damaged after its conversion (a truncated variables file, as a full disk or a killed copy leaves
 * it) is found before TensorFlow reads it, converted again from the trusted weights with a warning naming what was
 * wrong, and then scores as the intact one did.
 */
class DamagedModelTests {

    @TempDir
    Path modelsDir;

    private NimaOptions options() {
        return NimaOptions.defaults()
                .withModelsDir(modelsDir)
                .withWeightsFile(SyntheticModel.weightsFile())
                .withForceCpu(true);
    }

    private float[] scores() {
        try (FrameScorer scorer = NimaScorerFactory.open(options())) {
            return scorer.score(ModelInputs.random(2, 7));
        }
    }

    private Path convertedModel() throws Exception {
        try (Stream<Path> dirs = Files.list(modelsDir.resolve("savedmodel"))) {
            return dirs.filter(d -> !d.getFileName().toString().startsWith("."))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aTruncatedVariablesFileIsConvertedAgainAndSaidSo() throws Exception {
        float[] intact = scores();
        Path model = convertedModel();
        assertThat(model.resolve(ModelChecksums.FILE_NAME)).isRegularFile();
        Path variables = model.resolve("variables/variables.data-00000-of-00001");
        try (RandomAccessFile file = new RandomAccessFile(variables.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SavedModelCache.class);
        logger.addAppender(log);
        float[] repaired;
        try {
            repaired = scores();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(repaired).containsExactly(intact);
        assertThat(log.list)
                .map(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains(model.toString())
                        && m.contains("variables/variables.data-00000-of-00001 is not as it was written")
                        && m.contains("Converting it again"));
        assertThat(ModelChecksums.problem(model)).isNull();
    }
}
