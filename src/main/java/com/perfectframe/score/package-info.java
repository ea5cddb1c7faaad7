/**
 * Scoring pictures for aesthetic quality: the {@link com.perfectframe.score.FrameScorer} contract the extractors
 * depend on, the identity of the model behind the scores, and the user-facing {@link
 * com.perfectframe.score.ModelException}. The NIMA implementation lives in {@code score.nima}.
 */
package com.perfectframe.score;
