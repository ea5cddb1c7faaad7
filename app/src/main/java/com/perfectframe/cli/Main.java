package com.perfectframe.cli;

import com.perfectframe.platform.JavaCppLogging;
import com.perfectframe.platform.ProcessRestart;

/** The jar's entry point: the command line, after the process restarted once if it needed to ({@link ProcessRestart}). */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        ProcessRestart.once();
        JavaCppLogging.toSlf4j();
        System.exit(PerfectFrameCli.execute(args));
    }
}
