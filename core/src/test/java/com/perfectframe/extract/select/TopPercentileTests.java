package com.perfectframe.extract.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.select.ImageSelection.ScoredImage;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TopPercentileTests {

    private static ScoredImage image(int index, float score) {
        return new ScoredImage(index, Path.of("img" + index + ".jpg"), score);
    }

    @Test
    void percentileInterpolatesLikeNumpy() {
        float[] scores = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(Percentile.of(scores, 90)).isEqualTo(9.1, Offset.offset(1e-9));
        assertThat(Percentile.of(scores, 0)).isEqualTo(1.0);
        assertThat(Percentile.of(scores, 100)).isEqualTo(10.0);
        assertThat(Percentile.of(new float[] {4, 4, 4}, 90)).isEqualTo(4.0);
    }

    @Test
    void keepsTheFolderWideTopInNameOrderWhateverTheArrivalOrder() {
        TopPercentile top = new TopPercentile(80, 0);
        int[] order = {3, 0, 4, 1, 2};
        float[] scores = {5, 1, 4, 9, 2};
        for (int i : order) {
            top.offer(image(i, scores[i]));
        }
        assertThat(top.scored()).isEqualTo(5);
        // 80th percentile of {1, 2, 4, 5, 9} is 5.8: only image 3 (9) is kept.
        assertThat(top.select()).extracting(ScoredImage::index).containsExactly(3);
    }

    @Test
    void perBatchTakesThePercentileOfEachBatchAsTheOriginal() {
        TopPercentile top = new TopPercentile(50, 2);
        float[] scores = {1, 2, 8, 9};
        for (int i = 0; i < scores.length; i++) {
            top.offer(image(i, scores[i]));
        }
        // Batches {1, 2} and {8, 9}: medians 1.5 and 8.5.
        assertThat(top.select()).extracting(ScoredImage::index).containsExactly(1, 3);
        TopPercentile folderWide = new TopPercentile(50, 0);
        for (int i = 0; i < scores.length; i++) {
            folderWide.offer(image(i, scores[i]));
        }
        assertThat(folderWide.select()).extracting(ScoredImage::index).containsExactly(2, 3);
    }
}
