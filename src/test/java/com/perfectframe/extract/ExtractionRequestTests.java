package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.image.ImageEncoder.ImageFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionRequestTests {

    private static ExtractionRequest with(int batch, int group, double percent, List<String> videoExt) {
        return new ExtractionRequest(
                Path.of("in"),
                Path.of("out"),
                false,
                batch,
                group,
                percent,
                ImageFormat.JPG,
                videoExt,
                ExtractionRequest.DEFAULT_IMAGE_EXTENSIONS,
                "frames_extracted_",
                false);
    }

    @Test
    void defaultsMatchTheOriginal() {
        ExtractionRequest r = ExtractionRequest.defaults(Path.of("in"), Path.of("out"));
        assertThat(r.batchSize()).isEqualTo(100);
        assertThat(r.groupSize()).isEqualTo(5);
        assertThat(r.topImagesPercent()).isEqualTo(90.0);
        assertThat(r.videoExtensions()).containsExactly(".mp4", ".mov", ".webm", ".mkv", ".avi");
        assertThat(r.imageExtensions()).containsExactly(".jpg", ".jpeg", ".png", ".webp");
        assertThat(r.processedVideoPrefix()).isEqualTo("frames_extracted_");
    }

    @Test
    void rejectsOutOfRangeNumbersNamingTheField() {
        assertThatThrownBy(() -> with(0, 5, 90, ExtractionRequest.DEFAULT_VIDEO_EXTENSIONS))
                .hasMessageContaining("batch_size");
        assertThatThrownBy(() -> with(100, 0, 90, ExtractionRequest.DEFAULT_VIDEO_EXTENSIONS))
                .hasMessageContaining("compering_group_size");
        assertThatThrownBy(() -> with(100, 5, 100.5, ExtractionRequest.DEFAULT_VIDEO_EXTENSIONS))
                .hasMessageContaining("top_images_percent");
        assertThatThrownBy(() -> with(100, 5, Double.NaN, ExtractionRequest.DEFAULT_VIDEO_EXTENSIONS))
                .hasMessageContaining("top_images_percent");
    }

    @Test
    void normalisesExtensions() {
        assertThat(with(1, 1, 0, List.of("MP4", ".Mov")).videoExtensions()).containsExactly(".mp4", ".mov");
        assertThatThrownBy(() -> with(1, 1, 0, List.of())).hasMessageContaining("video_extensions");
        assertThatThrownBy(() -> with(1, 1, 0, List.of("../x"))).hasMessageContaining("video_extensions");
    }

    @Test
    void parsesOutputFormats() {
        assertThat(ImageFormat.parse(".JPEG")).isEqualTo(ImageFormat.JPG);
        assertThat(ImageFormat.parse("png")).isEqualTo(ImageFormat.PNG);
        assertThatThrownBy(() -> ImageFormat.parse(".gif")).hasMessageContaining(".gif");
    }
}
