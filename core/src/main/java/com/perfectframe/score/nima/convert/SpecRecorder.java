package com.perfectframe.score.nima.convert;

import java.util.ArrayList;
import java.util.List;

/** Interprets the network on shapes only, recording every weight-carrying layer and counting multiply-adds. */
final class SpecRecorder implements NetworkOps<SpecRecorder.Dims> {

    /** Height, width and channels of one image's activations. */
    record Dims(int h, int w, int c) {}

    private final List<LayerSpec> layers = new ArrayList<>();
    private long multiplyAdds;

    List<LayerSpec> layers() {
        return layers;
    }

    long multiplyAdds() {
        return multiplyAdds;
    }

    @Override
    public Dims conv(Dims x, String name, int filters, int kh, int kw, int stride, String padding, boolean bias) {
        layers.add(LayerSpec.conv(name, kh, kw, x.c(), filters, bias));
        Dims out = new Dims(outSize(x.h(), kh, stride, padding), outSize(x.w(), kw, stride, padding), filters);
        multiplyAdds += (long) out.h() * out.w() * filters * kh * kw * x.c();
        return out;
    }

    @Override
    public Dims batchNorm(Dims x, String name) {
        layers.add(LayerSpec.batchNorm(name, x.c()));
        return x;
    }

    @Override
    public Dims relu(Dims x) {
        return x;
    }

    @Override
    public Dims maxPool(Dims x, int size, int stride, String padding) {
        return pool(x, size, stride, padding);
    }

    @Override
    public Dims avgPool(Dims x, int size, int stride, String padding) {
        return pool(x, size, stride, padding);
    }

    private static Dims pool(Dims x, int size, int stride, String padding) {
        return new Dims(outSize(x.h(), size, stride, padding), outSize(x.w(), size, stride, padding), x.c());
    }

    @Override
    public Dims concat(List<Dims> branches) {
        Dims first = branches.get(0);
        int channels = 0;
        for (Dims b : branches) {
            if (b.h() != first.h() || b.w() != first.w()) {
                throw new IllegalStateException("Concatenating mismatched branches " + branches);
            }
            channels += b.c();
        }
        return new Dims(first.h(), first.w(), channels);
    }

    @Override
    public Dims scaledResidual(Dims x, Dims up, float scale) {
        if (!x.equals(up)) {
            throw new IllegalStateException("Residual shapes differ: " + x + " vs " + up);
        }
        return x;
    }

    @Override
    public Dims globalAveragePool(Dims x) {
        return new Dims(1, 1, x.c());
    }

    @Override
    public Dims denseSoftmax(Dims x, String name, int units) {
        layers.add(LayerSpec.dense(name, x.c(), units));
        multiplyAdds += (long) x.c() * units;
        return new Dims(1, 1, units);
    }

    private static int outSize(int in, int kernel, int stride, String padding) {
        return "SAME".equals(padding) ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
    }
}
