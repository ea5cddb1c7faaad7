package com.perfectframe.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.SyntheticModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service's log, as Spring Boot configures it from {@code logback-spring.xml} (named here: the tests' own
 * {@code logback-test.xml} would be taken first): a message is one line.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.config=classpath:logback-spring.xml")
@ExtendWith(OutputCaptureExtension.class)
class ServiceLogTests {

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @Test
    void aNameWithALineBreakCannotForgeALogLine(CapturedOutput output) {
        LoggerFactory.getLogger("com.perfectframe.extract")
                .warn("{}: could not be read", "clip\n2026-12-04T21:00:00.000Z ERROR 1 --- forged.mp4");
        assertThat(output.getOut())
                .contains("clip\\n2026-12-04T21:00:00.000Z ERROR 1 --- forged.mp4: could not be read");
        assertThat(output.getOut().lines()).noneMatch(l -> l.startsWith("2026-12-04T21:00:00.000Z ERROR 1 --- forged"));
        assertThat(output.getOut())
                .as("Spring Boot's console format is kept")
                .contains(" WARN ")
                .contains(" --- [");
    }
}
