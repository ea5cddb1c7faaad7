package com.perfectframe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.perfectframe.extract.ExtractorFactory;
import com.perfectframe.extract.run.ExtractionSummary;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Ten clients posting at once over HTTP: one job starts, nine get 409 naming it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobSlotRaceApiTests {

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @MockitoBean
    ExtractorFactory extractors;

    @DynamicPropertySource
    static void roots(DynamicPropertyRegistry registry) throws Exception {
        Files.createDirectories(root.resolve("in"));
        registry.add("perfectframe.allowed-roots", () -> root.toString());
        registry.add("perfectframe.input-directory", () -> root.resolve("in").toString());
        registry.add("perfectframe.output-directory", () -> root.resolve("out").toString());
    }

    @Test
    void tenSimultaneousPostsStartOneJob() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(extractors.forRequest(any(), any())).thenReturn((request, progress, cancellation) -> {
            release.await();
            return new ExtractionSummary(0, 0, 0, 0, Duration.ZERO, List.of());
        });
        ApiClient api = new ApiClient(port);
        CyclicBarrier barrier = new CyclicBarrier(10);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> codes = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return api.post("/extractors/best_frames_extractor", "{\"all_frames\": true}");
                }));
            }
            for (Future<HttpResponse<String>> f : futures) {
                codes.add(f.get().statusCode());
                bodies.add(f.get().body());
            }
            assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
            assertThat(codes).filteredOn(c -> c == 409).hasSize(9);
            assertThat(bodies).filteredOn(b -> b.contains("already running")).hasSize(9);
            assertThat(api.get("/").body()).contains("\"active_extractor\":\"best_frames_extractor\"");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
