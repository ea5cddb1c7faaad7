package com.perfectframe.quality;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PictureMeasuresTests {

    private static final float[] THUMBNAIL = new float[PictureMeasures.THUMBNAIL_LENGTH];

    @Test
    void valuesInRangeAreAccepted() {
        assertThatCode(() -> new PictureMeasures(0, 0, 0, 0, 0, 0L, THUMBNAIL)).doesNotThrowAnyException();
        assertThatCode(() -> new PictureMeasures(1e6, 255, 1, 1, 127.5, -1L, THUMBNAIL))
                .doesNotThrowAnyException();
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertInvalid(() -> new PictureMeasures(-1, 0, 0, 0, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(Double.NaN, 0, 0, 0, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(Double.POSITIVE_INFINITY, 0, 0, 0, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(0, 256, 0, 0, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(0, -0.1, 0, 0, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(0, 0, 1.01, 0, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(0, 0, 0, -0.01, 0, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(0, 0, 0, 0, Double.NaN, 0L, THUMBNAIL));
        assertInvalid(() -> new PictureMeasures(0, 0, 0, 0, 0, 0L, null));
        assertInvalid(() -> new PictureMeasures(0, 0, 0, 0, 0, 0L, new float[12]));
        float[] outside = new float[PictureMeasures.THUMBNAIL_LENGTH];
        outside[5] = 1.5f;
        assertInvalid(() -> new PictureMeasures(0, 0, 0, 0, 0, 0L, outside));
        outside[5] = Float.NaN;
        assertInvalid(() -> new PictureMeasures(0, 0, 0, 0, 0, 0L, outside));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
    }
}
