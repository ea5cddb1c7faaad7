/**
 * Scoring pictures for aesthetic quality: the {@link com.perfectframe.score.FrameScorer} contract the extractors
 * depend on, the identity of the model behind the scores, and how a model is opened ({@link
 * com.perfectframe.score.ScoringModelProvider}). The NIMA implementation lives in {@code score.nima}.
 */
package com.perfectframe.score;
