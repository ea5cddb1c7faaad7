package com.perfectframe.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.SyntheticModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service reachable beyond loopback without a token says so at start and in every status. */
class ExposureTests {

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @Test
    void loopbackAddressesAndNamesAreTold() {
        assertThat(Exposure.isLoopback("127.0.0.1")).isTrue();
        assertThat(Exposure.isLoopback("127.0.0.2")).isTrue();
        assertThat(Exposure.isLoopback("::1")).isTrue();
        assertThat(Exposure.isLoopback("[::1]")).isTrue();
        assertThat(Exposure.isLoopback("localhost")).isTrue();
        assertThat(Exposure.isLoopback("0.0.0.0")).isFalse();
        assertThat(Exposure.isLoopback("::")).isFalse();
        assertThat(Exposure.isLoopback("")).isFalse();
        assertThat(Exposure.isLoopback("192.168.1.20")).isFalse();
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=0.0.0.0")
    class OnEveryInterfaceWithoutAToken {

        @LocalServerPort
        int port;

        @Test
        void warnsAtStartAndInTheStatus(CapturedOutput output) throws Exception {
            RawHttp.Answer status = RawHttp.get(port, "/", "127.0.0.1:" + port, "Accept", "application/json");
            assertThat(status.body())
                    .contains("\"warnings\":[\"This service can be reached from other machines")
                    .contains("perfectframe.api-token");
            assertThat(output.getAll()).contains("SECURITY WARNING (port " + port + "): This service can be reached");
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"server.address=0.0.0.0", "perfectframe.api-token=t0ken"})
    class OnEveryInterfaceWithAToken {

        @LocalServerPort
        int port;

        @Test
        void saysNothing() throws Exception {
            RawHttp.Answer status = RawHttp.get(
                    port, "/", "127.0.0.1:" + port, "Accept", "application/json", "Authorization", "Bearer t0ken");
            assertThat(status.body()).contains("\"warnings\":[]");
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"server.address=0.0.0.0", "perfectframe.published-address=127.0.0.1"})
    class InAContainerPublishedOnLoopback {

        @LocalServerPort
        int port;

        @Test
        void saysNothing() throws Exception {
            RawHttp.Answer status = RawHttp.get(port, "/", "127.0.0.1:" + port, "Accept", "application/json");
            assertThat(status.body()).contains("\"warnings\":[]");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class OnLoopback {

        @LocalServerPort
        int port;

        @Test
        void saysNothing() throws Exception {
            RawHttp.Answer status = RawHttp.get(port, "/", "127.0.0.1:" + port, "Accept", "application/json");
            assertThat(status.body()).contains("\"warnings\":[]");
        }
    }
}
