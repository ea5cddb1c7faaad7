/**
 * From the original tool's Keras weights to a TensorFlow SavedModel, once per weights file: the network defined
 * once ({@code InceptionResNetV2}) and walked either to list the Keras layers and shapes or to build a TensorFlow
 * graph; the Keras HDF5 weights reader and the synthetic-weights writer; the SavedModel export and its cache keyed
 * by the weights' SHA-256; the weights download; and the bootstrap of TensorFlow's native library. Nothing here
 * runs while a job scores pictures.
 */
package com.perfectframe.score.nima.convert;
