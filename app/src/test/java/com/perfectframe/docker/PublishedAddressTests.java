package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Without Docker: the image listens on all its interfaces, and compose publishes it on the host's loopback only. */
class PublishedAddressTests {

    @Test
    void composePublishesOnLoopbackByDefault() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yaml"));
        assertThat(compose).contains("\"${PERFECTFRAME_PUBLISH:-127.0.0.1}:8100:8100\"");
        assertThat(compose).doesNotContain("- \"8100:8100\"");
    }

    @Test
    void theImageListensOnAllItsInterfaces() throws Exception {
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("SERVER_ADDRESS=0.0.0.0");
    }
}
