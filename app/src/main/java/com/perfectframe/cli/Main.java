package com.perfectframe.cli;

import com.perfectframe.platform.JavaCppLogging;
import com.perfectframe.platform.NativeMemory;

/** The jar's entry point: the command line, after the process limited glibc's malloc arenas (it may restart). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        JavaCppLogging.toSlf4j();
        NativeMemory.restartWithArenaLimit();
        System.exit(PerfectFrameCli.execute(args));
    }
}
