package com.perfectframe.extract.output;

import com.perfectframe.extract.run.ExtractionException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Marks a video as processed by prefixing its name, the only change ever made to an input. */
public final class VideoRenamer {

    private VideoRenamer() {}

    /**
     * What is wrong with a prefix for processed videos, or null: it must be a non-empty start of a file name (no
     * separator, no control character such as a line break), and must not start with a dot, which would hide every
     * processed video ({@code .}, {@code ..}, {@code .done_} make dotfiles, and {@code ..} a name some tools refuse).
     */
    public static String prefixProblem(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return "is empty";
        }
        if (prefix.indexOf('/') >= 0 || prefix.indexOf('\\') >= 0) {
            return "holds a folder separator";
        }
        if (prefix.chars().anyMatch(Character::isISOControl)) {
            return "holds a control character";
        }
        if (prefix.startsWith(".")) {
            return "starts with a dot, which would hide every processed video";
        }
        return null;
    }

    /**
     * Renames the video to {@code prefix + name}.
     *
     * @throws ExtractionException one line naming the video, the new name and why it failed (the name is taken, the
     *     video vanished, permission denied, the name is too long); the video is then unchanged
     */
    public static Path markProcessed(Path video, String prefix) throws ExtractionException {
        String newName = prefix + video.getFileName();
        try {
            return OutputFiles.renameNoReplace(video, newName);
        } catch (IOException e) {
            throw new ExtractionException(video.getFileName() + ": the pictures were written but it was not renamed to "
                    + newName + ": " + reason(e, newName));
        }
    }

    private static String reason(IOException e, String newName) {
        if (e instanceof FileAlreadyExistsException) {
            return newName + " already exists (move one of them away, then run again)";
        }
        if (e instanceof NoSuchFileException) {
            return "the video is gone (moved or deleted during the job)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (the input folder is not writable by this user)";
        }
        if (OutputFiles.nameTooLong(e)) {
            return "the new name is too long for the file system (" + newName.length() + " characters)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
