package com.perfectframe.score.nima;

import java.util.List;

/**
 * A batch of preprocessed images (224×224×3 HWC floats each), the scorer's model input.
 *
 * @param images the images, in order
 */
record ImageBatch(List<float[]> images) {

    static final int SIZE = NimaPreprocessor.SIZE;
    static final int PIXELS = NimaPreprocessor.LENGTH;

    ImageBatch {
        images = List.copyOf(images);
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).length != PIXELS) {
                throw new IllegalArgumentException("Image " + i + " has " + images.get(i).length
                        + " values; a preprocessed NIMA image has 224*224*3 = " + PIXELS);
            }
        }
    }
}
