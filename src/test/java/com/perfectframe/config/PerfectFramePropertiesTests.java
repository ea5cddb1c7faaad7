package com.perfectframe.config;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("decoderThreads");
        });
    }
}
