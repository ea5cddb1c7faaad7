package com.perfectframe.video.container;

import java.nio.file.Path;

/** A video that cannot be opened or decoded; the message names the file and says what is wrong with it. */
public class VideoException extends Exception {

    private final transient Path file;
    private final String problem;

    public VideoException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file's name: for messages that name the file themselves. */
    public String problem() {
        return problem;
    }
}
