package com.perfectframe.score.nima;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Turns a batch of preprocessed images into the SavedModel's {@code input} tensor and its {@code scores} output
 * into plain floats, so that DJL frees each call's arrays when the call ends.
 */
final class NimaTranslator implements NoBatchifyTranslator<ImageBatch, float[]> {

    /**
     * One native input buffer per scoring thread, reused across calls: a heap array would make DJL allocate a
     * fresh direct buffer per call (9.6 MB at batch 16), freed only when the Java heap is next collected, which
     * piles up outside the heap between collections.
     */
    private static final ThreadLocal<ByteBuffer> INPUT = new ThreadLocal<>();

    @Override
    public NDList processInput(TranslatorContext ctx, ImageBatch batch) {
        int n = batch.images().size();
        ByteBuffer buffer = inputBuffer(n * ImageBatch.PIXELS * Float.BYTES);
        FloatBuffer floats = buffer.asFloatBuffer();
        for (float[] image : batch.images()) {
            floats.put(image);
        }
        NDArray input =
                ctx.getNDManager().create(buffer, new Shape(n, ImageBatch.SIZE, ImageBatch.SIZE, 3), DataType.FLOAT32);
        input.setName(NimaGraphBuilder.INPUT);
        return new NDList(input);
    }

    private static ByteBuffer inputBuffer(int bytes) {
        ByteBuffer buffer = INPUT.get();
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            INPUT.set(buffer);
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray scores = list.get(NimaGraphBuilder.SCORES);
        return (scores != null ? scores : list.get(0)).toFloatArray();
    }
}
