package com.perfectframe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.perfectframe.extract.ExtractionRequest;
import com.perfectframe.extract.Extractor;
import com.perfectframe.extract.ExtractorName;
import com.perfectframe.extract.run.ExtractionException;
import com.perfectframe.extract.run.ExtractionSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobSlotTests {

    private final JobSlot slot = new JobSlot();
    private final ExtractionRequest request =
            ExtractionRequest.builder(Path.of("in"), Path.of("out")).build();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        slot.close();
    }

    private Extractor blocking(AtomicInteger runs) {
        return (req, progress, cancellation) -> {
            runs.incrementAndGet();
            progress.begin(3);
            release.await();
            return new ExtractionSummary(3, 0, 9, 9, Duration.ZERO, List.of());
        };
    }

    @Test
    void tenSimultaneousStartsRunExactlyOneJob() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        int callers = 10;
        CyclicBarrier barrier = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        slot.start(ExtractorName.BEST_FRAMES, blocking(runs), request);
                        started.incrementAndGet();
                    } catch (JobBusyException e) {
                        assertThat(e.activeExtractor()).isEqualTo("best_frames_extractor");
                        busy.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(started.get()).isEqualTo(1);
        assertThat(busy.get()).isEqualTo(9);
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
        assertThat(slot.current()).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(JobStatus.State.RUNNING));
    }

    @Test
    void keepsTheOutcomeAndFreesTheSlotWhenAJobEnds() throws Exception {
        slot.start(ExtractorName.BEST_FRAMES, blocking(new AtomicInteger()), request);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slot.current().isEmpty());
        JobStatus last = slot.last().orElseThrow();
        assertThat(last.state()).isEqualTo(JobStatus.State.SUCCEEDED);
        assertThat(last.summary().filesProcessed()).isEqualTo(3);
        assertThat(last.finishedAt()).isNotNull();
        // The slot is free again.
        slot.start(
                ExtractorName.TOP_IMAGES,
                (r, p, c) -> {
                    throw new ExtractionException("No images in the folder.");
                },
                request);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> slot.last().orElseThrow().extractor() == ExtractorName.TOP_IMAGES);
        assertThat(slot.last().orElseThrow().state()).isEqualTo(JobStatus.State.FAILED);
        assertThat(slot.last().orElseThrow().error()).isEqualTo("No images in the folder.");
    }

    @Test
    void reportsUnexpectedFailuresWithoutKillingTheSlot() throws Exception {
        slot.start(
                ExtractorName.BEST_FRAMES,
                (r, p, c) -> {
                    throw new IllegalStateException("boom");
                },
                request);
        await().atMost(Duration.ofSeconds(5)).until(() -> slot.last().isPresent());
        assertThat(slot.last().orElseThrow().error()).contains("boom");
        assertThat(slot.current()).isEmpty();
        assertThatThrownBy(() -> {
                    slot.start(ExtractorName.BEST_FRAMES, blocking(new AtomicInteger()), request);
                    slot.start(ExtractorName.BEST_FRAMES, blocking(new AtomicInteger()), request);
                })
                .isInstanceOf(JobBusyException.class);
    }
}
