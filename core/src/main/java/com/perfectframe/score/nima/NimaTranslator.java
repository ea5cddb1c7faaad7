package com.perfectframe.score.nima;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import com.perfectframe.score.nima.convert.ConvertedModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Turns a batch of preprocessed images into the SavedModel's {@code input} tensor and its {@code scores} output
 * into plain floats, so that DJL frees each call's arrays when the call ends.
 *
 * <p>Belongs to one {@link NimaScorer} and its one predictor, so it is used by one thread at a time. It keeps one
 * native input buffer for its whole life: a heap array would make DJL allocate a fresh direct buffer per call
 * (9.6 MB at batch 16), freed only when the Java heap is next collected, which piles up outside the heap.
 */
final class NimaTranslator implements NoBatchifyTranslator<ImageBatch, float[]> {

    private ByteBuffer input;

    @Override
    public NDList processInput(TranslatorContext ctx, ImageBatch batch) {
        int n = batch.images().size();
        ByteBuffer buffer = inputBuffer(n * ImageBatch.PIXELS * Float.BYTES);
        FloatBuffer floats = buffer.asFloatBuffer();
        for (float[] image : batch.images()) {
            floats.put(image);
        }
        NDArray array =
                ctx.getNDManager().create(buffer, new Shape(n, ImageBatch.SIZE, ImageBatch.SIZE, 3), DataType.FLOAT32);
        array.setName(ConvertedModel.INPUT_NAME);
        return new NDList(array);
    }

    private ByteBuffer inputBuffer(int bytes) {
        if (input == null || input.capacity() < bytes) {
            input = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        input.clear().limit(bytes);
        return input;
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray scores = list.get(ConvertedModel.SCORES_NAME);
        return (scores != null ? scores : list.get(0)).toFloatArray();
    }
}
