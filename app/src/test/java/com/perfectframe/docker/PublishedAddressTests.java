package com.perfectframe.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The image listens on all its interfaces, and compose publishes it on the host's loopback only: checked in the
 * files without Docker, and for real with an engine (the image's default settings, published as compose does).
 */
class PublishedAddressTests {

    @Test
    void composePublishesOnLoopbackByDefault() throws Exception {
        String compose = Files.readString(Path.of("docker-compose.yaml"));
        assertThat(compose).contains("\"${PERFECTFRAME_PUBLISH:-127.0.0.1}:8100:8100\"");
        assertThat(compose).contains("PERFECTFRAME_PUBLISHED_ADDRESS: ${PERFECTFRAME_PUBLISH:-127.0.0.1}");
        assertThat(compose).doesNotContain("- \"8100:8100\"");
    }

    @Test
    void theImageListensOnAllItsInterfaces() throws Exception {
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("SERVER_ADDRESS=0.0.0.0");
    }

    /**
     * Published on 127.0.0.1 (compose's default): the service answers there, not on the host's other addresses;
     * inside the container port 8100 is its only listening socket.
     */
    @Test
    @SuppressWarnings("resource")
    void theRunningServiceAnswersOnlyOnThePublishedLoopbackPort() throws Exception {
        assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable (see Testcontainers' log above): this test needs one");
        Optional<InetAddress> external = nonLoopbackAddress();
        try (GenericContainer<?> service = new GenericContainer<>(DockerTestImage.get())
                .withExposedPorts(8100)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withPublishAllPorts(false)
                        .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(8100))))
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(3)))) {
            service.start();
            int port = service.getMappedPort(8100);

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");

            if (external.isPresent()) {
                assertThatThrownBy(() -> connect(external.get(), port))
                        .as("port %d on %s (not published there)", port, external.get())
                        .isInstanceOf(IOException.class);
            }
            assertThat(listeningPorts(service))
                    .as("listening TCP ports inside the container")
                    .containsExactly(8100);
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }

    /** Ports of the sockets in state LISTEN (0A) in /proc/net/tcp and tcp6, read inside the container. */
    private static Set<Integer> listeningPorts(GenericContainer<?> container) throws Exception {
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            ExecResult result = container.execInContainer("cat", table);
            for (String line : result.getStdout().lines().skip(1).toList()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals("0A")) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
