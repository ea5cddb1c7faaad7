package com.perfectframe.score.nima;

import com.perfectframe.score.nima.convert.TensorflowNativeBootstrap;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to open the NIMA scorer.
 *
 * @param modelsDir where weights and converted models live (default {@code ./models})
 * @param weightsFile the Keras weights file to use, or null for {@code modelsDir/weights.h5}, downloaded from
 *     {@code weightsUrl} when missing
 * @param weightsUrl where to download the weights from
 * @param forceCpu run on the CPU even when a GPU is usable
 * @param normalization the pixel scaling the caller's preprocessing uses (the scorer does not rescale; this is
 *     carried so callers build a matching {@link com.perfectframe.score.nima.NimaPreprocessor})
 * @param foldBatchNorm fold batch normalisation into the convolutions at export (exact within 1e-4, faster)
 * @param nativeCacheDir where TensorFlow's native library is extracted
 * @param bfloat16 run on the CPU with TensorFlow's oneDNN bfloat16 auto-mixed-precision (opt-in: about 1.5–1.8×
 *     faster at batch ≥ 16 on CPUs with AVX512-BF16, scores within about 0.03 of fp32; see bench/nima.sh)
 */
public record NimaOptions(
        Path modelsDir,
        Path weightsFile,
        URI weightsUrl,
        boolean forceCpu,
        Normalization normalization,
        boolean foldBatchNorm,
        Path nativeCacheDir,
        boolean bfloat16) {

    /** The original tool's weights. */
    public static final URI DEFAULT_WEIGHTS_URL =
            URI.create("https://huggingface.co/BKDDFS/nima_weights/resolve/main/weights.h5");

    /** Where weights and converted models are kept, relative to the working directory. */
    public static final String DEFAULT_MODELS_DIR = "models";

    public NimaOptions {
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(weightsUrl, "weightsUrl");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(nativeCacheDir, "nativeCacheDir");
    }

    public static NimaOptions defaults() {
        return new NimaOptions(
                Path.of(DEFAULT_MODELS_DIR),
                null,
                DEFAULT_WEIGHTS_URL,
                false,
                Normalization.TRAINED,
                true,
                TensorflowNativeBootstrap.defaultCacheRoot(),
                false);
    }

    /**
     * The defaults, with the given values instead where they are not null: how front ends map their optional
     * options and properties (an unset one keeps the default).
     */
    public static NimaOptions of(
            Path modelsDir, Path weightsFile, URI weightsUrl, Boolean cpu, Normalization normalization, Boolean bf16) {
        NimaOptions defaults = defaults();
        return new NimaOptions(
                modelsDir != null ? modelsDir : defaults.modelsDir,
                weightsFile,
                weightsUrl != null ? weightsUrl : defaults.weightsUrl,
                cpu != null ? cpu : defaults.forceCpu,
                normalization != null ? normalization : defaults.normalization,
                defaults.foldBatchNorm,
                defaults.nativeCacheDir,
                bf16 != null ? bf16 : defaults.bfloat16);
    }

    /** The weights file actually used: the given one, or {@code modelsDir/weights.h5}. */
    public Path resolvedWeightsFile() {
        return weightsFile != null ? weightsFile : modelsDir.resolve("weights.h5");
    }

    public NimaOptions withModelsDir(Path dir) {
        return new NimaOptions(
                dir, weightsFile, weightsUrl, forceCpu, normalization, foldBatchNorm, nativeCacheDir, bfloat16);
    }

    public NimaOptions withWeightsFile(Path file) {
        return new NimaOptions(
                modelsDir, file, weightsUrl, forceCpu, normalization, foldBatchNorm, nativeCacheDir, bfloat16);
    }

    public NimaOptions withWeightsUrl(URI url) {
        return new NimaOptions(
                modelsDir, weightsFile, url, forceCpu, normalization, foldBatchNorm, nativeCacheDir, bfloat16);
    }

    public NimaOptions withForceCpu(boolean cpu) {
        return new NimaOptions(
                modelsDir, weightsFile, weightsUrl, cpu, normalization, foldBatchNorm, nativeCacheDir, bfloat16);
    }

    public NimaOptions withBfloat16(boolean bf16) {
        return new NimaOptions(
                modelsDir, weightsFile, weightsUrl, forceCpu, normalization, foldBatchNorm, nativeCacheDir, bf16);
    }
}
