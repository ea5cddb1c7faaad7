package com.perfectframe.platform;

/**
 * Sends JavaCPP's own messages through SLF4J instead of printing them on stderr, so that they follow the process's
 * log configuration like every other library's.
 *
 * <p>It matters because OpenBLAS's preset is a release behind the other native libraries (its 1.5.14 build is not on
 * Maven Central, see docs/architecture.md, "Native libraries"): JavaCPP then says "Versions of org.bytedeco:javacpp
 * and org.bytedeco:openblas do not match" at every start, which the command line keeps below its level while
 * a run that asks for details (verbose) still shows it.
 */
public final class JavaCppLogging {

    /** JavaCPP's switch, read once when its {@code Loader} class is first used. */
    static final String PROPERTY = "org.bytedeco.javacpp.logger";

    private JavaCppLogging() {}

    /** Call first thing in {@code main}, before any FFmpeg, OpenCV or TensorFlow class loads; a choice made with -D wins. */
    public static void toSlf4j() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "slf4j");
        }
    }
}
