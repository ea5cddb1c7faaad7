package com.perfectframe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.perfectframe.logging.OneLineMessage;
import com.perfectframe.score.nima.NimaScorerFactory;
import org.slf4j.LoggerFactory;

/**
 * Logging for command-line runs: short lines on stderr, and quiet while a progress bar owns the terminal (the bar
 * and the final summary report problems instead), but for the line that says where the model scores (GPU or CPU).
 * TensorFlow's own native log follows {@code -v} too ({@code TensorflowNativeBootstrap}).
 */
final class CliLogging {

    private CliLogging() {}

    static void configure(boolean progressBar, boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        // A message quoting a file name with a line break in it stays one line.
        layout.getInstanceConverterMap().put("msg", OneLineMessage::new);
        // On a terminal with a progress bar, a line first clears the bar's line (the bar is drawn again below it).
        layout.setPattern((progressBar ? "\r\u001b[K" : "") + "%d{HH:mm:ss} %-5level %msg%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.WARN);
        Level ours = verbose ? Level.DEBUG : progressBar ? Level.ERROR : Level.INFO;
        context.getLogger("com.perfectframe").setLevel(ours);
        // One line says, even under the progress bar, whether the GPU is used (and whether the weights are real).
        context.getLogger(NimaScorerFactory.class.getName()).setLevel(verbose ? Level.DEBUG : Level.INFO);
        // DJL warns that it found no CUDA driver on every CPU-only machine; the scorer logs the device it uses.
        context.getLogger("ai.djl").setLevel(verbose ? Level.INFO : Level.ERROR);
        context.getLogger("io.jhdf").setLevel(Level.ERROR);
        // JavaCPP (through SLF4J, see platform.JavaCppLogging) says at every start that OpenBLAS's preset is a release
        // behind the others, which is known and harmless.
        context.getLogger("org.bytedeco.javacpp").setLevel(verbose ? Level.WARN : Level.ERROR);
    }
}
