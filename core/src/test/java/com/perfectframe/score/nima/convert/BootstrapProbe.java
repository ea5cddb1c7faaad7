package com.perfectframe.score.nima.convert;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/** Run in a child JVM by {@link TensorflowNativeBootstrapTests}: loads TensorFlow from the given cache folder. */
public final class BootstrapProbe {

    private BootstrapProbe() {}

    public static void main(String[] args) {
        Engine engine = TensorflowNativeBootstrap.load(Path.of(args[0]));
        System.out.println(
                "TensorFlow " + engine.getVersion() + " from " + System.getProperty("TENSORFLOW_LIBRARY_PATH"));
    }
}
