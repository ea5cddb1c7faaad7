package com.perfectframe.bench;

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

    private MatmulPeak() {}

    /**
     * Best GFLOP/s of {@code chain} dependent n×n MatMuls in one session run (the operand is a graph
     * variable, so nothing is fed or copied out but one element), over {@code runs} timed runs after a warm-up.
     */
    static double measure(int n, int chain, int runs) {
        float[] values = new float[n * n];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextFloat() - 0.5f) / n;
        }
        try (Graph graph = new Graph();
                Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            // A variable, not a constant: TensorFlow would fold a product of constants before timing.
            Operand<TFloat32> a = tf.variable(Shape.of(n, n), TFloat32.class);
            var init = tf.placeholder(TFloat32.class);
            try (TFloat32 value = TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(values, true, false))) {
                session.runner()
                        .feed(init, value)
                        .addTarget(tf.assign(a, init))
                        .run()
                        .close();
            }
            Operand<TFloat32> product = a;
            for (int i = 0; i < chain; i++) {
                product = tf.linalg.matMul(product, a);
            }
            Operand<TFloat32> corner = tf.slice(product, tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, 1}));
            double best = Double.MAX_VALUE;
            for (int i = 0; i <= runs; i++) {
                long start = System.nanoTime();
                session.runner().fetch(corner).run().close();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (i > 0) {
                    best = Math.min(best, seconds);
                }
            }
            return 2.0 * n * n * n * chain / best / 1e9;
        }
    }
}
