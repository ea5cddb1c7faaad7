package com.perfectframe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The service's shipped defaults that matter for its safety on a bare machine. */
class ServiceDefaultsTests {

    private static Properties applicationProperties() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ServiceDefaultsTests.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(applicationProperties().getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void requiresNoTokenByDefault() throws Exception {
        assertThat(applicationProperties().getProperty("perfectframe.api-token", ""))
                .isEmpty();
    }
}
