/**
 * Aesthetic scoring behind the {@link com.perfectframe.score.FrameScorer} interface; {@code score.nima} holds the
 * NIMA model (InceptionResNetV2 on TensorFlow through DJL).
 */
package com.perfectframe.score;
