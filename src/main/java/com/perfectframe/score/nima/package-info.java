/**
 * NIMA (InceptionResNetV2 + Dense(10) softmax) on TensorFlow through DJL: the network defined once ({@code
 * InceptionResNetV2}) and walked either to list the Keras layers and shapes or to build a TensorFlow graph; the
 * Keras HDF5 weights reader and the synthetic-weights writer; the SavedModel export and cache; the weights
 * download; the bootstrap of TensorFlow's native library; and the {@link com.perfectframe.score.FrameScorer}
 * implementation opened by {@link com.perfectframe.score.nima.NimaScorerFactory}.
 */
package com.perfectframe.score.nima;
