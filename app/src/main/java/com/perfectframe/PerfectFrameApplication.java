package com.perfectframe;

import com.perfectframe.cli.PerfectFrameCli;
import com.perfectframe.platform.ProcessRestart;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the jar. Commands run in this process without a web server; {@code serve} starts this class as a
 * Spring Boot REST service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PerfectFrameApplication {

    public static void main(String[] args) {
        ProcessRestart.once();
        int code = PerfectFrameCli.execute(args);
        System.exit(code);
    }
}
