package com.perfectframe.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg} ({@code %m}) as {@link OneLine}: whatever a message quotes (a file name with a line break
 * in it), a log line stays one line. Registered for the command line by {@code cli.CliLogging} and for the service
 * by {@code logback-spring.xml}. Stack traces ({@code %ex}) are printed apart, as before.
 */
public final class OneLineMessage extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return OneLine.of(event.getFormattedMessage());
    }
}
