package com.perfectframe.score.nima.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * NIMA freshly built in a TensorFlow graph and session: what is exported as a SavedModel, and the reference the
 * exported model is checked against.
 */
final class NimaSession implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final NimaGraphBuilder.Endpoints endpoints;

    private NimaSession(Graph graph, Session session, NimaGraphBuilder.Endpoints endpoints) {
        this.graph = graph;
        this.session = session;
        this.endpoints = endpoints;
    }

    /** Builds the graph from {@code weights}; the native library must be loaded already. */
    static NimaSession build(KerasWeights weights, boolean fuseBatchNorm) {
        return build(weights, fuseBatchNorm, ConfigProto.getDefaultInstance());
    }

    static NimaSession build(KerasWeights weights, boolean fuseBatchNorm, ConfigProto config) {
        Graph graph = new Graph();
        try {
            NimaGraphBuilder.Endpoints endpoints = NimaGraphBuilder.build(Ops.create(graph), weights, fuseBatchNorm);
            Session session = new Session(graph, config);
            try {
                assignWeights(session, endpoints.initializers());
                endpoints.initializers().clear();
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
            return new NimaSession(graph, session, endpoints);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** Fills every weight variable in one session run (one run per variable would prune the graph 650 times). */
    private static void assignWeights(Session session, List<NimaGraphBuilder.WeightInit> initializers) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (NimaGraphBuilder.WeightInit init : initializers) {
                TFloat32 value = TFloat32.tensorOf(init.shape(), DataBuffers.of(init.values(), true, false));
                tensors.add(value);
                runner.feed(init.placeholder(), value).addTarget(init.assign());
            }
            runner.run().close();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    long flopsPerImage() {
        return endpoints.flopsPerImage();
    }

    /** Scores preprocessed 224×224×3 images. */
    float[] score(List<float[]> images) {
        float[] flat = flatten(images);
        try (TFloat32 input =
                        TFloat32.tensorOf(Shape.of(images.size(), 224, 224, 3), DataBuffers.of(flat, true, false));
                Result result = session.runner()
                        .feed(endpoints.input(), input)
                        .fetch(endpoints.scores())
                        .run()) {
            TFloat32 scores = (TFloat32) result.get(0);
            float[] out = new float[images.size()];
            scores.read(DataBuffers.of(out, false, false));
            return out;
        }
    }

    /** NIMA's 10-bucket distributions, one row per image. */
    float[][] probabilities(List<float[]> images) {
        float[] flat = flatten(images);
        try (TFloat32 input =
                        TFloat32.tensorOf(Shape.of(images.size(), 224, 224, 3), DataBuffers.of(flat, true, false));
                Result result = session.runner()
                        .feed(endpoints.input(), input)
                        .fetch(endpoints.probabilities())
                        .run()) {
            TFloat32 probabilities = (TFloat32) result.get(0);
            float[][] out = new float[images.size()][InceptionResNetV2.BUCKETS];
            for (int i = 0; i < out.length; i++) {
                probabilities.get(i).read(DataBuffers.of(out[i], false, false));
            }
            return out;
        }
    }

    private static float[] flatten(List<float[]> images) {
        int pixels = InceptionResNetV2.INPUT_SIZE * InceptionResNetV2.INPUT_SIZE * 3;
        float[] flat = new float[images.size() * pixels];
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).length != pixels) {
                throw new IllegalArgumentException("Image " + i + " has " + images.get(i).length
                        + " values; a preprocessed NIMA image has 224*224*3 = " + pixels);
            }
            System.arraycopy(images.get(i), 0, flat, i * pixels, pixels);
        }
        return flat;
    }

    /** Exports the graph as a SavedModel into {@code dir} (which must not hold one yet). */
    void export(Path dir) {
        Signature signature = Signature.builder()
                .key(Signature.DEFAULT_KEY)
                .input(NimaGraphBuilder.INPUT, endpoints.input())
                .output(NimaGraphBuilder.SCORES, endpoints.scores())
                .output(NimaGraphBuilder.PROBABILITIES, endpoints.probabilities())
                .build();
        try {
            SavedModelBundle.exporter(dir.toString())
                    .withSession(session)
                    .withSignature(signature)
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (graph) {
            session.close();
        }
    }
}
