package com.perfectframe.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the output folder exists and can be written before a job spends time on its inputs. */
final class OutputFolder {

    private OutputFolder() {}

    /**
     * Prepares the request's output folder, refusing one that is the input folder or inside it: its pictures would
     * be taken for inputs by the next run (top images re-scoring its own copies, 2 then 4 of each).
     */
    static Path prepare(ExtractionRequest request) throws ExtractionException {
        Path input = request.inputDirectory().toAbsolutePath().normalize();
        Path output = request.outputDirectory().toAbsolutePath().normalize();
        if (output.startsWith(input)) {
            throw insideInput(output, input);
        }
        prepare(request.outputDirectory());
        try {
            if (Files.isDirectory(input) && output.toRealPath().startsWith(input.toRealPath())) {
                throw insideInput(output, input);
            }
        } catch (IOException e) {
            // Cannot resolve the links: the lexical check above stands.
        }
        return request.outputDirectory();
    }

    private static ExtractionException insideInput(Path output, Path input) {
        return new ExtractionException(
                "Output folder " + output + " is the input folder " + input
                        + " or inside it: its pictures would be taken for inputs by the next run; choose another output folder.");
    }

    private static Path prepare(Path directory) throws ExtractionException {
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
