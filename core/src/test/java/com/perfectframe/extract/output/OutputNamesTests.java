package com.perfectframe.extract.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputNamesTests {

    @Test
    void frameNameCarriesVideoStemAndTimestamp() {
        assertThat(OutputNames.forFrame(Path.of("in/holiday.trip.mp4"), 3725.5, "jpg"))
                .isEqualTo("holiday.trip_01-02-05.500.jpg");
    }

    @Test
    void timestampRoundsToMilliseconds() {
        assertThat(OutputNames.timestamp(0)).isEqualTo("00-00-00.000");
        assertThat(OutputNames.timestamp(1.0009)).isEqualTo("00-00-01.001");
        assertThat(OutputNames.timestamp(36000)).isEqualTo("10-00-00.000");
    }

    @Test
    void variantsAddACounterBeforeTheExtension() {
        assertThat(OutputNames.variant("a.jpg", 0)).isEqualTo("a.jpg");
        assertThat(OutputNames.variant("a.jpg", 2)).isEqualTo("a_2.jpg");
        assertThat(OutputNames.variant("noext", 1)).isEqualTo("noext_1");
    }

    @Test
    void aLongTitleIsShortenedToFitAFileNameWithRoomForAVariant() {
        String title = "夏の思い出".repeat(20) + " (4K 60fps) [official video]"; // 300 UTF-8 bytes of Japanese first
        String name = OutputNames.forFrame(Path.of("in", title + ".mp4"), 61.5, "jpg");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThanOrEqualTo(OutputNames.MAX_NAME_BYTES - 8);
        assertThat(name).startsWith("夏の思い出夏").endsWith("_00-01-01.500.jpg");
        assertThat(OutputNames.variant(name, 99).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(OutputNames.MAX_NAME_BYTES);
        // Short names are untouched.
        assertThat(OutputNames.forImage(Path.of("IMG_001.JPG"), "jpg")).isEqualTo("IMG_001.jpg");
    }

    @Test
    void imageNameKeepsStem() {
        assertThat(OutputNames.forImage(Path.of("IMG_001.JPG"), "jpg")).isEqualTo("IMG_001.jpg");
    }
}
