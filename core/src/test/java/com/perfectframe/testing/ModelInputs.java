package com.perfectframe.testing;

import com.perfectframe.score.nima.NimaPreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Preprocessed-looking images in [-1, 1] with some structure, so that different images get different scores. */
public final class ModelInputs {

    private ModelInputs() {}

    public static List<float[]> random(int count, long seed) {
        Random random = new Random(seed);
        List<float[]> images = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            float[] img = new float[NimaPreprocessor.LENGTH];
            double fx = random.nextDouble() * 0.2;
            double fy = random.nextDouble() * 0.2;
            double[] tint = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    for (int c = 0; c < 3; c++) {
                        double v = Math.sin(x * fx + c) * Math.cos(y * fy) * tint[c] + 0.2 * random.nextGaussian();
                        img[(y * 224 + x) * 3 + c] = (float) Math.max(-1, Math.min(1, v));
                    }
                }
            }
            images.add(img);
        }
        return images;
    }
}
