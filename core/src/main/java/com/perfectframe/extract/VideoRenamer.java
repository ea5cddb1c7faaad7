package com.perfectframe.extract;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/** Marks a video as processed by prefixing its name, the only change ever made to an input. */
final class VideoRenamer {

    private VideoRenamer() {}

    /**
     * Renames the video to {@code prefix + name}.
     *
     * @throws ExtractionException when the new name is taken or the folder is read-only; the video is then unchanged
     */
    static Path markProcessed(Path video, String prefix) throws ExtractionException {
        String newName = prefix + video.getFileName();
        try {
            return OutputFiles.renameNoReplace(video, newName);
        } catch (FileAlreadyExistsException e) {
            throw new ExtractionException(
                    "frames were written but the video was not renamed: " + newName + " already exists");
        } catch (IOException e) {
            throw new ExtractionException("frames were written but the video could not be renamed to " + newName + " ("
                    + e.getMessage() + ")");
        }
    }
}
