package com.perfectframe.score.nima;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Turns a batch of preprocessed images into the SavedModel's {@code input} tensor and its {@code scores} output
 * into plain floats, so that DJL frees each call's arrays when the call ends.
 */
final class NimaTranslator implements NoBatchifyTranslator<ImageBatch, float[]> {

    @Override
    public NDList processInput(TranslatorContext ctx, ImageBatch batch) {
        int n = batch.images().size();
        FloatBuffer buffer = FloatBuffer.wrap(ImageBatch.flatten(batch.images()));
        NDArray input = ctx.getNDManager().create(buffer, new Shape(n, ImageBatch.SIZE, ImageBatch.SIZE, 3));
        input.setName(NimaGraphBuilder.INPUT);
        return new NDList(input);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray scores = list.get(NimaGraphBuilder.SCORES);
        return (scores != null ? scores : list.get(0)).toFloatArray();
    }
}
