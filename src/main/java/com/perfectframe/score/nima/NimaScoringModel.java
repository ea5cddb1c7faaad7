package com.perfectframe.score.nima;

import com.perfectframe.image.NimaPreprocessor;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ScoringModel;
import com.perfectframe.score.ScoringModelProvider;
import java.util.concurrent.ArrayBlockingQueue;
import org.bytedeco.opencv.opencv_core.Mat;

/** NIMA as the extractors see it: the preprocessing its weights were trained with, and the scorer. */
public final class NimaScoringModel implements ScoringModel {

    /** Enough spare tensors for the pipeline's queues; beyond that, scored tensors are left to the collector. */
    private static final int SPARE_TENSORS = 64;

    private final NimaPreprocessor preprocessor;
    private final FrameScorer scorer;
    private final ArrayBlockingQueue<float[]> spare = new ArrayBlockingQueue<>(SPARE_TENSORS);

    private NimaScoringModel(NimaPreprocessor preprocessor, FrameScorer scorer) {
        this.preprocessor = preprocessor;
        this.scorer = scorer;
    }

    /** A provider that loads NIMA with these options when a job first needs it. */
    public static ScoringModelProvider provider(NimaOptions options) {
        return () ->
                new NimaScoringModel(new NimaPreprocessor(options.normalization()), NimaScorerFactory.open(options));
    }

    @Override
    public float[] prepare(Mat bgr) {
        float[] tensor = spare.poll();
        return tensor != null ? preprocessor.preprocess(bgr, tensor) : preprocessor.preprocess(bgr);
    }

    @Override
    public void recycle(float[] tensor) {
        spare.offer(tensor);
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
