package com.perfectframe.score;

/**
 * A problem with the scoring model that the user can act on (missing or corrupt weights file, unexpected layer,
 * no network to download from). The message is one sentence that names the file or layer and says what to do,
 * so callers print it as is instead of a stack trace.
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
