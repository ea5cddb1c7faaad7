package com.perfectframe.extract.select;

/**
 * Hears the verdict on each sample of a video as the rules reach it (once per sample): the per-sample CSV, or
 * nothing.
 */
@FunctionalInterface
public interface SelectionLog {

    SelectionLog NONE = (sample, verdict) -> {};

    /** Called before the rule passes the sample on or closes it. */
    void verdict(Scored sample, Verdict verdict);
}
