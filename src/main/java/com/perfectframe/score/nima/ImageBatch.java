package com.perfectframe.score.nima;

import java.util.List;

/**
 * A batch of preprocessed images (224×224×3 HWC floats each), the scorer's model input.
 *
 * @param images the images, in order
 */
record ImageBatch(List<float[]> images) {

    static final int SIZE = InceptionResNetV2.INPUT_SIZE;
    static final int PIXELS = SIZE * SIZE * 3;

    ImageBatch {
        images = List.copyOf(images);
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).length != PIXELS) {
                throw new IllegalArgumentException("Image " + i + " has " + images.get(i).length
                        + " values; a preprocessed NIMA image has 224*224*3 = " + PIXELS);
            }
        }
    }

    /** All images one after the other, as the N×224×224×3 input tensor wants them. */
    static float[] flatten(List<float[]> images) {
        float[] flat = new float[images.size() * PIXELS];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, flat, i * PIXELS, PIXELS);
        }
        return flat;
    }
}
