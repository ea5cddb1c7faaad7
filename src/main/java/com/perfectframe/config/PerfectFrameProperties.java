package com.perfectframe.config;

import com.perfectframe.image.Normalization;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's settings, bound from {@code perfectframe.*} (application.properties, environment, or
 * {@code --perfectframe.x=y} on the command line) and checked at start-up, so a typo fails fast with the property's
 * name.
 *
 * @param inputDirectory folder used when a request names none
 * @param outputDirectory folder used when a request names none
 * @param allowedRoots folders requests may read and write under; empty means the working directory
 * @param decoderThreads FFmpeg decoder threads per video, 0 for automatic
 * @param writerThreads picture encoding threads, 0 for automatic
 * @param modelsDir where NIMA weights and converted models are kept
 * @param weightsFile the Keras weights to use; empty means {@code modelsDir/weights.h5}, downloaded if missing
 * @param weightsUrl where missing weights are downloaded from
 * @param cpu run the model on the CPU even when a GPU is available
 * @param normalization pixel scaling fed to the model (TRAINED or ORIGINAL)
 * @param inferenceBatch most pictures scored in one model call (bounds inference memory)
 * @param frameBudgetMb memory for decoded frames waiting for their score
 * @param bf16 run the model in bfloat16 on CPUs that support it
 */
@Validated
@ConfigurationProperties("perfectframe")
public record PerfectFrameProperties(
        @NotNull @DefaultValue("input_directory") Path inputDirectory,
        @NotNull @DefaultValue("output_directory") Path outputDirectory,
        @DefaultValue List<Path> allowedRoots,
        @Min(0) @Max(64) @DefaultValue("0") int decoderThreads,
        @Min(0) @Max(64) @DefaultValue("0") int writerThreads,
        @NotNull @DefaultValue("models") Path modelsDir,
        Path weightsFile,

        @NotNull @DefaultValue("https://huggingface.co/BKDDFS/nima_weights/resolve/main/weights.h5")
        URI weightsUrl,

        @DefaultValue("false") boolean cpu,
        @NotNull @DefaultValue("TRAINED") Normalization normalization,
        @Min(1) @Max(1024) @DefaultValue("16") int inferenceBatch,
        @Min(16) @Max(65536) @DefaultValue("48") int frameBudgetMb,
        @DefaultValue("false") boolean bf16) {

    /** The roots actually enforced: the configured ones, or the working directory. */
    public List<Path> effectiveAllowedRoots() {
        return allowedRoots == null || allowedRoots.isEmpty() ? List.of(Path.of("")) : allowedRoots;
    }
}
