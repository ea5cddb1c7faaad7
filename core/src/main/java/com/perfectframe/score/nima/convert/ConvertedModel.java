package com.perfectframe.score.nima.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A NIMA SavedModel exported under the models folder, with what it was made from (read back from
 * {@value #METADATA} in the SavedModel folder).
 *
 * @param dir the SavedModel folder
 * @param weightsSha256 SHA-256 of the Keras weights file it was converted from
 * @param synthetic whether those weights were synthetic (scores meaningless)
 * @param fusedBatchNorm whether BN was folded into the convolutions
 * @param flopsPerImage FLOPs of one 224² image, counted on the built graph
 * @param parameterCount parameters of the Keras model
 */
public record ConvertedModel(
        Path dir,
        String weightsSha256,
        boolean synthetic,
        boolean fusedBatchNorm,
        long flopsPerImage,
        long parameterCount) {

    /** Name of the SavedModel's input: N×224×224×3 float32 pictures, preprocessed. */
    public static final String INPUT_NAME = "input";
    /** Name of the SavedModel's output: one NIMA mean score (1 to 10) per picture. */
    public static final String SCORES_NAME = "scores";
    /** Side of the model's square input, in pixels. */
    public static final int INPUT_SIZE = InceptionResNetV2.INPUT_SIZE;

    static final String METADATA = "perfectframe-model.properties";

    void writeMetadata(Path into) {
        Properties p = new Properties();
        p.setProperty("weightsSha256", weightsSha256);
        p.setProperty("synthetic", Boolean.toString(synthetic));
        p.setProperty("fusedBatchNorm", Boolean.toString(fusedBatchNorm));
        p.setProperty("flopsPerImage", Long.toString(flopsPerImage));
        p.setProperty("parameterCount", Long.toString(parameterCount));
        p.setProperty("inputSize", Integer.toString(InceptionResNetV2.INPUT_SIZE));
        try (OutputStream out = Files.newOutputStream(into.resolve(METADATA))) {
            p.store(out, "NIMA SavedModel converted by PerfectFrame");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the metadata of a complete SavedModel folder, or returns null when it is absent or incomplete. */
    static ConvertedModel read(Path dir) {
        Path file = dir.resolve(METADATA);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return new ConvertedModel(
                    dir,
                    p.getProperty("weightsSha256"),
                    Boolean.parseBoolean(p.getProperty("synthetic")),
                    Boolean.parseBoolean(p.getProperty("fusedBatchNorm")),
                    Long.parseLong(p.getProperty("flopsPerImage")),
                    Long.parseLong(p.getProperty("parameterCount")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
