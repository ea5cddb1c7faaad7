package com.perfectframe.score;

/** The model cannot be loaded (weights missing and not downloadable, corrupt file…); the message says what to do. */
public class ModelUnavailableException extends Exception {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
