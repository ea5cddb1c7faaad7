package com.perfectframe.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.limits.InvalidSettingException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A value the core refuses is reported on the option under the name the user typed. */
class OptionNamesTests {

    @Command(name = "job")
    static final class Job {
        @Mixin
        BestFramesOptions bestFrames = new BestFramesOptions();

        @Mixin
        PipelineOptions pipeline = new PipelineOptions();

        @Mixin
        OutputFormatOption format = new OutputFormatOption();

        @Spec
        CommandSpec spec;
    }

    /** The message a command line gets for these arguments. */
    private static String refusal(String... args) {
        Job job = new Job();
        new CommandLine(job).parseArgs(args);
        InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class, () -> {
            job.pipeline.settings();
            job.bestFrames
                    .applyTo(job.format.applyTo(ExtractionRequest.builder(Path.of("in"), Path.of("out"))))
                    .build();
        });
        assertThat(e).as("refused: %s", String.join(" ", args)).isNotNull();
        return OptionNames.describe(e, job.spec);
    }

    @Test
    void namesTheOptionAsTyped() {
        assertThat(refusal("--group_size", "0")).isEqualTo("--group_size must be between 1 and 10000, got 0");
        assertThat(refusal("--compering_group_size", "0")).startsWith("--compering_group_size must be");
        assertThat(refusal("--comparing_group_size=10001")).startsWith("--comparing_group_size must be");
        assertThat(refusal("--group-size", "-3")).startsWith("--group-size must be");
        assertThat(refusal("--batch-size", "0")).startsWith("--batch-size must be between 1 and 10000");
        assertThat(refusal("--frame-budget-mb=0")).startsWith("--frame-budget-mb must be between 1 and 65536");
        assertThat(refusal("--decoder_threads", "65")).isEqualTo("--decoder_threads must be between 0 and 64, got 65");
    }

    @Test
    void aSettingWhoseOptionHasAnotherNameIsNamedByItsOption() {
        assertThat(refusal("--min_gap", "-1")).isEqualTo("--min_gap must be 0 or more, got -1.0");
        assertThat(refusal("--min-gap", "Infinity")).startsWith("--min-gap must be 0 or more");
        assertThat(refusal("--format", ".gif")).startsWith("--format is invalid: unsupported image format '.gif'");
    }

    @Test
    void thresholdsSayWhetherTheirBoundsAreIncluded() {
        assertThat(refusal("--sharpness_ratio", "1"))
                .isEqualTo("--sharpness_ratio must be more than 0 and less than 1, got 1.0");
        assertThat(refusal("--flat-spread", "64"))
                .isEqualTo("--flat-spread must be 0 or more and less than 64, got 64.0");
        assertThat(refusal("--duplicate_bits", "33")).isEqualTo("--duplicate_bits must be between 0 and 32, got 33");
        assertThat(refusal("--top", "101")).isEqualTo("--top must be between 0 and 100, got 101");
        assertThat(refusal("--per_shot", "--shot-drift", "0"))
                .isEqualTo("--shot-drift must be more than 0 and 1 or less, got 0.0");
        assertThat(refusal("--shot_drift=1.5")).isEqualTo("--shot_drift must be more than 0 and 1 or less, got 1.5");
    }
}
