package com.perfectframe.testing;

import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.PicturePreparer;
import com.perfectframe.score.ScoringModel;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A scoring model for tests whose score of a picture is a known function of the frame number shown in it (see
 * {@link FrameCodes}), so the expected winners of a job are exact.
 */
public final class StubScoringModel implements ScoringModel {

    private volatile boolean closed;

    /** The score the stub gives to the picture of frame n: scattered over [1, 10). */
    public static float scoreOf(int frameNumber) {
        return 1 + ((frameNumber * 7919L) % 900) / 100f;
    }

    /** The frame number drawn in a picture, as the one value of its "model input". */
    public float[] prepare(Mat bgr) {
        return new float[] {FrameCodes.read(bgr)};
    }

    @Override
    public PicturePreparer newPreparer() {
        return this::prepare;
    }

    private final StubScorer scorer = new StubScorer(input -> scoreOf((int) input[0]));

    @Override
    public FrameScorer scorer() {
        return scorer;
    }

    public int largestBatch() {
        return scorer.largestBatch();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
