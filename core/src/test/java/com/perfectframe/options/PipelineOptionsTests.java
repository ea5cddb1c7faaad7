package com.perfectframe.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.score.nima.Normalization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The command line maps onto the same settings record as the service, every setting included. */
class PipelineOptionsTests {

    @Command(name = "job")
    static final class Job {
        @Mixin
        PipelineOptions pipeline = new PipelineOptions();
    }

    private static PipelineSettings parse(String... args) {
        Job command = new Job();
        new CommandLine(command).parseArgs(args);
        return command.pipeline.settings();
    }

    @Test
    void noOptionsGiveTheRecordsDefaults() {
        assertThat(parse()).isEqualTo(PipelineSettings.defaults());
    }

    @Test
    void everySettingHasItsOwnOption() {
        PipelineSettings settings = parse(
                "--decoder_threads",
                "2",
                "--prepare_threads",
                "3",
                "--writer_threads",
                "4",
                "--frame_budget_mb",
                "24",
                "--inference_batch",
                "8",
                "--models_dir",
                "/tmp/models",
                "--weights",
                "/tmp/w.h5",
                "--cpu",
                "--normalization",
                "ORIGINAL",
                "--bf16");
        assertThat(settings.decoderThreads()).isEqualTo(2);
        assertThat(settings.prepareThreads()).isEqualTo(3);
        assertThat(settings.writerThreads()).isEqualTo(4);
        assertThat(settings.frameBudgetMb()).isEqualTo(24);
        assertThat(settings.inferenceBatch()).isEqualTo(8);
        assertThat(settings.model().modelsDir()).isEqualTo(Path.of("/tmp/models"));
        assertThat(settings.model().weightsFile()).isEqualTo(Path.of("/tmp/w.h5"));
        assertThat(settings.model().forceCpu()).isTrue();
        assertThat(settings.model().normalization()).isEqualTo(Normalization.ORIGINAL);
        assertThat(settings.model().bfloat16()).isTrue();
    }

    @Test
    void writerThreadsDoNotSetThePreparingThreads() {
        PipelineSettings settings = parse("--writer_threads", "3");
        assertThat(settings.writerThreadsFor(false)).isEqualTo(3);
        assertThat(settings.prepareThreads()).isEqualTo(PipelineSettings.DEFAULT_PREPARE_THREADS);
    }

    @Test
    void anInvalidValueNamesTheOption() {
        assertThatThrownBy(() -> parse("--frame_budget_mb", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--frame_budget_mb must be between 1 and 65536, got 0");
        assertThatThrownBy(() -> parse("--prepare_threads", "0")).hasMessageStartingWith("--prepare_threads");
    }
}
