package com.perfectframe;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The REST service and web page as a Spring Boot application, started by the {@code serve} command. The jar's entry
 * point is the command line ({@link com.perfectframe.cli.Main}): every other command runs without a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PerfectFrameApplication {}
