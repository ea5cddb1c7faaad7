package com.perfectframe.config;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.PipelineSettings;
import com.perfectframe.limits.InvalidSettingException;
import com.perfectframe.score.nima.NimaOptions;
import com.perfectframe.score.nima.Normalization;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The service's settings, bound from {@code perfectframe.*} (application.properties, environment, or {@code
 * --perfectframe.x=y} on the command line) and checked at start-up, so a typo fails fast with the property's name.
 *
 * <p>Unset properties take the defaults of their owners: {@link ExtractionRequest} for the folders, {@link
 * PipelineSettings} for the pipeline, {@link NimaOptions} for the model; this class only maps names, and the
 * settings record's own checks are reported on the property at start-up ({@link ValidPipelineSettings}).
 *
 * @param inputDirectory folder used when a request names none
 * @param outputDirectory folder used when a request names none
 * @param allowedRoots folders requests may read and write under; empty means the working directory
 * @param decoderThreads see {@link PipelineSettings#decoderThreads()}
 * @param prepareThreads see {@link PipelineSettings#prepareThreads()}
 * @param writerThreads see {@link PipelineSettings#writerThreads()}
 * @param frameBudgetMb see {@link PipelineSettings#frameBudgetMb()}
 * @param maxMegapixels see {@link PipelineSettings#maxMegapixels()}
 * @param inferenceBatch see {@link PipelineSettings#inferenceBatch()}
 * @param modelsDir where NIMA weights and converted models are kept
 * @param weightsFile the Keras weights to use; empty means {@code modelsDir/weights.h5}, downloaded if missing
 * @param weightsUrl where missing weights are downloaded from
 * @param cpu run the model on the CPU even when a GPU is available
 * @param normalization pixel scaling fed to the model (TRAINED or ORIGINAL)
 * @param bf16 run the model in bfloat16 on CPUs that support it
 */
@ConfigurationProperties("perfectframe")
@Validated
@ValidPipelineSettings
public record PerfectFrameProperties(
        Path inputDirectory,
        Path outputDirectory,
        List<Path> allowedRoots,
        Integer decoderThreads,
        Integer prepareThreads,
        Integer writerThreads,
        Integer frameBudgetMb,
        Integer inferenceBatch,
        Integer maxMegapixels,
        Path modelsDir,
        Path weightsFile,
        URI weightsUrl,
        Boolean cpu,
        Normalization normalization,
        Boolean bf16) {

    public PerfectFrameProperties {
        inputDirectory = inputDirectory != null ? inputDirectory : ExtractionRequest.DEFAULT_INPUT;
        outputDirectory = outputDirectory != null ? outputDirectory : ExtractionRequest.DEFAULT_OUTPUT;
        allowedRoots = allowedRoots != null ? List.copyOf(allowedRoots) : List.of();
    }

    /**
     * The pipeline settings these properties describe.
     *
     * @throws InvalidSettingException for a value the settings refuse (checked at start-up, see {@link
     *     ValidPipelineSettings})
     */
    public PipelineSettings pipelineSettings() {
        return PipelineSettings.builder()
                .decoderThreads(decoderThreads)
                .prepareThreads(prepareThreads)
                .writerThreads(writerThreads)
                .frameBudgetMb(frameBudgetMb)
                .inferenceBatch(inferenceBatch)
                .maxMegapixels(maxMegapixels)
                .build();
    }

    /** The model these properties describe. */
    public NimaOptions modelOptions() {
        return NimaOptions.of(modelsDir, weightsFile, weightsUrl, cpu, normalization, bf16);
    }

    /** {@code frame_budget_mb} → {@code perfectframe.frame-budget-mb}. */
    static String propertyName(InvalidSettingException e) {
        return "perfectframe." + e.setting().replace('_', '-');
    }

    /** {@code frame_budget_mb} → {@code frameBudgetMb}, this record's component. */
    static String componentName(InvalidSettingException e) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : e.setting().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The roots actually enforced: the configured ones, or the working directory. */
    public List<Path> effectiveAllowedRoots() {
        return allowedRoots.isEmpty() ? List.of(Path.of("")) : allowedRoots;
    }
}
