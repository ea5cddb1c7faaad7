package com.perfectframe.score.nima.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reproduces the order of {@code model.layers} of a Keras 3 functional model (its {@code map_graph}: layers by
 * decreasing depth from the output, ties broken by depth-first discovery from the output), because Keras 3's
 * {@code .weights.h5} names every layer after its class and that order ({@code conv2d}, {@code conv2d_1}, …).
 */
final class KerasFunctionalOrder implements NetworkOps<KerasFunctionalOrder.Node> {

    /** One Keras layer call; {@code layer} is set for the layers that carry weights. */
    static final class Node {
        private final String layer;
        private final List<Node> parents;

        Node(String layer, List<Node> parents) {
            this.layer = layer;
            this.parents = parents;
        }
    }

    /** Names of the weight-carrying layers in Keras 3 {@code model.layers} order. */
    static List<String> weightedLayers() {
        KerasFunctionalOrder recorder = new KerasFunctionalOrder();
        Node output = InceptionResNetV2.build(recorder, new Node(null, List.of()));
        return order(output);
    }

    private static List<String> order(Node output) {
        Map<Node, Integer> discovery = new HashMap<>();
        List<Node> decreasingDepth = new ArrayList<>();
        visit(output, new HashSet<>(), discovery, decreasingDepth);
        Map<Node, Integer> depth = new HashMap<>();
        for (int i = decreasingDepth.size() - 1; i >= 0; i--) {
            Node node = decreasingDepth.get(i);
            int d = depth.computeIfAbsent(node, n -> 0);
            for (Node parent : node.parents) {
                depth.merge(parent, d + 1, Math::max);
            }
        }
        List<Node> nodes = new ArrayList<>(depth.keySet());
        nodes.sort(Comparator.<Node>comparingInt(depth::get).reversed().thenComparingInt(discovery::get));
        return nodes.stream().filter(n -> n.layer != null).map(n -> n.layer).toList();
    }

    private static void visit(Node node, Set<Node> finished, Map<Node, Integer> discovery, List<Node> out) {
        if (finished.contains(node)) {
            return;
        }
        discovery.putIfAbsent(node, discovery.size());
        for (Node parent : node.parents) {
            visit(parent, finished, discovery, out);
        }
        finished.add(node);
        out.add(node);
    }

    @Override
    public Node conv(Node x, String name, int filters, int kh, int kw, int stride, String padding, boolean bias) {
        return new Node(name, List.of(x));
    }

    @Override
    public Node batchNorm(Node x, String name) {
        return new Node(name, List.of(x));
    }

    @Override
    public Node relu(Node x) {
        return new Node(null, List.of(x));
    }

    @Override
    public Node maxPool(Node x, int size, int stride, String padding) {
        return new Node(null, List.of(x));
    }

    @Override
    public Node avgPool(Node x, int size, int stride, String padding) {
        return new Node(null, List.of(x));
    }

    @Override
    public Node concat(List<Node> branches) {
        return new Node(null, List.copyOf(branches));
    }

    @Override
    public Node scaledResidual(Node x, Node up, float scale) {
        return new Node(null, List.of(x, up));
    }

    @Override
    public Node globalAveragePool(Node x) {
        return new Node(null, List.of(x));
    }

    @Override
    public Node denseSoftmax(Node x, String name, int units) {
        Node dropout = new Node(null, List.of(x));
        return new Node(name, List.of(dropout));
    }
}
