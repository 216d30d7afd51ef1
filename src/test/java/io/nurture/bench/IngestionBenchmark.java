package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Event ingestion through the real HTTP API, against a baseline in the same run (an authenticated read that costs
 * one query). Prints throughput, latency percentiles, the CPU time per request (this JVM's, client and server: on a
 * machine shared with other work it varies far less than the wall-clock figures) and heap; asserts only that every
 * request succeeded. Run with {@code ./mvnw verify -Pbench}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0",
        "nurture.demo.enabled=false",
        "nurture.sources.bench.write-key=" + IngestionBenchmark.WRITE_KEY })
class IngestionBenchmark {

    static final String WRITE_KEY = "bench-write-key";
    private static final int THREADS = 4;
    private static final int BATCH_SIZE = 100;
    private static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
    // the default deployment's kind of database, a new H2 file; -Dbench.ingestion.url=... for another
    private static final String URL = System.getProperty("bench.ingestion.url",
            "jdbc:h2:file:./target/bench/ingestion-" + System.currentTimeMillis() + ";DB_CLOSE_ON_EXIT=FALSE");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    @LocalServerPort
    int port;

    @Autowired
    ManagementService management;

    @Autowired
    DataSourceProperties dataSource;

    @Test
    void ingestion() throws Exception {
        NurtureClient api = new NurtureClient(port);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            emails.add("bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        }
        run("warm-up", api, REQUESTS / 4, i -> api.get("/api/contacts?email=warm" + i + "@example.com", "demo"));

        List<Result> results = new ArrayList<>();
        results.add(run("baseline: GET /api/contacts?email=", api, REQUESTS,
                i -> api.get("/api/contacts?email=" + emails.get(i), "demo")));
        long jobsBefore = System.nanoTime();
        results.add(run("new lead (contact + ledger + welcome start)", api, REQUESTS, i -> api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Bench"}}"""
                .formatted(emails.get(i)), "demo")));
        // let the job executor send every first welcome mail before the next rows, so they measure ingestion alone
        while (management.createJobQuery().executable().count() > 0) {
            Thread.sleep(100);
        }
        double drainSeconds = (System.nanoTime() - jobsBefore) / 1e9;
        results.add(run("known contact (score + store)", api, REQUESTS, i -> api.post("/api/events", """
                {"type": "page_view", "email": "%s"}""".formatted(emails.get(i)), "demo")));
        results.add(run("duplicate eventId", api, REQUESTS, i -> api.post("/api/events", """
                {"eventId": "dup-1", "type": "page_view", "email": "%s"}""".formatted(emails.get(0)), "demo")));
        results.add(run("Segment /v1/track, known contact", api, REQUESTS, i -> segment(api, "/v1/track", """
                {"type": "track", "event": "Trial Started", "userId": "u-%d", "context": {"traits": {"email": "%s"}}}"""
                .formatted(i, emails.get(i)))));
        int batches = Math.max(1, REQUESTS / 20);
        Result batch = run("Segment /v1/batch, " + BATCH_SIZE + " page views (requests)", api, batches,
                i -> {
                    Response response = segment(api, "/v1/batch", pageBatch(emails, i));
                    assertThat(response.json().path("refused")).as(response.body()).isEmpty();
                    return response;
                });
        results.add(batch);

        System.out.println();
        System.out.println("Nurture ingestion benchmark: " + REQUESTS + " requests per row, " + THREADS
                + " client threads, " + Runtime.getRuntime().availableProcessors() + " cores, " + dataSource.getUrl());
        System.out.printf(Locale.ROOT, "%-46s %10s %9s %9s %9s %9s %11s%n", "scenario", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "cpu ms/req");
        for (Result result : results) {
            System.out.println(result);
        }
        System.out.printf(Locale.ROOT, "Segment /v1/batch: %.0f events/s (%d batches of %d page views)%n",
                batch.perSecond() * BATCH_SIZE, batches, BATCH_SIZE);
        System.out.printf(Locale.ROOT, "first welcome e-mails: %d sent over SMTP, the last %.1f s after the first new"
                + " lead (%.0f mails/s including ingestion)%n", REQUESTS, drainSeconds, REQUESTS / drainSeconds);
        Path file = Path.of(dataSource.getUrl().replaceFirst("^jdbc:h2:file:([^;]*).*$", "$1") + ".mv.db");
        if (Files.exists(file)) {
            System.out.printf(Locale.ROOT, "database file %d MiB%n", Files.size(file) >> 20);
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used %d MiB of %d MiB committed; %d threads%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20,
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private static Response segment(NurtureClient api, String path, String json) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic(WRITE_KEY, "")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String pageBatch(List<String> emails, int batch) {
        StringBuilder messages = new StringBuilder();
        for (int m = 0; m < BATCH_SIZE; m++) {
            int contact = (batch * BATCH_SIZE + m) % emails.size();
            messages.append(m == 0 ? "" : ",").append("""
                    {"type": "page", "userId": "u-%d", "properties": {"path": "/blog/%d"},
                     "context": {"traits": {"email": "%s"}}}""".formatted(contact, m, emails.get(contact)));
        }
        return "{\"batch\": [" + messages + "]}";
    }

    private static Result run(String name, NurtureClient api, int count, IntFunction<Response> call)
            throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = thread; i < count; i += THREADS) {
                    long begin = System.nanoTime();
                    Response response = call.apply(i);
                    latencies[i] = System.nanoTime() - begin;
                    assertThat(response.status()).as(response.body()).isBetween(200, 299);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillisPerRequest = (processCpuNanos() - cpuStart) / 1e6 / count;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(name, count / seconds, latencies, cpuMillisPerRequest);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record Result(String name, double perSecond, long[] sortedNanos, double cpuMillisPerRequest) {

        double percentile(double p) {
            return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-46s %10.0f %9.2f %9.2f %9.2f %9.2f %11.2f", name, perSecond,
                    percentile(0.50), percentile(0.95), percentile(0.99), sortedNanos[sortedNanos.length - 1] / 1e6,
                    cpuMillisPerRequest);
        }
    }
}
