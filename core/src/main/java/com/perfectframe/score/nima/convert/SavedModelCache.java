package com.perfectframe.score.nima.convert;

import com.perfectframe.score.ModelException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a Keras weights file into a TensorFlow SavedModel once, under
 * {@code MODELS/savedmodel/SHA256-nima1[-foldedbn]/}, and reuses it on the next load. The export goes to a temporary folder
 * moved into place when complete, so an interrupted conversion is simply redone; the temporary folders that
 * interrupted conversions left are removed at the next load ({@link ExportFolders}). The weights' hash is first
 * checked against the one recorded at their first use ({@link WeightsTrust}); the converted model's files are checked
 * against the checksums written when it was made ({@link ModelChecksums}), and a damaged model is converted again,
 * with a warning naming what was wrong.
 */
public final class SavedModelCache {

    private static final Logger log = LoggerFactory.getLogger(SavedModelCache.class);
    /** Part of the cache key: bump it when the exported graph changes, so old exports are not reused. */
    static final String CONVERTER_VERSION = "nima1";

    private SavedModelCache() {}

    /**
     * Returns the cached SavedModel for {@code weightsFile}, converting it first when needed. The TensorFlow
     * native library must be loaded ({@link TensorflowNativeBootstrap#load}).
     *
     * @throws ModelException when the weights changed since they were first used
     */
    public static ConvertedModel ensure(Path modelsDir, Path weightsFile, boolean fuseBatchNorm) {
        String sha = Sha256.of(weightsFile);
        WeightsTrust.check(modelsDir, weightsFile, sha);
        ExportFolders.removeStale(modelsDir.resolve("savedmodel"));
        Path dir = modelsDir
                .resolve("savedmodel")
                .resolve(sha + "-" + CONVERTER_VERSION + (fuseBatchNorm ? "-foldedbn" : ""));
        ConvertedModel cached = ConvertedModel.read(dir);
        String damage = cached != null ? ModelChecksums.problem(dir) : Files.exists(dir) ? "it is incomplete" : null;
        if (cached != null && damage == null) {
            log.debug("Reusing converted model {}", dir);
            return cached;
        }
        if (damage != null) {
            log.warn(
                    "The converted model {} cannot be used: {}. Converting it again from {}, which are the trusted"
                            + " weights (about 15 s).",
                    dir,
                    damage,
                    weightsFile);
        }
        return convert(weightsFile, sha, dir, fuseBatchNorm);
    }

    private static ConvertedModel convert(Path weightsFile, String sha, Path dir, boolean fuseBatchNorm) {
        Architecture architecture = Architecture.nima();
        KerasWeights weights = KerasWeightsReader.read(weightsFile, architecture);
        log.info("Converting {} into a TensorFlow SavedModel at {} (once)", weightsFile, dir);
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw notWritable(dir, e);
        }
        try (ExportFolders.Claimed tmp = ExportFolders.claim(dir.getParent())) {
            Path exportDir = tmp.folder().resolve("model");
            ConvertedModel model;
            try (NimaSession session = NimaSession.build(weights, fuseBatchNorm)) {
                session.export(exportDir);
                model = new ConvertedModel(
                        dir,
                        sha,
                        weights.synthetic(),
                        fuseBatchNorm,
                        session.flopsPerImage(),
                        architecture.parameterCount());
            }
            model.writeMetadata(exportDir);
            ModelChecksums.write(exportDir);
            Folders.deleteRecursively(dir); // an incomplete leftover, since read() did not accept it
            try {
                Files.move(exportDir, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(exportDir, dir);
            }
            return model;
        } catch (IOException e) {
            throw notWritable(dir, e);
        }
    }

    private static ModelException notWritable(Path dir, IOException e) {
        return new ModelException(
                "Could not write the converted model under " + dir.getParent() + " (" + e.getMessage()
                        + "); check that the models folder is writable.",
                e);
    }
}
