package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Imports 100k generated rows over HTTP (upload to done) while two clients keep posting events, and prints rows/s and
 * the events' latency during the import; then imports the same file again (every row unchanged); then defines
 * {@value #LIVE_SEGMENTS} live segments that imported contacts enter and imports a new file of as many rows, each new
 * contact checked against them (and about half entering each). Between the second and the third, a new file with
 * two more columns mapped to custom properties ({@code plan} text, {@code seats} a number), before any segment.
 * Figures, not assertions: run with {@code ./mvnw verify -Pbench -Dit.test=ContactImportBenchmark} (or ...PostgresBenchmark).
 */
abstract class ContactImportScenarios {

    static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);
    static final int LIVE_SEGMENTS = 3;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    abstract String database();

    /** After an import that grew the tables, outside the measured time. */
    void afterImport() {
    }

    @Test
    void importsHundredThousandRows() throws Exception {
        NurtureClient api = new NurtureClient(port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        byte[] csv = csv(run, false);

        Measured first = importWhileEventsFlow(api, csv, run, MAPPING);
        afterImport();
        Measured again = importWhileEventsFlow(api, csv, run + "-again", MAPPING);
        Measured withProperties = importWhileEventsFlow(api, csv(run + "-props", true), run + "-props",
                MAPPING_WITH_PROPERTIES);
        afterImport();
        defineLiveSegments(api, run);
        Measured withSegments = importWhileEventsFlow(api, csv(run + "-seg", false), run + "-seg", MAPPING);
        long entered = jdbc.sql("SELECT COUNT(*) FROM segment_member m JOIN contact c ON c.id = m.contact_id"
                + " WHERE c.email LIKE ?").param("imported-%-" + run + "-seg@example.com").query(Long.class).single();

        System.out.println();
        System.out.printf(Locale.ROOT, "Contact import on %s: %d rows (%d KB), %d cores%n", database(), ROWS,
                csv.length / 1024, Runtime.getRuntime().availableProcessors());
        print("first import (creates)", first);
        print("same file again (unchanged)", again);
        print("new file, 2 property columns", withProperties);
        print("new file, " + LIVE_SEGMENTS + " live segments", withSegments);
        System.out.printf(Locale.ROOT, "%-28s %d segment entries by the imported contacts%n", "", entered);
        System.out.println();
    }

    private record Measured(JsonNode report, double seconds, List<Long> eventMillis, double importCpuSeconds,
            double processCpuSeconds) {
    }

    private static final String MAPPING = "{\"consentEmail\": \"newsletter\"}";
    private static final String MAPPING_WITH_PROPERTIES = "{\"consentEmail\": \"newsletter\", \"properties\": "
            + "{\"plan\": \"plan\", \"seats\": \"seats\"}}";

    private Measured importWhileEventsFlow(NurtureClient api, byte[] csv, String run, String mapping)
            throws Exception {
        AtomicBoolean importing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> flows = new ArrayList<>();
        for (int client = 0; client < 2; client++) {
            int c = client;
            flows.add(clients.submit(() -> {
                for (int i = 0; importing.get(); i++) {
                    long start = System.nanoTime();
                    Response response = api.post("/api/events", """
                            {"type": "page_view", "email": "flow-%d-%d-%s@example.com"}""".formatted(c, i % 50, run),
                            "demo");
                    assertThat(response.status()).isEqualTo(202);
                    latencies.add((System.nanoTime() - start) / 1_000_000);
                }
            }));
        }
        long start = System.nanoTime();
        long processCpu = processCpuNanos();
        long importCpu = importThreadCpuNanos(); // the worker waits between imports: its CPU since is this one's
        Response started = upload(api, csv, mapping);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode report;
        do {
            Thread.sleep(200);
            report = api.get("/api/imports/" + id, "demo").json();
        } while (report.get("status").asText().matches("QUEUED|RUNNING"));
        double seconds = (System.nanoTime() - start) / 1e9;
        double processCpuSeconds = (processCpuNanos() - processCpu) / 1e9;
        double importCpuSeconds = (importThreadCpuNanos() - importCpu) / 1e9;
        importing.set(false);
        for (Future<?> flow : flows) {
            flow.get();
        }
        clients.shutdown();
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("DONE");
        return new Measured(report, seconds, latencies, importCpuSeconds, processCpuSeconds);
    }

    /** Segments on what the file fills (country, consent, company), so imported contacts enter and are checked. */
    private static void defineLiveSegments(NurtureClient api, String run) throws InterruptedException {
        List<String> rules = List.of("""
                {"all": [{"field": "country", "op": "eq", "value": "DE"}]}""", """
                {"all": [{"field": "consentEmail", "op": "eq", "value": true}]}""", """
                {"all": [{"field": "country", "op": "eq", "value": "FR"}, {"field": "source", "op": "eq",
                         "value": "import"}]}""");
        for (int i = 0; i < LIVE_SEGMENTS; i++) {
            Response created = api.post("/api/segments", "{\"name\": \"import bench " + run + " " + i
                    + "\", \"rule\": " + rules.get(i % rules.size()) + "}", "demo");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!api.get("/api/segments/" + id, "demo").json().get("rebuild").get("state").asText()
                    .equals("done")) {
                assertThat(System.nanoTime()).as("built within 10 minutes").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static void print(String what, Measured measured) {
        List<Long> sorted = new ArrayList<>(measured.eventMillis());
        Collections.sort(sorted);
        JsonNode r = measured.report();
        System.out.printf(Locale.ROOT, "%-28s %7.1f s %8.0f rows/s  created %d updated %d unchanged %d refused %d%n",
                what, measured.seconds(), ROWS / measured.seconds(), r.get("created").asInt(),
                r.get("updated").asInt(), r.get("unchanged").asInt(), r.get("refused").asInt());
        System.out.printf(Locale.ROOT, "%-28s %d events meanwhile, latency p50 %d ms, p99 %d ms, max %d ms%n", "",
                sorted.size(), percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100));
        System.out.printf(Locale.ROOT, "%-28s CPU: import thread %.1f s, whole process %.1f s%n", "",
                measured.importCpuSeconds(), measured.processCpuSeconds());
    }

    /** CPU time, unlike the wall clock, hardly moves with what else the machine runs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The import worker's CPU so far (it starts with the first upload and waits between imports). */
    private static long importThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().equals("contact-import")) {
                cpu += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static byte[] csv(String run, boolean properties) {
        StringBuilder csv = new StringBuilder("email,firstName,lastName,company,country,newsletter"
                + (properties ? ",plan,seats" : "") + "\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("imported-").append(i).append('-').append(run).append("@example.com,First").append(i)
                    .append(",Last").append(i % 977).append(",\"Company ").append(i % 5_000).append(", Inc.\",")
                    .append(i % 3 == 0 ? "DE" : "FR").append(',').append(i % 2 == 0 ? "yes" : "");
            if (properties) {
                csv.append(i % 4 == 0 ? ",pro," : ",free,").append(1 + i % 250);
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Response upload(NurtureClient api, byte[] csv, String mapping) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic("demo", "demo")).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
