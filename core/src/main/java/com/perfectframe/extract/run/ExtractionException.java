package com.perfectframe.extract.run;

/** A job that cannot run or cannot go on; the message is one sentence for the user naming the file or field. */
public class ExtractionException extends Exception {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
