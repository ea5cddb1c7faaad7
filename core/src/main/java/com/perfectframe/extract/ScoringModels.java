package com.perfectframe.extract;

import com.perfectframe.extract.pipeline.Cancellation;
import com.perfectframe.extract.pipeline.CancelledException;
import com.perfectframe.score.ModelException;
import com.perfectframe.score.ModelIdentity;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every scoring job does with the model before it starts: get it, and say so when its scores mean nothing. */
final class ScoringModels {

    private static final Logger log = LoggerFactory.getLogger(ScoringModels.class);

    private ScoringModels() {}

    /**
     * The model, loaded if needed; a model that cannot be loaded is the job's error, in the user's words, unless the
     * job was cancelled meanwhile (a download is interrupted by a cancellation).
     */
    static ScoringModel get(ScoringModelProvider models, Cancellation cancellation)
            throws ExtractionException, CancelledException {
        ScoringModel model;
        try {
            model = models.get();
        } catch (ModelException e) {
            cancellation.throwIfCancelled();
            throw new ExtractionException(e.getMessage(), e);
        }
        cancellation.throwIfCancelled();
        ModelIdentity identity = model.scorer().identity();
        if (identity.synthetic()) {
            log.warn("Scoring with SYNTHETIC weights: the scores are meaningless and the pictures kept are "
                    + "arbitrary. Use the real NIMA weights for real results.");
        }
        return model;
    }
}
