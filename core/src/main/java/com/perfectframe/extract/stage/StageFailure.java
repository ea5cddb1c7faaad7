package com.perfectframe.extract.stage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A failure typed with the stage it happened in and the input it belongs to.
 *
 * <p>An {@link Scope#INPUT} failure counts against that one video or image, and the job goes on with the others; a
 * {@link Scope#JOB} failure (the output folder cannot be written, the model fails) stops the job. The message is
 * one sentence for the user.
 */
public final class StageFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** How much a failure stops. */
    public enum Scope {
        /** Only the input it belongs to. */
        INPUT,
        /** The whole job. */
        JOB
    }

    private final StageName stage;
    private final transient Path input;
    private final Scope scope;

    private StageFailure(StageName stage, Path input, Scope scope, String message, Throwable cause) {
        super(message, cause);
        this.stage = Objects.requireNonNull(stage);
        this.input = input;
        this.scope = Objects.requireNonNull(scope);
    }

    /** A failure that only loses {@code input}. */
    public static StageFailure ofInput(StageName stage, Path input, String message, Throwable cause) {
        return new StageFailure(stage, Objects.requireNonNull(input), Scope.INPUT, message, cause);
    }

    /** A failure that stops the job; {@code input} is the one being handled when it happened, or null. */
    public static StageFailure ofJob(StageName stage, Path input, String message, Throwable cause) {
        return new StageFailure(stage, input, Scope.JOB, message, cause);
    }

    /** An unexpected exception of a stage, counted against the input being handled. */
    public static StageFailure unexpected(StageName stage, Path input, Throwable cause) {
        return ofInput(stage, input, describe(cause), cause);
    }

    /** The failure an exception of a stage stands for: its own typing, or one against the input being handled. */
    public static StageFailure typed(StageName stage, Path input, Exception e) {
        return e instanceof StageFailure typed ? typed : unexpected(stage, input, e);
    }

    /** One line for an exception: its message, or its type when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    public StageName stage() {
        return stage;
    }

    /** The input file, or null for a job failure that belongs to none. */
    public Path input() {
        return input;
    }

    public boolean stopsJob() {
        return scope == Scope.JOB;
    }
}
