package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every numeric field of the body has its range, and the group size is read under either of its names. */
class RequestLimitsTests {

    @Test
    void everyNumericFieldOfTheBodyHasItsRange() {
        List<String> numeric = Arrays.stream(ExtractorRequestBody.class.getDeclaredFields())
                .filter(f -> f.getType() == Integer.class || f.getType() == Double.class)
                .map(f -> f.getAnnotation(JsonProperty.class).value())
                .toList();
        assertThat(numeric).contains("batch_size", "compering_group_size", "comparing_group_size", "top");
        assertThat(RequestLimits.LIMITS.stream().map(RequestLimits.Limit::field))
                .containsExactlyInAnyOrderElementsOf(numeric);
    }

    @Test
    void rangesAreTheCoresAndEveryFieldOutOfItsRangeIsNamed() {
        ExtractorRequestBody body = body("batch_size", 0, "flat_spread", 64.0, "top", 100);
        assertThatThrownBy(() -> RequestLimits.check(body))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("batch_size must be between 1 and 10000 (got 0); flat_spread must be 0 or more and less"
                        + " than 64 (got 64.0).");
        RequestLimits.check(body("batch_size", 10_000, "min_gap_seconds", 1e6, "duplicate_bits", 0));
        assertThatThrownBy(() -> RequestLimits.check(body("shot_drift", 0.0, "top", 101)))
                .hasMessage("shot_drift must be more than 0 and 1 or less (got 0.0); top must be between 0 and 100"
                        + " (got 101).");
        RequestLimits.check(body("shot_drift", 1.0, "per_shot", true));
        RequestLimits.check(ExtractorRequestBody.EMPTY);
    }

    @Test
    void theGroupSizeIsReadUnderTheNameItWasSent() {
        assertThat(body("comparing_group_size", 7).groupSize())
                .isEqualTo(new ExtractorRequestBody.GroupSize(7, "comparing_group_size"));
        assertThat(body("compering_group_size", 7).groupSize())
                .isEqualTo(new ExtractorRequestBody.GroupSize(7, "compering_group_size"));
        assertThat(body("compering_group_size", 7, "comparing_group_size", 7).groupSize())
                .isEqualTo(new ExtractorRequestBody.GroupSize(7, "compering_group_size"));
        assertThat(ExtractorRequestBody.EMPTY.groupSize().value()).isNull();
        assertThatThrownBy(() -> body("compering_group_size", 7, "comparing_group_size", 8)
                        .groupSize())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("got 7 and 8");
    }

    /** A body with the given fields (JSON name, value, …) and the others unset. */
    private static ExtractorRequestBody body(Object... fieldsAndValues) {
        RecordComponent[] components = ExtractorRequestBody.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int c = 0; c < components.length; c++) {
                String name = ExtractorRequestBody.class
                        .getDeclaredField(components[c].getName())
                        .getAnnotation(JsonProperty.class)
                        .value();
                for (int i = 0; i < fieldsAndValues.length; i += 2) {
                    if (name.equals(fieldsAndValues[i])) {
                        values[c] = fieldsAndValues[i + 1];
                    }
                }
            }
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return ExtractorRequestBody.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
