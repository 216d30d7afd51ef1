package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.TestPostgres;
import io.nurture.reporting.ReportFacts;

/**
 * Every report through the real HTTP API over 100k contacts and 1M events (plus their ledger, deliveries, score
 * history and campaign instances in Camunda's history tables), seeded by JDBC batches, then the report facts filled
 * in by {@link ReportFacts#fillAll()}. Each report is timed with Nurture's reporting indexes (V5, V6_2, V8) and, as the
 * baseline in the same run, with those indexes dropped. Prints p50/p95, heap and database size; asserts only that
 * every request succeeded. Runs on the PostgreSQL of {@code -Dnurture.test.postgres.url} (whose public schema it
 * empties), or on H2 with {@code -Dbench.reports.db=h2}:
 * {@code ./mvnw verify -Pbench -Dit.test=ReportsBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0",
        "nurture.demo.enabled=false" })
class ReportsBenchmark {

    private static final boolean H2 = "h2".equalsIgnoreCase(System.getProperty("bench.reports.db"));
    private static final String POSTGRES = TestPostgres.URL;
    private static final String H2_URL = "jdbc:h2:mem:nurture-reports-bench;DB_CLOSE_DELAY=-1";
    private static final int CONTACTS = Integer.getInteger("bench.contacts", 100_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 15);
    private static final int BASELINE_RUNS = Integer.getInteger("bench.baselineRuns", 5);
    private static final String[] STAGES = { "VISITOR", "LEAD", "MQL", "SQL", "OPPORTUNITY", "CUSTOMER", "EVANGELIST" };
    private static final String[] OTHER_EVENTS = { "page_view", "page_view", "page_view", "content_downloaded",
            "webinar_registered", "pricing_page_view", "newsletter_subscribed" };
    private static final String[] SOURCES = { "whitepaper", "webinar", "newsletter", "paid-search", "demo-form" };

    @LocalServerPort
    int port;

    @Autowired
    ReportFacts facts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (H2) {
            registry.add("spring.datasource.url", () -> H2_URL);
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL at " + POSTGRES + " is unreachable: " + unreachable.getMessage());
        }
        registry.add("spring.datasource.url", () -> POSTGRES);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void reports() throws Exception {
        Instant now = Instant.now();
        long seedStart = System.nanoTime();
        Map<String, Long> rows;
        try (Connection db = seedConnection()) {
            rows = new Seed(db, now).run();
            analyze(db);
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long factsStart = System.nanoTime();
        facts.fillAll(); // the seed went straight into the tables
        double factsSeconds = (System.nanoTime() - factsStart) / 1e9;
        try (Connection db = seedConnection()) {
            analyze(db);
        }

        NurtureClient api = new NurtureClient(port);
        NurtureClient browser = new NurtureClient(port);
        logIntoDashboard(browser);
        String someone = api.get("/api/reports/contacts?q=bench-4242", "demo").json().get("contacts").get(0).get("id")
                .asText();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String month = "?from=" + today.minusDays(29) + "&to=" + today;
        String year = "?from=" + today.minusDays(364) + "&to=" + today;
        Map<String, Supplier<Response>> calls = new LinkedHashMap<>();
        calls.put("reference: GET /api/contacts?email= (1 indexed row)",
                () -> api.get("/api/contacts?email=bench-4242@example.com", "demo"));
        calls.put("funnel, 30 days", () -> api.get("/api/reports/funnel" + month, "demo"));
        calls.put("funnel, 365 days", () -> api.get("/api/reports/funnel" + year, "demo"));
        calls.put("velocity, 12 months (default)", () -> api.get("/api/reports/velocity", "demo"));
        calls.put("campaigns, 30 days", () -> api.get("/api/reports/campaigns" + month, "demo"));
        calls.put("campaigns, 365 days", () -> api.get("/api/reports/campaigns" + year, "demo"));
        calls.put("nurture, 30 days", () -> api.get("/api/reports/nurture" + month, "demo"));
        calls.put("nurture, 365 days", () -> api.get("/api/reports/nurture" + year, "demo"));
        calls.put("funnel as CSV, 365 days", () -> csv(api, "/api/reports/funnel" + year));
        calls.put("contact search ?q=", () -> api.get("/api/reports/contacts?q=bench-99", "demo"));
        calls.put("contact timeline", () -> api.get("/api/reports/contacts/" + someone + "/timeline", "demo"));
        calls.put("dashboard page (4 reports + HTML)", () -> browser.get("/dashboard", null));

        calls.values().forEach(call -> { // warm-up: JIT, connection pool, database caches
            for (int i = 0; i < 3; i++) {
                check(call.get());
            }
        });
        Map<String, long[]> indexed = time(calls, RUNS);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapAfter = (runtime.totalMemory() - runtime.freeMemory()) >> 20;

        List<String> indexes = reportingIndexes();
        try (Connection db = seedConnection(); Statement statement = db.createStatement()) {
            for (String index : indexes) {
                statement.execute("DROP INDEX " + index.split(" ")[2]);
            }
            analyze(db);
        }
        calls.values().forEach(call -> check(call.get()));
        Map<String, long[]> baseline = time(calls, BASELINE_RUNS);
        try (Connection db = seedConnection(); Statement statement = db.createStatement()) {
            for (String index : indexes) {
                statement.execute(index);
            }
            analyze(db);
        }
        long fullScan = fullScanMillis();

        System.out.println();
        System.out.printf(Locale.ROOT, "Nurture reports benchmark: %s, %d cores, seeded in %.0f s (report facts filled"
                + " in %.0f s): %s%n", H2 ? "H2 in memory" : "PostgreSQL " + POSTGRES, runtime.availableProcessors(),
                seedSeconds, factsSeconds, rows);
        System.out.printf(Locale.ROOT, "%-48s %9s %9s %9s | %22s%n", "report (HTTP, JSON unless noted)", "p50 ms",
                "p95 ms", "max ms", "no reporting indexes p50 / p95");
        indexed.forEach((name, nanos) -> {
            long[] without = baseline.get(name);
            System.out.printf(Locale.ROOT, "%-48s %9.1f %9.1f %9.1f | %10.1f / %9.1f%n", name, pct(nanos, 0.5),
                    pct(nanos, 0.95), nanos[nanos.length - 1] / 1e6, pct(without, 0.5), pct(without, 0.95));
        });
        System.out.printf(Locale.ROOT, "reference: one full scan counting the 1M events takes %d ms%n", fullScan);
        System.out.printf(Locale.ROOT, "%d runs per report (%d without the reporting indexes); heap used after the"
                + " runs %d MiB of %d MiB committed (max %d MiB); %d threads%s%n", RUNS, BASELINE_RUNS, heapAfter,
                runtime.totalMemory() >> 20, runtime.maxMemory() >> 20,
                ManagementFactory.getThreadMXBean().getThreadCount(), databaseSize());
    }

    private Map<String, long[]> time(Map<String, Supplier<Response>> calls, int runs) {
        Map<String, long[]> results = new LinkedHashMap<>();
        calls.forEach((name, call) -> {
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                check(call.get());
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            results.put(name, nanos);
        });
        return results;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static void check(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Response csv(NurtureClient api, String path) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic("demo", "demo")).header("Accept", "text/csv").GET()
                .build());
    }

    private static void logIntoDashboard(NurtureClient browser) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"")
                .matcher(browser.get("/dashboard/login", null).body());
        assertThat(token.find()).isTrue();
        Response login = browser.send(HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo&next="
                        + URLEncoder.encode("/dashboard", StandardCharsets.UTF_8) + "&token=" + token.group(1)))
                .build());
        assertThat(login.status()).isEqualTo(302);
    }

    /** The reporting indexes of V5 and of the report facts (V6_2, V8) that exist now, as their CREATE statements. */
    private static List<String> reportingIndexes() throws IOException {
        List<String> statements = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : files.filter(f -> f.getFileName().toString().matches("V(5|6_2|8)__.*\\.sql"))
                    .sorted().toList()) {
                String sql = Files.readAllLines(migration).stream().filter(line -> !line.startsWith("--"))
                        .reduce("", (all, line) -> all + " " + line.trim());
                Arrays.stream(sql.split(";")).map(String::trim).forEach(statements::add);
            }
        }
        List<String> dropped = statements.stream().filter(s -> s.startsWith("DROP INDEX"))
                .map(s -> s.split(" ")[2]).toList();
        List<String> indexes = statements.stream().filter(s -> s.startsWith("CREATE INDEX"))
                .filter(s -> !dropped.contains(s.split(" ")[2])).toList();
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(8);
        return indexes;
    }

    private static Connection seedConnection() throws SQLException {
        return H2 ? DriverManager.getConnection(H2_URL, "sa", "")
                : DriverManager.getConnection(POSTGRES + (POSTGRES.contains("?") ? "&" : "?")
                        + "reWriteBatchedInserts=true", "postgres", "");
    }

    /** Statistics and visibility map as autovacuum keeps them in a running system. */
    private static void analyze(Connection db) throws SQLException {
        db.setAutoCommit(true);
        try (Statement statement = db.createStatement()) {
            statement.execute(H2 ? "ANALYZE" : "VACUUM ANALYZE");
        }
    }

    private static long fullScanMillis() throws SQLException {
        try (Connection db = seedConnection(); Statement statement = db.createStatement()) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                statement.executeQuery("SELECT COUNT(*), SUM(points) FROM contact_event").close();
                best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            }
            return best;
        }
    }

    private static String databaseSize() {
        if (H2) {
            return "";
        }
        try (Connection db = seedConnection(); Statement statement = db.createStatement();
                var rs = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return "; database size " + rs.getString(1);
        } catch (SQLException e) {
            return "";
        }
    }

    /**
     * Synthetic but shaped like real traffic: a year of contacts, most leads, some progressing, some recycled; three
     * welcome mails per lead and a drip mail with an A/B branch for some; opens, clicks, bounces and unsubscribes on
     * those sends; page views and downloads for the rest of the 1M events; one welcome instance per lead in
     * Camunda's history, some ended at their goal.
     */
    private static final class Seed {

        private final Connection db;
        private final Instant now;
        private final Random random = new Random(1);
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final PreparedStatement contact;
        private final PreparedStatement transition;
        private final PreparedStatement delivery;
        private final PreparedStatement event;
        private final PreparedStatement score;
        private final PreparedStatement instance;
        private final PreparedStatement activity;
        private long events;

        Seed(Connection db, Instant now) throws SQLException {
            this.db = db;
            this.now = now;
            db.setAutoCommit(false);
            contact = db.prepareStatement("""
                    INSERT INTO contact (id, email, first_name, last_name, company, source, lifecycle_stage,
                                         behaviour_score, fit_score, created_at, updated_at)
                    VALUES (?, ?, ?, 'Bench', 'Bench Co', ?, ?, ?, ?, ?, ?)""");
            transition = db.prepareStatement("""
                    INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at)
                    VALUES (?, ?, ?, ?, 'bench', 'bench', ?)""");
            delivery = db.prepareStatement("""
                    INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, attempts,
                                          created_at, sent_at, campaign, step, variant)
                    VALUES (?, ?, ?, 'email', ?, 'SENT', 1, ?, ?, ?, ?, ?)""");
            event = db.prepareStatement("""
                    INSERT INTO contact_event (id, contact_id, type, occurred_at, received_at, points, properties,
                                               delivery_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
            score = db.prepareStatement("""
                    INSERT INTO score_history (contact_id, component, delta, score_after, reason, at)
                    VALUES (?, 'behaviour', ?, ?, 'bench', ?)""");
            instance = db.prepareStatement("""
                    INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,
                                                 START_TIME_, END_TIME_, STATE_, END_ACT_ID_)
                    VALUES (?, ?, ?, 'welcome', 'welcome:1:bench', ?, ?, ?, ?)""");
            activity = db.prepareStatement("""
                    INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_,
                                                START_TIME_, END_TIME_)
                    VALUES (?, 'welcome:1:bench', ?, ?, 'EndEvent_GoalMql', 'noneEndEvent', ?, ?)""");
        }

        Map<String, Long> run() throws SQLException {
            int eventsPerContact = EVENTS / CONTACTS;
            for (int i = 0; i < CONTACTS; i++) {
                contact(i, eventsPerContact);
                if (i % 1000 == 999) {
                    flush();
                }
            }
            flush();
            rows.put("events", events);
            return rows;
        }

        private void contact(int number, int eventsPerContact) throws SQLException {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            Instant created = at;
            int stage = random.nextInt(4) == 0 ? 0 : 1;
            int[] entries = new int[STAGES.length];
            Instant leadAt = stage == 1 ? at : null;
            transition(id, null, stage, ++entries[stage], at);
            for (int move = 0; move < 6; move++) {
                at = at.plus(Duration.ofMinutes(60 + random.nextInt(30 * 24 * 60)));
                if (at.isAfter(now) || random.nextInt(100) >= 55) {
                    break;
                }
                int next = stage >= 2 && random.nextInt(100) < 15 ? 1 : Math.min(stage + 1, STAGES.length - 1);
                if (next == stage) {
                    break;
                }
                transition(id, stage, next, ++entries[next], at);
                if (next == 1 && leadAt == null) {
                    leadAt = at;
                }
                stage = next;
            }
            int behaviour = random.nextInt(120);
            contact.setString(1, id);
            contact.setString(2, "bench-" + number + "@example.com");
            contact.setString(3, "Contact" + number);
            contact.setString(4, SOURCES[random.nextInt(SOURCES.length)]);
            contact.setString(5, STAGES[stage]);
            contact.setInt(6, behaviour);
            contact.setInt(7, random.nextInt(60));
            contact.setTimestamp(8, Timestamp.from(created));
            contact.setTimestamp(9, Timestamp.from(at.isAfter(now) ? now : at));
            contact.addBatch();
            count("contacts");
            score.setString(1, id);
            score.setInt(2, behaviour);
            score.setInt(3, behaviour);
            score.setTimestamp(4, Timestamp.from(created));
            score.addBatch();
            count("score_history");

            int written = 0;
            if (leadAt != null) {
                welcomeInstance(id, leadAt);
                String[] steps = { "Task_SendWelcome", "Task_SendTips", "Task_SendStory" };
                for (int s = 0; s < steps.length; s++) {
                    written += send(id, "welcome", steps[s], null, leadAt.plus(Duration.ofDays(s * 3L)));
                }
                if (random.nextInt(3) == 0) {
                    written += send(id, "drip", "Task_SendTip1", random.nextBoolean() ? "A" : "B",
                            leadAt.plus(Duration.ofDays(10)));
                }
            }
            for (; written < eventsPerContact; written++) {
                String type = OTHER_EVENTS[random.nextInt(OTHER_EVENTS.length)];
                event(id, type, created.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))), null, null);
            }
        }

        private void transition(String id, Integer from, int to, int entry, Instant at) throws SQLException {
            transition.setString(1, id);
            transition.setString(2, from == null ? null : STAGES[from]);
            transition.setString(3, STAGES[to]);
            transition.setInt(4, entry);
            transition.setTimestamp(5, Timestamp.from(at));
            transition.addBatch();
            count("stage_transitions");
        }

        /** A send and what the contact did with it; returns the number of events written. */
        private int send(String contactId, String campaign, String step, String variant, Instant sentAt)
                throws SQLException {
            if (sentAt.isAfter(now)) {
                return 0;
            }
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            delivery.setString(1, id);
            delivery.setString(2, id);
            delivery.setString(3, contactId);
            delivery.setString(4, step);
            delivery.setTimestamp(5, Timestamp.from(sentAt));
            delivery.setTimestamp(6, Timestamp.from(sentAt));
            delivery.setString(7, campaign);
            delivery.setString(8, step);
            delivery.setString(9, variant);
            delivery.addBatch();
            count("deliveries");
            int written = 0;
            int roll = random.nextInt(100);
            if (roll < 2) {
                event(contactId, "email_bounced", sentAt.plusSeconds(60), id,
                        roll == 0 ? "{\"bounceType\":\"hard\"}" : "{\"bounceType\":\"soft\"}");
                return 1;
            }
            if (roll < 45) {
                event(contactId, "email_opened", sentAt.plusSeconds(3600), id, null);
                written++;
            }
            if (roll < 15) {
                event(contactId, "email_clicked", sentAt.plusSeconds(3700), id, "{\"url\":\"https://example.com\"}");
                written++;
            }
            if (roll == 99) {
                event(contactId, "unsubscribed", sentAt.plusSeconds(3800), id, null);
                written++;
            }
            return written;
        }

        private void event(String contactId, String type, Instant at, String deliveryId, String properties)
                throws SQLException {
            Instant when = at.isAfter(now) ? now : at;
            event.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
            event.setString(2, contactId);
            event.setString(3, type);
            event.setTimestamp(4, Timestamp.from(when));
            event.setTimestamp(5, Timestamp.from(when));
            event.setInt(6, 1);
            event.setString(7, properties);
            event.setString(8, deliveryId);
            event.addBatch();
            events++;
        }

        private void welcomeInstance(String contactId, Instant start) throws SQLException {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            Instant end = start.plus(Duration.ofDays(7));
            boolean finished = end.isBefore(now);
            boolean goal = finished && random.nextInt(10) == 0;
            instance.setString(1, id);
            instance.setString(2, id);
            instance.setString(3, contactId);
            instance.setTimestamp(4, Timestamp.from(start));
            instance.setTimestamp(5, finished ? Timestamp.from(end) : null);
            instance.setString(6, finished ? "COMPLETED" : "ACTIVE");
            instance.setString(7, finished ? (goal ? "EndEvent_GoalMql" : "EndEvent_SeriesFinished") : null);
            instance.addBatch();
            count("process_instances");
            if (goal) {
                activity.setString(1, id + "-goal");
                activity.setString(2, id);
                activity.setString(3, id);
                activity.setTimestamp(4, Timestamp.from(end));
                activity.setTimestamp(5, Timestamp.from(end));
                activity.addBatch();
            }
        }

        private void count(String table) {
            rows.merge(table, 1L, Long::sum);
        }

        private void flush() throws SQLException {
            for (PreparedStatement statement : List.of(contact, transition, delivery, event, score, instance,
                    activity)) {
                statement.executeBatch();
            }
            db.commit();
        }
    }
}
