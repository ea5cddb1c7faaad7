package com.perfectframe.score.nima;

import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.PicturePreparer;
import com.perfectframe.score.ScoringModel;
import java.util.concurrent.ArrayBlockingQueue;
import org.bytedeco.opencv.opencv_core.Mat;

/** NIMA as the extractors see it: the preprocessing its weights were trained with, and the scorer. */
public final class NimaScoringModel implements ScoringModel {

    /** Enough spare inputs for the pipeline's queues; beyond that, scored inputs are left to the collector. */
    private static final int SPARE_INPUTS = 64;

    private final Normalization normalization;
    private final FrameScorer scorer;
    private final ArrayBlockingQueue<float[]> spare = new ArrayBlockingQueue<>(SPARE_INPUTS);

    NimaScoringModel(Normalization normalization, FrameScorer scorer) {
        this.normalization = normalization;
        this.scorer = scorer;
    }

    /**
     * Loads NIMA as the options say: the first time for given weights this converts them (about 15 s), later
     * loads reuse the SavedModel (a few seconds).
     *
     * @throws com.perfectframe.score.ModelException when the weights are missing and cannot be downloaded, or are
     *     not NIMA's
     */
    public static NimaScoringModel open(NimaOptions options) {
        return new NimaScoringModel(options.normalization(), NimaScorerFactory.open(options));
    }

    @Override
    public PicturePreparer newPreparer() {
        NimaPreprocessor preprocessor = new NimaPreprocessor(normalization);
        return new PicturePreparer() {
            @Override
            public float[] prepare(Mat bgr) {
                float[] input = spare.poll();
                return input != null ? preprocessor.preprocess(bgr, input) : preprocessor.preprocess(bgr);
            }

            @Override
            public int inputSide() {
                return NimaPreprocessor.SIZE;
            }
        };
    }

    @Override
    public void recycle(float[] input) {
        if (input.length == NimaPreprocessor.LENGTH) {
            spare.offer(input);
        }
    }

    @Override
    public FrameScorer scorer() {
        return scorer;
    }

    @Override
    public void close() {
        scorer.close();
    }
}
