import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load client of bench/service_load.sh (run with `java bench/LoadClient.java`, no dependency).
 *
 * <pre>
 * get URL RATE SECONDS     GET at a fixed rate; latency measured from each request's scheduled time (so a stalled
 *                          server is not hidden by the client waiting): prints "n= ok= p50_ms= p99_ms= max_ms="
 * posts URL N JSON         N POSTs released at once; prints "200=… 409=…"
 * </pre>
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(16))
                .build();
        switch (args[0]) {
            case "get" -> get(http, URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "posts" -> posts(http, URI.create(args[1]), Integer.parseInt(args[2]), args[3]);
            default -> throw new IllegalArgumentException("get or posts");
        }
        System.exit(0);
    }

    static void get(HttpClient http, URI url, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * periodNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        latencies.add((System.nanoTime() - scheduled) / 1e6);
                        if (error == null && response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                java.util.Locale.ROOT,
                "n=%d ok=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                sorted.size(),
                ok.get(),
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void posts(HttpClient http, URI url, int n, String json) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(url)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
                String status;
                try {
                    ready.countDown();
                    go.await();
                    status = Integer.toString(
                            http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
                } catch (Exception e) {
                    status = "error";
                }
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            });
            t.start();
            threads.add(t);
        }
        ready.await();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        StringBuilder line = new StringBuilder();
        new TreeMap<>(statuses).forEach((s, c) -> line.append(s).append('=').append(c).append(' '));
        System.out.println(line.toString().strip());
    }
}
