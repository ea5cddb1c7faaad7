package com.perfectframe.score;

/**
 * Gives a job the scoring model when it first needs it, so that jobs without scoring (frames extraction) never
 * load TensorFlow. The model belongs to the source (usually the {@link ProcessModel}): callers use it and never
 * close it.
 */
@FunctionalInterface
public interface ModelSource {

    /**
     * The model, loaded if this is the first call.
     *
     * @throws ModelException with a message telling the user what to do (e.g. where to put the weights)
     */
    ScoringModel get();
}
