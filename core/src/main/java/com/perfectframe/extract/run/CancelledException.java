package com.perfectframe.extract.run;

/**
 * The job was cancelled. An {@link InterruptedException}, so that every place that already stops cleanly when its
 * thread is interrupted also stops cleanly on cancellation, and callers can still tell the two apart.
 */
public final class CancelledException extends InterruptedException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("the job was cancelled");
    }
}
