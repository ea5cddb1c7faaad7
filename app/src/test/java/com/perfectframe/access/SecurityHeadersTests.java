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
 * Against framing (a foreign page framing {@code /ui/} so that a click there starts a job) and content sniffing:
 * every answer, the page, JSON, files, errors and refusals alike, carries the headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    @BeforeAll
    static void folders() throws Exception {
        Files.createDirectories(root.resolve("in"));
    }

    private void assertNotFrameable(RawHttp.Answer answer, String what) {
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
        assertThat(answer.header("Cross-Origin-Resource-Policy")).as(what).isEqualTo("same-origin");
    }

    @Test
    void thePageAllowsOnlyItsOwnFilesAndNoFrame() throws Exception {
        String host = "127.0.0.1:" + port;
        for (String path : new String[] {"/ui/", "/ui/index.html", "/ui/app.js", "/ui/app.css"}) {
            RawHttp.Answer page = RawHttp.get(port, path, host);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertNotFrameable(page, path);
            assertThat(page.header("Content-Security-Policy"))
                    .as(path)
                    .contains("default-src 'self'")
                    .contains("object-src 'none'")
                    .contains("base-uri 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
        }
        // The page holds no inline script or style attribute the policy would block.
        String html = RawHttp.get(port, "/ui/", host).body();
        assertThat(html)
                .contains("<script src=\"app.js\"")
                .doesNotContain("<script>")
                .doesNotContain(" style=");
    }

    @Test
    void jsonErrorsAndRefusalsCarryTheHeadersToo() throws Exception {
        String host = "127.0.0.1:" + port;
        RawHttp.Answer status = RawHttp.get(port, "/", host, "Accept", "application/json");
        assertThat(status.status()).isEqualTo(200);
        assertNotFrameable(status, "GET /");
        assertThat(status.header("Content-Security-Policy")).startsWith("default-src 'none'");
        RawHttp.Answer redirect = RawHttp.get(port, "/", host, "Accept", "text/html");
        assertThat(redirect.status()).isEqualTo(302);
        assertNotFrameable(redirect, "redirect");
        assertNotFrameable(RawHttp.get(port, "/nothing-here", host), "404");
        assertNotFrameable(RawHttp.get(port, "/folders", "evil.example"), "421");
        RawHttp.Answer crossSite = RawHttp.send(
                port, "POST", "/extractors/best_frames_extractor", host, "{}", "Origin", "https://evil.example");
        assertThat(crossSite.status()).isEqualTo(403);
        assertNotFrameable(crossSite, "403");
        RawHttp.Answer swagger = RawHttp.get(port, "/v3/api-docs", host);
        assertThat(swagger.status()).isEqualTo(200);
        assertThat(swagger.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(swagger.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
    }
}
