package com.perfectframe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging for command-line runs: short lines on stderr, and quiet while a progress bar owns the terminal (the bar
 * and the final summary report problems instead).
 */
final class CliLogging {

    private CliLogging() {}

    static void configure(boolean progressBar, boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss} %-5level %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.WARN);
        Level ours = verbose ? Level.DEBUG : progressBar ? Level.ERROR : Level.INFO;
        context.getLogger("com.perfectframe").setLevel(ours);
        // DJL warns that it found no CUDA driver on every CPU-only machine; the scorer logs the device it uses.
        context.getLogger("ai.djl").setLevel(verbose ? Level.INFO : Level.ERROR);
        context.getLogger("io.jhdf").setLevel(Level.ERROR);
        // JavaCPP (through SLF4J, see platform.JavaCppLogging) says at every start that OpenBLAS's preset is a release
        // behind the others, which is known and harmless.
        context.getLogger("org.bytedeco.javacpp").setLevel(verbose ? Level.WARN : Level.ERROR);
    }
}
