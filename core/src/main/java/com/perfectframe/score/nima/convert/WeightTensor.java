package com.perfectframe.score.nima.convert;

import java.util.Arrays;

/**
 * One weight array of a Keras layer, row-major as Keras stores it (conv kernels are H×W×in×out).
 *
 * @param shape dimensions
 * @param values flat values
 */
record WeightTensor(int[] shape, float[] values) {

    WeightTensor {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(
                    "Shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        }
    }

    long[] longShape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }
}
