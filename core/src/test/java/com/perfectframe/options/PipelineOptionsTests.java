package com.perfectframe.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.Normalization;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line maps onto the same settings record as the service, every setting included, and the model's
 * options onto {@link NimaOptions}, apart.
 */
class PipelineOptionsTests {

    @Command(name = "job")
    static final class Job {
        @Mixin
        PipelineOptions pipeline = new PipelineOptions();

        @Mixin
        ModelOptions model = new ModelOptions();
    }

    private static Job job(String... args) {
        Job command = new Job();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static PipelineSettings parse(String... args) {
        return job(args).pipeline.settings();
    }

    @Test
    void noOptionsGiveTheRecordsDefaults() {
        assertThat(parse()).isEqualTo(PipelineSettings.defaults());
    }

    @Test
    void noModelOptionsGiveNimasDefaults() {
        assertThat(job().model.options()).isEqualTo(NimaOptions.defaults());
    }

    @Test
    void everySettingHasItsOwnOption() {
        Job job = job(
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
        PipelineSettings settings = job.pipeline.settings();
        NimaOptions model = job.model.options();
        assertThat(settings.decoderThreads()).isEqualTo(2);
        assertThat(settings.prepareThreads()).isEqualTo(3);
        assertThat(settings.writerThreads()).isEqualTo(4);
        assertThat(settings.frameBudgetMb()).isEqualTo(24);
        assertThat(settings.inferenceBatch()).isEqualTo(8);
        assertThat(model.modelsDir()).isEqualTo(Path.of("/tmp/models"));
        assertThat(model.weightsFile()).isEqualTo(Path.of("/tmp/w.h5"));
        assertThat(model.forceCpu()).isTrue();
        assertThat(model.normalization()).isEqualTo(Normalization.ORIGINAL);
        assertThat(model.bfloat16()).isTrue();
    }

    @Test
    void writerThreadsDoNotSetThePreparingThreads() {
        PipelineSettings settings = parse("--writer_threads", "3");
        assertThat(settings.writerThreadsFor(false)).isEqualTo(3);
        assertThat(settings.prepareThreads()).isEqualTo(PipelineSettings.DEFAULT_PREPARE_THREADS);
    }

    @Test
    void anInvalidValueIsRefusedWithTheSettingsKey() {
        assertThatThrownBy(() -> parse("--frame_budget_mb", "0"))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("frame_budget_mb"))
                .hasMessage("frame_budget_mb must be between 1 and 65536, got 0");
        assertThatThrownBy(() -> parse("--prepare_threads", "0")).hasMessageStartingWith("prepare_threads");
    }
}
