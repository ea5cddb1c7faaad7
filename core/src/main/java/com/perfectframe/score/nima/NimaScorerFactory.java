package com.perfectframe.score.nima;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.cuda.CudaUtils;
import com.perfectframe.score.FrameScorer;
import com.perfectframe.score.ModelException;
import com.perfectframe.score.ModelIdentity;
import com.perfectframe.score.nima.convert.ConvertedModel;
import com.perfectframe.score.nima.convert.SavedModelCache;
import com.perfectframe.score.nima.convert.TensorflowNativeBootstrap;
import com.perfectframe.score.nima.convert.WeightsDownloader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the NIMA scorer: loads TensorFlow's native library, finds (or downloads) the weights, converts them to a
 * SavedModel once, and loads that through DJL on the CPU or the GPU.
 */
public final class NimaScorerFactory {

    private static final Logger log = LoggerFactory.getLogger(NimaScorerFactory.class);

    private NimaScorerFactory() {}

    /**
     * Opens the scorer described by {@code options}; the first time for given weights this converts them (about
     * 15 s), later opens reuse the SavedModel (a few seconds).
     *
     * @throws ModelException when the weights are missing and cannot be downloaded, or are not NIMA's
     */
    public static FrameScorer open(NimaOptions options) {
        TensorflowNativeBootstrap.load(options.nativeCacheDir());
        ConvertedModel converted =
                SavedModelCache.ensure(options.modelsDir(), weights(options), options.foldBatchNorm());
        return load(converted, options.forceCpu(), options.bfloat16());
    }

    /** The weights file to convert, downloading {@code modelsDir/weights.h5} when it is missing. */
    static Path weights(NimaOptions options) {
        Path file = options.resolvedWeightsFile();
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (options.weightsFile() != null) {
            throw new ModelException("Weights file " + file + " does not exist; pass the path of NIMA's weights.h5.");
        }
        return WeightsDownloader.download(options.weightsUrl(), file);
    }

    /** Loads a converted model on the CPU, or on the GPU when there is one and {@code forceCpu} is false. */
    public static FrameScorer load(ConvertedModel converted, boolean forceCpu, boolean bfloat16) {
        boolean gpu = !forceCpu && CudaUtils.getGpuCount() > 0;
        Device device = gpu ? Device.gpu() : Device.cpu();
        Criteria<ImageBatch, float[]> criteria = Criteria.builder()
                .setTypes(ImageBatch.class, float[].class)
                .optEngine("TensorFlow")
                .optModelPath(converted.dir())
                .optDevice(device)
                .optTranslator(new NimaTranslator())
                .optOption(
                        "ConfigProto",
                        java.util.Base64.getEncoder()
                                .encodeToString(
                                        SessionConfigs.of(!gpu, bfloat16).toByteArray()))
                .build();
        try {
            ZooModel<ImageBatch, float[]> model = criteria.loadModel();
            String deviceName = gpu ? "GPU:0" : "CPU";
            // The one line that says whether the GPU is used (TensorFlow's own log says it only with -v).
            log.info(
                    "NIMA model {} loaded on {}{}",
                    shortSha(converted),
                    gpu ? "GPU:0: scoring on the GPU" : forceCpu ? "CPU (as asked: cpu)" : "CPU: no CUDA GPU found",
                    bfloat16 ? " (bfloat16)" : "");
            if (converted.synthetic()) {
                log.warn("NIMA weights are SYNTHETIC (seeded random): every score is meaningless.");
            }
            return new NimaScorer(
                    model, new ModelIdentity(converted.weightsSha256(), converted.synthetic(), deviceName));
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelException(
                    "Could not load the converted NIMA model " + converted.dir() + " (" + e.getMessage()
                            + "); delete that folder so that it is converted again.",
                    e);
        }
    }

    private static String shortSha(ConvertedModel converted) {
        return converted
                .weightsSha256()
                .substring(0, Math.min(12, converted.weightsSha256().length()));
    }
}
