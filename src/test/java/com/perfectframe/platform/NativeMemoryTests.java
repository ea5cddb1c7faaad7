package com.perfectframe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativeMemoryTests {

    @Test
    void theRestartRunsTheSameProgramWithTheSameOptionsAndArguments() {
        List<String> argv = NativeMemory.command(
                "/usr/lib/jvm/java-17/bin/java",
                List.of("-Xmx2g", "-Dperfectframe.x=y"),
                "target/perfectframe.jar",
                "com.perfectframe.PerfectFrameApplication",
                new String[] {"best_frames_extractor", "-i", "my videos"});
        assertThat(argv)
                .containsExactly(
                        "/usr/lib/jvm/java-17/bin/java",
                        "-Xmx2g",
                        "-Dperfectframe.x=y",
                        "-cp",
                        "target/perfectframe.jar",
                        "com.perfectframe.PerfectFrameApplication",
                        "best_frames_extractor",
                        "-i",
                        "my videos");
    }

    @Test
    void trimmingIsSafeToCallAnyTime() {
        NativeMemory.trim();
        NativeMemory.trim();
        assertThat(NativeMemory.ARENAS).isEqualTo(2);
    }
}
