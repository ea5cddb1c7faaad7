package com.perfectframe.extract;

import com.perfectframe.extract.output.OutputFolder;
import com.perfectframe.extract.run.Cancellation;
import com.perfectframe.extract.run.CancelledException;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.score.ModelException;
import com.perfectframe.score.ModelSource;
import com.perfectframe.score.ScoringModel;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every extractor does before its pipeline runs, in one place: the output folder prepared (refused when it is
 * the input folder or inside it) and locked for the length of the job (which also settles what a killed job left
 * there), and the model fetched when the job scores. Closing it releases the lock.
 */
final class OutputJob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutputJob.class);

    private final Path output;
    private final OutputFolder.Lock lock;

    private OutputJob(Path output, OutputFolder.Lock lock) {
        this.output = output;
        this.lock = lock;
    }

    /** Prepares and locks the request's output folder. */
    static OutputJob open(ExtractionRequest request) throws ExtractionException {
        Path output = OutputFolder.prepare(request.inputDirectory(), request.outputDirectory());
        return new OutputJob(output, OutputFolder.lock(output));
    }

    Path output() {
        return output;
    }

    /**
     * The model, loaded if needed; a model that cannot be loaded is the job's error, in the user's words, unless the
     * job was cancelled meanwhile (a download is interrupted by a cancellation). Says so when its scores mean
     * nothing.
     */
    ScoringModel model(ModelSource models, Cancellation cancellation) throws ExtractionException, CancelledException {
        ScoringModel model;
        try {
            model = models.get();
        } catch (ModelException e) {
            cancellation.throwIfCancelled();
            throw new ExtractionException(e.getMessage(), e);
        }
        cancellation.throwIfCancelled();
        if (model.scorer().identity().synthetic()) {
            log.warn("Scoring with SYNTHETIC weights: the scores are meaningless and the pictures kept are "
                    + "arbitrary. Use the real NIMA weights for real results.");
        }
        return model;
    }

    @Override
    public void close() {
        lock.close();
    }
}
