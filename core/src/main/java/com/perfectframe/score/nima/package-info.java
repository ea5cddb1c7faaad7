/**
 * NIMA (InceptionResNetV2 + Dense(10) softmax) at run time: the preprocessing its weights were trained with
 * ({@link com.perfectframe.score.nima.NimaPreprocessor}), and the scorer that runs the converted SavedModel on
 * TensorFlow through DJL with one predictor ({@link com.perfectframe.score.nima.NimaScoringModel}). Getting there
 * from the Keras weights (download, conversion, TensorFlow's native library) is {@code score.nima.convert}.
 */
package com.perfectframe.score.nima;
