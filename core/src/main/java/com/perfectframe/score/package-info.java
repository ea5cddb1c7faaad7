/**
 * Scoring pictures for aesthetic quality: the contracts the extractors depend on ({@link
 * com.perfectframe.score.ScoringModel}: a {@link com.perfectframe.score.PicturePreparer} per preparing thread and
 * one {@link com.perfectframe.score.FrameScorer} used by one scoring thread), the identity of the model behind the
 * scores, and the process-wide {@link com.perfectframe.score.ProcessModel}. NIMA lives in {@code score.nima},
 * its Keras-to-SavedModel converter in {@code score.nima.convert}.
 */
package com.perfectframe.score;
