package com.perfectframe.extract.stage;

import java.util.function.Consumer;

/**
 * The preparing stage's work on one input, in both pipelines: a decoded video sample, or an image file, turned into
 * the model's input (and, when a selection rule needs them, the picture's measures). One per preparing thread: a
 * step keeps native scratch memory between inputs.
 *
 * @param <I> the input: a decoded sample, or an image's path
 */
public interface PrepareStep<I> extends AutoCloseable {

    /**
     * Prepares one input. What is worth telling about an input that is still used (a photo cut short…) goes to
     * {@code notes}.
     */
    PreparedPicture prepare(I input, Consumer<String> notes) throws Exception;

    @Override
    default void close() {}
}
