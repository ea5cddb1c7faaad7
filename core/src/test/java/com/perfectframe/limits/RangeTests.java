package com.perfectframe.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RangeTests {

    @Test
    void wholeNumbersIncludeBothBounds() {
        Range range = Range.of("batch_size", 1, 10_000);
        assertThat(range.check(1)).isEqualTo(1);
        assertThat(range.check(10_000)).isEqualTo(10_000);
        assertThat(range.accepts(2.5)).isFalse();
        assertThat(range.describe()).isEqualTo("between 1 and 10000");
        assertThatThrownBy(() -> range.check(0))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("batch_size");
                    assertThat(e.problem()).isEqualTo("must be between 1 and 10000, got 0");
                    assertThat(e.describe("--batch-size")).isEqualTo("--batch-size must be between 1 and 10000, got 0");
                })
                .hasMessage("batch_size must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> range.check(10_001)).hasMessageEndingWith("got 10001");
    }

    @Test
    void excludedBoundsAreRefusedAndSaid() {
        Range open = Range.between("ratio", 0, 1).excludingMin().excludingMax();
        assertThat(open.accepts(0.001)).isTrue();
        assertThat(open.accepts(0)).isFalse();
        assertThat(open.accepts(1)).isFalse();
        assertThat(open.describe()).isEqualTo("more than 0 and less than 1");
        Range halfOpen = Range.between("spread", 0, 64).excludingMax();
        assertThat(halfOpen.accepts(0)).isTrue();
        assertThat(halfOpen.accepts(63.99)).isTrue();
        assertThat(halfOpen.accepts(64)).isFalse();
        assertThat(halfOpen.describe()).isEqualTo("0 or more and less than 64");
        assertThat(Range.between("x", 0.5, 2.25).excludingMin().describe()).isEqualTo("more than 0.5 and 2.25 or less");
    }

    @Test
    void anUnboundedRangeStillRefusesNotANumberAndInfinity() {
        Range gap = Range.atLeast("min_gap_seconds", 0);
        assertThat(gap.bounded()).isFalse();
        assertThat(gap.maximum()).isNull();
        assertThat(gap.check(1e9)).isEqualTo(1e9);
        assertThat(gap.describe()).isEqualTo("0 or more");
        assertThatThrownBy(() -> gap.check(Double.POSITIVE_INFINITY))
                .hasMessage("min_gap_seconds must be 0 or more, got Infinity");
        assertThatThrownBy(() -> gap.check(Double.NaN)).hasMessageEndingWith("got NaN");
        assertThatThrownBy(() -> gap.check(-0.5)).hasMessageEndingWith("got -0.5");
        assertThat(Range.between("p", 0, 100).accepts(Double.NaN)).isFalse();
        Range tasks = Range.from("images_per_task", 1);
        assertThat(tasks.check(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(tasks.accepts(1.5)).isFalse();
        assertThatThrownBy(() -> tasks.check(0)).hasMessage("images_per_task must be 1 or more, got 0");
    }

    @Test
    void boundsAreExactDecimalsWithoutTrailingZeros() {
        assertThat(Range.of("n", 1, 10_000).maximum()).isEqualTo(new BigDecimal("10000"));
        assertThat(Range.between("r", 0, 0.5).maximum()).isEqualTo(new BigDecimal("0.5"));
        assertThat(Range.between("p", 0, 100).minimum()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void aRangeMustBeARange() {
        assertThatThrownBy(() -> Range.of("n", 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.between(" ", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
