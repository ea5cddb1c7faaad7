package com.perfectframe.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the output folder exists and can be written before a job spends time on its inputs. */
final class OutputFolder {

    private OutputFolder() {}

    static Path prepare(Path directory) throws ExtractionException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ExtractionException(
                    "Output folder " + directory.toAbsolutePath() + " cannot be created (" + e.getMessage() + ").");
        }
        if (!Files.isWritable(directory)) {
            throw new ExtractionException("Output folder " + directory.toAbsolutePath() + " is not writable.");
        }
        return directory;
    }
}
