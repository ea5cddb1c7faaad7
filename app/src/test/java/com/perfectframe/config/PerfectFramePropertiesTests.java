package com.perfectframe.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.score.nima.NimaOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class PerfectFramePropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PerfectFrameProperties.class)
    static class Config {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsToTheOriginalFoldersAndTheWorkingDirectoryAsRoot() {
        runner.run(context -> {
            PerfectFrameProperties p = context.getBean(PerfectFrameProperties.class);
            assertThat(p.inputDirectory()).isEqualTo(Path.of("input_directory"));
            assertThat(p.outputDirectory()).isEqualTo(Path.of("output_directory"));
            assertThat(p.effectiveAllowedRoots()).containsExactly(Path.of(""));
        });
    }

    @Test
    void bindsCommaSeparatedRoots() {
        runner.withPropertyValues("perfectframe.allowed-roots=/data,/media")
                .run(context -> assertThat(
                                context.getBean(PerfectFrameProperties.class).effectiveAllowedRoots())
                        .containsExactly(Path.of("/data"), Path.of("/media")));
    }

    @Test
    void rejectsInvalidValuesNamingTheProperty() {
        runner.withPropertyValues("perfectframe.decoder-threads=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("perfectframe.decoder-threads must be between 0 and 64, got -1");
        });
        runner.withPropertyValues("perfectframe.frame-budget-mb=0")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("perfectframe.frame-budget-mb must be between"));
        runner.withPropertyValues("perfectframe.maxMegapixels=10001")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("perfectframe.max-megapixels must be between "
                                + PipelineSettings.MAX_MEGAPIXELS.describe().substring("between ".length())
                                + ", got 10001"));
    }

    @Test
    void unsetModelPropertiesTakeNimasDefaults() {
        runner.run(context -> assertThat(
                        context.getBean(PerfectFrameProperties.class).modelOptions())
                .isEqualTo(NimaOptions.defaults()));
    }

    @Test
    void unsetPropertiesTakeThePipelineDefaults() {
        runner.run(context -> assertThat(
                        context.getBean(PerfectFrameProperties.class).pipelineSettings())
                .isEqualTo(PipelineSettings.defaults()));
    }

    @Test
    void eachPropertySetsItsOwnSettingOnly() {
        runner.withPropertyValues(
                        "perfectframe.writer-threads=3",
                        "perfectframe.frame-budget-mb=96",
                        "perfectframe.decoder-threads=2",
                        "perfectframe.inference-batch=4",
                        "perfectframe.models-dir=/tmp/m",
                        "perfectframe.cpu=true")
                .run(context -> {
                    PipelineSettings settings =
                            context.getBean(PerfectFrameProperties.class).pipelineSettings();
                    assertThat(settings.writerThreads()).isEqualTo(3);
                    assertThat(settings.prepareThreads()).isEqualTo(PipelineSettings.DEFAULT_PREPARE_THREADS);
                    assertThat(settings.frameBudgetMb()).isEqualTo(96);
                    assertThat(settings.decoderThreads()).isEqualTo(2);
                    assertThat(settings.inferenceBatch()).isEqualTo(4);
                    NimaOptions model =
                            context.getBean(PerfectFrameProperties.class).modelOptions();
                    assertThat(model.modelsDir()).isEqualTo(Path.of("/tmp/m"));
                    assertThat(model.forceCpu()).isTrue();
                    assertThat(model.weightsUrl()).isEqualTo(NimaOptions.DEFAULT_WEIGHTS_URL);
                });
    }
}
