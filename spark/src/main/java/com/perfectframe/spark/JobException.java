package com.perfectframe.spark;

/** The job could not run at all (no inputs, an unreadable folder); its message is one line for the user. */
final class JobException extends RuntimeException {
    JobException(String message) {
        super(message);
    }

    JobException(String message, Throwable cause) {
        super(message, cause);
    }
}
