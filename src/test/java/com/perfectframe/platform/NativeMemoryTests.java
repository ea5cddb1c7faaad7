package com.perfectframe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NativeMemoryTests {

    @Test
    void theRestartRunsExactlyTheSameCommandLine() {
        byte[] cmdline = "java\0-Xmx2g\0-jar\0target/perfectframe.jar\0best_frames_extractor\0-i\0my videos\0"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(NativeMemory.arguments(cmdline))
                .containsExactly(
                        "java",
                        "-Xmx2g",
                        "-jar",
                        "target/perfectframe.jar",
                        "best_frames_extractor",
                        "-i",
                        "my videos");
        assertThat(NativeMemory.arguments(new byte[0])).isEmpty();
    }

    @Test
    void trimmingIsSafeToCallAnyTime() {
        NativeMemory.trim();
        NativeMemory.trim();
        assertThat(NativeMemory.ARENAS).isEqualTo(2);
    }
}
