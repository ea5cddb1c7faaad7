package com.perfectframe.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.SyntheticModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DNS rebinding against a real server on loopback: a page whose name resolves to this machine reaches the service
 * with its own name in {@code Host} (and, for a POST, a matching {@code Origin}). Only loopback names, IP addresses
 * and the names of {@code perfectframe.allowed-hosts} are answered.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perfectframe.allowed-hosts=photos.example.org, .home.arpa")
class HostCheckTests {

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @BeforeAll
    static void folders() throws Exception {
        Files.createDirectories(root.resolve("in"));
        Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("out/manifest.csv"), "file,source,timestamp,frame_number,score,model\n");
    }

    @Test
    void aRebindingPageIsAnswered421AndStartsNoJob() throws Exception {
        String evil = "rebind.evil.example:" + port;
        for (String path : new String[] {"/folders", "/gallery", "/", "/ui/", "/v3/api-docs", "/actuator/health"}) {
            RawHttp.Answer answer = RawHttp.get(port, path, evil, "Accept", "application/json");
            assertThat(answer.status()).as(path).isEqualTo(421);
            assertThat(answer.header("Content-Type")).as(path).contains("json");
            assertThat(answer.body()).as(path).contains("\"error\"").contains("rebind.evil.example");
            assertThat(answer.body()).as(path).doesNotContain(root.toString());
        }
        RawHttp.Answer post =
                RawHttp.send(port, "POST", "/extractors/best_frames_extractor", evil, "{}", "Origin", "http://" + evil);
        assertThat(post.status()).isEqualTo(421);
        RawHttp.Answer status = RawHttp.get(port, "/", "127.0.0.1:" + port, "Accept", "application/json");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("\"active_extractor\":null").contains("\"last_job\":null");
    }

    @Test
    void namesThatOnlyLookAllowedAreRefused() throws Exception {
        for (String host : new String[] {
            "photos.example.org.evil.example",
            "xphotos.example.org",
            "home.arpa.evil.example",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "0x7f000001",
            "2130706433",
            "256.0.0.1",
            "evil.example"
        }) {
            assertThat(RawHttp.get(port, "/folders", host + ":" + port).status())
                    .as(host)
                    .isEqualTo(421);
        }
    }

    @Test
    void loopbackNamesAddressesAndTheConfiguredNamesAreAnswered() throws Exception {
        for (String host : new String[] {
            "localhost",
            "LOCALHOST.",
            "app.localhost",
            "127.0.0.1",
            "127.0.1.1",
            "[::1]",
            "192.168.1.20",
            "photos.example.org",
            "Photos.Example.Org",
            "nas.home.arpa"
        }) {
            RawHttp.Answer answer = RawHttp.get(port, "/folders", host + ":" + port, "Accept", "application/json");
            assertThat(answer.status()).as(host).isEqualTo(200);
            assertThat(answer.body()).as(host).contains("\"roots\"");
        }
        assertThat(RawHttp.get(port, "/folders", "localhost").status()).isEqualTo(200);
    }

    @Test
    void theOriginIsComparedWithTheCheckedHost() throws Exception {
        String published = "photos.example.org:" + port;
        RawHttp.Answer same = RawHttp.send(
                port,
                "POST",
                "/extractors/best_frames_extractor",
                published,
                "{\"batch_size\": 0}",
                "Origin",
                "http://" + published);
        assertThat(same.status()).as(same.body()).isEqualTo(400);
        assertThat(same.body()).contains("batch_size");
        RawHttp.Answer other = RawHttp.send(
                port,
                "POST",
                "/extractors/best_frames_extractor",
                published,
                "{\"batch_size\": 0}",
                "Origin",
                "http://localhost:" + port);
        assertThat(other.status()).isEqualTo(403);
    }
}
