package com.perfectframe.job;

/** A job was asked for while another one holds the slot. */
public class JobBusyException extends Exception {

    private final String activeExtractor;

    public JobBusyException(String activeExtractor) {
        super("'" + activeExtractor + "' is already running; wait for it to finish (GET / shows its progress).");
        this.activeExtractor = activeExtractor;
    }

    public String activeExtractor() {
        return activeExtractor;
    }
}
