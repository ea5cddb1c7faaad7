package com.perfectframe.score;

/**
 * Opens the scoring model when a job first needs it, so that jobs without scoring (frames extraction) never load
 * TensorFlow.
 */
@FunctionalInterface
public interface ScoringModelProvider {

    /**
     * Loads the model.
     *
     * @throws ModelException with a message telling the user what to do (e.g. where to put the weights)
     */
    ScoringModel open();
}
