package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.OnPostgres;

/**
 * What the README's production sizing rests on: the PostgreSQL space real traffic takes, measured rather than
 * guessed. New leads through {@code POST /api/events} (contact, ledger, scores, welcome started and its first mail
 * sent, with the engine's full history), then page views of those contacts through {@code /v1/batch}; the database
 * grows by so many bytes per lead and per event, printed with what that makes per 100k contacts and 1M events and
 * the largest tables. Run with {@code ./mvnw verify -Pbench -Dit.test=DatabaseSizePostgresBenchmark}.
 */
@Tag("benchmark")
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0", "nurture.demo.enabled=false", IngestionScenarios.PROPERTIES })
class DatabaseSizePostgresBenchmark {

    private static final int LEADS = Integer.getInteger("bench.size.leads", 3000);
    private static final int PAGE_VIEWS_PER_LEAD = 10;
    private static final int BATCH_SIZE = 100;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManagementService management;

    @Test
    void bytesPerLeadAndPerEvent() throws Exception {
        NurtureClient api = new NurtureClient(port);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> emails = IntStream.range(0, LEADS).mapToObj(i -> "size-" + i + "-" + run + "@example.com")
                .toList();

        long empty = databaseBytes();
        inParallel(LEADS, i -> ok(api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Size"}}"""
                .formatted(emails.get(i)), "demo")));
        while (management.createJobQuery().executable().count() > 0) {
            Thread.sleep(100); // the first welcome mails and their history
        }
        long withLeads = databaseBytes();
        long eventsBefore = count("contact_event");
        int batches = LEADS * PAGE_VIEWS_PER_LEAD / BATCH_SIZE;
        inParallel(batches, batch -> ok(api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/batch"))
                .header("Authorization", NurtureClient.basic(IngestionScenarios.WRITE_KEY, ""))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(pageViews(emails, batch))).build())));
        long withPageViews = databaseBytes();
        long pageViews = count("contact_event") - eventsBefore;
        assertThat(pageViews).isEqualTo((long) batches * BATCH_SIZE);

        double perLead = (double) (withLeads - empty) / LEADS;
        double perEvent = (double) (withPageViews - withLeads) / pageViews;
        System.out.println();
        System.out.printf(Locale.ROOT, "PostgreSQL space: %d new leads (welcome started, first mail sent, full"
                + " history), then %d page views%n", LEADS, pageViews);
        System.out.printf(Locale.ROOT, "per new lead %.1f KiB -> %.0f MiB per 100k contacts%n", perLead / 1024,
                perLead * 100_000 / (1 << 20));
        System.out.printf(Locale.ROOT, "per page view %.2f KiB -> %.0f MiB per 1M events%n", perEvent / 1024,
                perEvent * 1_000_000 / (1 << 20));
        System.out.println("largest tables with their indexes:");
        jdbc.sql("""
                SELECT relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY bytes DESC LIMIT 12""")
                .query((row, i) -> String.format(Locale.ROOT, "  %-28s %8.1f MiB", row.getString(1),
                        row.getLong(2) / 1048576.0))
                .list().forEach(System.out::println);
    }

    private long databaseBytes() {
        jdbc.sql("CHECKPOINT").update();
        return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static String pageViews(List<String> emails, int batch) {
        StringBuilder messages = new StringBuilder();
        for (int m = 0; m < BATCH_SIZE; m++) {
            String email = emails.get((batch * BATCH_SIZE + m) % emails.size());
            messages.append(m == 0 ? "" : ",").append("""
                    {"type": "page", "userId": "u-%s", "properties": {"path": "/pricing/%d"},
                     "context": {"traits": {"email": "%s"}}}""".formatted(email.substring(0, email.indexOf('@')),
                    batch % 50, email));
        }
        return "{\"batch\": [" + messages + "]}";
    }

    private static void inParallel(int count, IntConsumerWithException call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = IntStream.range(0, count)
                    .<Future<?>>mapToObj(i -> pool.submit(() -> {
                        call.accept(i);
                        return null;
                    })).toList();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        assertThat(response.body()).doesNotContain("\"refused\":[{");
    }

    @FunctionalInterface
    private interface IntConsumerWithException {
        void accept(int i) throws Exception;
    }
}
