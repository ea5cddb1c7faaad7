package com.perfectframe.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.select.QualityRules;
import com.perfectframe.image.ImageEncoder.ImageFormat;
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.quality.ShotRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionRequestTests {

    private static ExtractionRequest.Builder request() {
        return ExtractionRequest.builder(Path.of("in"), Path.of("out"));
    }

    @Test
    void defaultsMatchTheOriginal() {
        ExtractionRequest r = request().build();
        assertThat(r.batchSize()).isEqualTo(100);
        assertThat(r.bestFrames().groupSize()).isEqualTo(5);
        assertThat(r.bestFrames().allFrames()).isFalse();
        assertThat(r.topImages().percent()).isEqualTo(90.0);
        assertThat(r.topImages().perBatchPercentile()).isFalse();
        assertThat(r.outputFormat()).isEqualTo(ImageFormat.JPG);
        assertThat(r.inputs().videoExtensions())
                .containsExactly(
                        ".mp4", ".mov", ".webm", ".mkv", ".avi", ".m4v", ".mpg", ".mpeg", ".ts", ".mts", ".m2ts",
                        ".3gp", ".wmv", ".flv", ".ogv");
        assertThat(r.inputs().imageExtensions())
                .containsExactly(".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".avif");
        assertThat(r.inputs().processedVideoPrefix()).isEqualTo("frames_extracted_");
    }

    @Test
    void unsetValuesKeepTheDefaultsAndSetOnesAreKept() {
        ExtractionRequest r = request()
                .batchSize(null)
                .groupSize(7)
                .allFrames(null)
                .topImagesPercent(50.0)
                .outputFormat("png")
                .build();
        assertThat(r.batchSize()).isEqualTo(100);
        assertThat(r.bestFrames().groupSize()).isEqualTo(7);
        assertThat(r.topImages().percent()).isEqualTo(50.0);
        assertThat(r.outputFormat()).isEqualTo(ImageFormat.PNG);
    }

    @Test
    void rejectsOutOfRangeNumbersNamingTheField() {
        assertThatThrownBy(() -> request().batchSize(0).build()).hasMessageContaining("batch_size");
        assertThatThrownBy(() -> request().groupSize(0).build())
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("group_size"))
                .hasMessage("group_size must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> request().topImagesPercent(100.5).build()).hasMessageContaining("top_images_percent");
        assertThatThrownBy(() -> request().topImagesPercent(Double.NaN).build())
                .hasMessageContaining("top_images_percent");
        assertThatThrownBy(() -> request().outputFormat(".gif")).hasMessageStartingWith("images_output_format");
    }

    @Test
    void theShotOptionsHaveTheirDefaultAndRangeOnCuration() {
        ExtractionRequest.Curation defaults = request().build().bestFrames().curation();
        assertThat(defaults.perShot()).isFalse();
        assertThat(defaults.shotDrift()).isEqualTo(ExtractionRequest.Curation.DEFAULT_SHOT_DRIFT);
        assertThat(request().perShot(true).shotDrift(1.0).build().bestFrames().curation())
                .satisfies(c -> assertThat(c.perShot()).isTrue())
                .satisfies(c -> assertThat(c.shotDrift()).isEqualTo(1.0));
        for (double refused : new double[] {0, -0.1, 1.0001, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> request().shotDrift(refused).build())
                    .as("shot_drift %s", refused)
                    .isInstanceOfSatisfying(
                            InvalidSettingException.class,
                            e -> assertThat(e.setting()).isEqualTo("shot_drift"))
                    .hasMessage("shot_drift must be more than 0 and 1 or less, got " + refused);
        }
    }

    @Test
    void shotSegmentationSeesTheGatesFlatPictures() {
        ExtractionRequest.Curation curation = request()
                .rules(QualityRules.of(null, null, 9.5, null))
                .build()
                .bestFrames()
                .curation();
        assertThat(curation.shotRules().flatSpread()).isEqualTo(9.5);
        assertThat(curation.shotRules().flashRise()).isEqualTo(ShotRules.DEFAULT_FLASH_RISE);
        assertThat(QualityRules.FLAT_SPREAD).isSameAs(ShotRules.FLAT_SPREAD);
        assertThat(QualityRules.defaults().flatSpread())
                .isEqualTo(ShotRules.defaults().flatSpread());
        assertThatThrownBy(() -> QualityRules.of(null, null, 64.0, null))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("flat_spread"));
    }

    @Test
    void normalisesExtensions() {
        assertThat(request()
                        .videoExtensions(List.of("MP4", ".Mov"))
                        .build()
                        .inputs()
                        .videoExtensions())
                .containsExactly(".mp4", ".mov");
        assertThatThrownBy(() -> request().videoExtensions(List.of()).build()).hasMessageContaining("video_extensions");
        assertThatThrownBy(() -> request().videoExtensions(List.of("../x")).build())
                .hasMessageContaining("video_extensions");
    }

    @Test
    void parsesOutputFormats() {
        assertThat(ImageFormat.parse(".JPEG")).isEqualTo(ImageFormat.JPG);
        assertThat(ImageFormat.parse("png")).isEqualTo(ImageFormat.PNG);
        assertThatThrownBy(() -> ImageFormat.parse(".gif")).hasMessageContaining(".gif");
    }

    @Test
    void aPrefixThatWouldHideOrMoveProcessedVideosIsRefused() {
        for (String prefix : List.of(".", "..", ".done_", "../", "a/b", "a\\b", "done\n", "\r", " ", "")) {
            assertThatThrownBy(() -> request().processedVideoPrefix(prefix).build())
                    .as(prefix)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("processed_video_prefix");
        }
        assertThat(request().processedVideoPrefix("done.").build().inputs().processedVideoPrefix())
                .isEqualTo("done.");
        assertThat(request().processedVideoPrefix("_.").build().inputs().processedVideoPrefix())
                .isEqualTo("_.");
    }
}
