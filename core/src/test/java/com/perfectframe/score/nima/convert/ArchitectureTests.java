package com.perfectframe.score.nima.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final Architecture architecture = Architecture.nima();

    @Test
    void parameterCountMatchesKeras() {
        assertThat(architecture.parameterCount()).isEqualTo(54_352_106L);
        long head = architecture.byName().get("dense").parameterCount();
        assertThat(architecture.parameterCount() - head).isEqualTo(54_336_736L);
    }

    @Test
    void namesLayersLikeAFreshKerasSession() {
        var names = architecture.byName();
        assertThat(names)
                .containsKeys(
                        "conv2d",
                        "conv2d_1",
                        "batch_normalization",
                        "block35_1_conv",
                        "block17_20_conv",
                        "block8_10_conv",
                        "conv_7b",
                        "conv_7b_bn",
                        "dense");
        assertThat(names.get("conv2d").weight("kernel").shape()).containsExactly(3, 3, 3, 32);
        assertThat(names.get("block8_10_conv").weight("kernel").shape()).containsExactly(1, 1, 448, 2080);
        assertThat(names.get("dense").weight("kernel").shape()).containsExactly(1536, 10);
        assertThat(architecture.layers()).hasSize(449);
    }
}
