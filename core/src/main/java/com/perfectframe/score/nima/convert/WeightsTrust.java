package com.perfectframe.score.nima.convert;

import com.perfectframe.score.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of each weights file as it was when first used, so that a later change to the file (a bit-flip, a
 * replaced download) is reported instead of silently changing every score. The record is {@value #FILE_NAME} in the
 * models folder, in {@code sha256sum} format: one line per weights file, named relative to the models folder when
 * it lies there (so {@code cd models && sha256sum -c trusted-weights.sha256} checks it), absolutely otherwise. New
 * weights are accepted on purpose with {@code model trust}, or by deleting their line (or the file).
 */
public final class WeightsTrust {

    /** Name of the record in the models folder. */
    public static final String FILE_NAME = "trusted-weights.sha256";

    private static final Logger log = LoggerFactory.getLogger(WeightsTrust.class);

    private WeightsTrust() {}

    /**
     * Checks the weights' SHA-256 against the record, recording it when the file is used for the first time.
     *
     * @throws ModelException naming the file, both hashes and how to accept the change, when it differs
     */
    public static void check(Path modelsDir, Path weightsFile, String sha256) {
        Path record = modelsDir.resolve(FILE_NAME);
        String name = nameOf(modelsDir, weightsFile);
        Map<String, String> trusted = read(record);
        String recorded = trusted.get(name);
        if (recorded == null) {
            trusted.put(name, sha256);
            try {
                write(record, trusted);
                log.info("Recorded the SHA-256 of {} ({}) in {}", weightsFile, sha256, record);
            } catch (IOException e) {
                log.warn(
                        "Could not record the SHA-256 of {} in {} ({}); a later change to the weights would go unnoticed",
                        weightsFile,
                        record,
                        e.getMessage());
            }
            return;
        }
        if (!recorded.equalsIgnoreCase(sha256)) {
            throw new ModelException("Weights file " + weightsFile.toAbsolutePath() + " has changed since it was first"
                    + " used: its SHA-256 is now " + sha256 + ", but " + recorded + " was recorded in "
                    + record.toAbsolutePath() + ". Scores would silently change. Restore the original file, or accept"
                    + " the new weights on purpose with 'model trust --weights " + weightsFile + " --models_dir "
                    + modelsDir + "' (or delete its line in " + FILE_NAME + ").");
        }
    }

    /**
     * Records the weights' current SHA-256 as trusted, replacing what was recorded.
     *
     * @return the record, the hash now trusted and the one trusted before (null when none)
     */
    public static Trusted trust(Path modelsDir, Path weightsFile) throws IOException {
        Path record = modelsDir.resolve(FILE_NAME);
        String sha256 = Sha256.of(weightsFile);
        Map<String, String> trusted = read(record);
        String before = trusted.put(nameOf(modelsDir, weightsFile), sha256);
        write(record, trusted);
        return new Trusted(record, sha256, before);
    }

    /**
     * The outcome of {@link #trust}.
     *
     * @param record the record file
     * @param sha256 the hash now trusted
     * @param before the hash trusted before, or null
     */
    public record Trusted(Path record, String sha256, String before) {}

    /** The name of a weights file in the record: relative to the models folder when inside it. */
    static String nameOf(Path modelsDir, Path weightsFile) {
        Path models = modelsDir.toAbsolutePath().normalize();
        Path weights = weightsFile.toAbsolutePath().normalize();
        return weights.startsWith(models) ? models.relativize(weights).toString() : weights.toString();
    }

    private static Map<String, String> read(Path record) {
        Map<String, String> trusted = new LinkedHashMap<>();
        if (!Files.isRegularFile(record)) {
            return trusted;
        }
        try {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                // sha256sum's format: 64 hex digits, a space, a space (text) or '*' (binary), the name.
                if (line.length() > 66 && line.substring(0, 64).matches("[0-9a-fA-F]{64}")) {
                    trusted.put(line.substring(66), line.substring(0, 64).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new ModelException(
                    "Cannot read the record of trusted weights " + record.toAbsolutePath() + " (" + e.getMessage()
                            + "); fix its permissions or delete it to record the weights again.",
                    e);
        }
        return trusted;
    }

    private static void write(Path record, Map<String, String> trusted) throws IOException {
        StringBuilder text = new StringBuilder();
        trusted.forEach(
                (name, sha) -> text.append(sha).append("  ").append(name).append('\n'));
        Path dir = record.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + FILE_NAME, ".part");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
