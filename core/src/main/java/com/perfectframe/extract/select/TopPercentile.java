package com.perfectframe.extract.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the images scoring at or above a percentile of the scores: over the whole folder by default, so the result
 * depends neither on file order nor on the batch size; or within each batch of images in name order, as the
 * original tool does.
 */
public final class TopPercentile implements ImageSelection {

    private final double percent;
    private final int batchSize;
    private final List<ScoredImage> scored = new ArrayList<>();

    /**
     * @param percent the percentile an image's score must reach (0 to 100)
     * @param batchSize take the percentile within each batch of this many images, or over the folder if 0
     */
    public TopPercentile(double percent, int batchSize) {
        this.percent = percent;
        this.batchSize = batchSize;
    }

    @Override
    public void offer(ScoredImage image) {
        scored.add(image);
    }

    @Override
    public int scored() {
        return scored.size();
    }

    @Override
    public List<ScoredImage> select() {
        List<ScoredImage> inOrder = new ArrayList<>(scored);
        inOrder.sort(Comparator.comparingInt(ScoredImage::index));
        List<ScoredImage> kept = new ArrayList<>();
        int span = batchSize > 0 ? batchSize : Math.max(1, inOrder.size());
        for (int from = 0; from < inOrder.size(); from += span) {
            List<ScoredImage> part = inOrder.subList(from, Math.min(inOrder.size(), from + span));
            float[] values = new float[part.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = part.get(i).score();
            }
            double threshold = Percentile.of(values, percent);
            part.stream().filter(s -> s.score() >= threshold).forEach(kept::add);
        }
        return kept;
    }
}
