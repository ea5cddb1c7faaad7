package com.perfectframe.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTests {

    @Test
    void controlAndFormattingCharactersAreEscapedAndTheRestKept() {
        assertThat(OneLine.of("clip\n2026-01-01 INFO forged.mp4")).isEqualTo("clip\\n2026-01-01 INFO forged.mp4");
        assertThat(OneLine.of("a\rb\tc\u0000d\u001be\u0085f")).isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u0085f");
        assertThat(OneLine.of("evil\u202egpj.exe")).isEqualTo("evil\\u202egpj.exe");
        String plain = "café 日本 back\\slash.mp4";
        assertThat(OneLine.of(plain)).isSameAs(plain);
        assertThat(OneLine.of(null)).isNull();
    }
}
