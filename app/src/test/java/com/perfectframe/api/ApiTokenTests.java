package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.perfectframe.testing.SyntheticModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code perfectframe.api-token} set, every route but the health check needs the token. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "perfectframe.api-token=s3cret-Token")
class ApiTokenTests {

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) {
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.models-dir", () -> SyntheticModel.modelsDir().toString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRouteNeedsTheToken() throws Exception {
        for (String path : new String[] {
            "/", "/v2/status", "/ui/", "/ui/app.js", "/folders", "/gallery?folder=x", "/v3/api-docs", "/nothing"
        }) {
            HttpResponse<String> response = get(path, "Accept", "application/json");
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                    .startsWith("Bearer");
            assertThat(response.body()).contains("\"error\"").contains("Bearer");
        }
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/extractors/best_frames_extractor"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(get("/", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/", "Authorization", "Basic czNjcmV0LVRva2Vu").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theBearerTokenOpensEveryRoute() throws Exception {
        HttpResponse<String> status = get("/", "Authorization", "Bearer s3cret-Token", "Accept", "application/json");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("active_extractor");
        assertThat(get("/ui/app.js", "Authorization", "Bearer s3cret-Token").statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthStaysOpen() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theBrowserGetsAnHttpOnlyCookieFromTheTokenInThePageAddress() throws Exception {
        assertThat(get("/ui/?token=wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> opened = get("/ui/?token=s3cret-Token");
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).hasValue("/ui/");
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("perfectframe_token" + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .doesNotContain("s3cret-Token");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/ui/", "Cookie", pair).statusCode()).isEqualTo(200);
        HttpResponse<String> status = get("/", "Cookie", pair, "Accept", "application/json");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(get("/gallery/picture?folder=none&file=x.jpg", "Cookie", pair)
                        .statusCode())
                .isNotEqualTo(401);
        assertThat(get("/", "Cookie", "perfectframe_token" + "=forged").statusCode())
                .isEqualTo(401);
    }
}
