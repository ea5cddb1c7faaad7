package com.perfectframe.score.nima;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The machine's fp32 matrix-multiply throughput measured through the same TensorFlow runtime that runs NIMA: the
 * reference the benchmark's GFLOP/s are compared with.
 */
final class MatmulPeak {

    private MatmulPeak() {
    }

    /** Best GFLOP/s of an n×n by n×n MatMul over {@code runs} timed runs (after one warm-up). */
    static double measure(int n, int runs) {
        float[] values = new float[n * n];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
        try (Graph graph = new Graph(); Session session = new Session(graph);
                TFloat32 a = TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(values, true, false))) {
            Ops tf = Ops.create(graph);
            var x = tf.placeholder(TFloat32.class);
            var y = tf.placeholder(TFloat32.class);
            Operand<TFloat32> product = tf.linalg.matMul(x, y);
            // Reduce to a scalar so that copying the result out does not count.
            Operand<TFloat32> sum = tf.sum(product, tf.constant(new int[] {0, 1}));
            double best = Double.MAX_VALUE;
            for (int i = 0; i <= runs; i++) {
                long start = System.nanoTime();
                session.runner().feed(x, a).feed(y, a).fetch(sum).run().close();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (i > 0) {
                    best = Math.min(best, seconds);
                }
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
