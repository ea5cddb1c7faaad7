package com.perfectframe.score.nima;

import com.perfectframe.image.Normalization;
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
 *     carried so callers build a matching {@link com.perfectframe.image.NimaPreprocessor})
 * @param foldBatchNorm fold batch normalisation into the convolutions at export (exact within 1e-4, faster)
 * @param nativeCacheDir where TensorFlow's native library is extracted
 */
public record NimaOptions(Path modelsDir, Path weightsFile, URI weightsUrl, boolean forceCpu,
        Normalization normalization, boolean foldBatchNorm, Path nativeCacheDir) {

    /** The original tool's weights. */
    public static final URI DEFAULT_WEIGHTS_URL =
            URI.create("https://huggingface.co/BKDDFS/nima_weights/resolve/main/weights.h5");

    public NimaOptions {
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(weightsUrl, "weightsUrl");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(nativeCacheDir, "nativeCacheDir");
    }

    public static NimaOptions defaults() {
        return new NimaOptions(Path.of("models"), null, DEFAULT_WEIGHTS_URL, false, Normalization.TRAINED, true,
                TensorflowNativeBootstrap.defaultCacheRoot());
    }

    /** The weights file actually used: the given one, or {@code modelsDir/weights.h5}. */
    public Path resolvedWeightsFile() {
        return weightsFile != null ? weightsFile : modelsDir.resolve("weights.h5");
    }

    public NimaOptions withModelsDir(Path dir) {
        return new NimaOptions(dir, weightsFile, weightsUrl, forceCpu, normalization, foldBatchNorm, nativeCacheDir);
    }

    public NimaOptions withWeightsFile(Path file) {
        return new NimaOptions(modelsDir, file, weightsUrl, forceCpu, normalization, foldBatchNorm, nativeCacheDir);
    }

    public NimaOptions withWeightsUrl(URI url) {
        return new NimaOptions(modelsDir, weightsFile, url, forceCpu, normalization, foldBatchNorm, nativeCacheDir);
    }

    public NimaOptions withForceCpu(boolean cpu) {
        return new NimaOptions(modelsDir, weightsFile, weightsUrl, cpu, normalization, foldBatchNorm, nativeCacheDir);
    }

    public NimaOptions withNormalization(Normalization n) {
        return new NimaOptions(modelsDir, weightsFile, weightsUrl, forceCpu, n, foldBatchNorm, nativeCacheDir);
    }

    public NimaOptions withFoldBatchNorm(boolean fold) {
        return new NimaOptions(modelsDir, weightsFile, weightsUrl, forceCpu, normalization, fold, nativeCacheDir);
    }
}
