package io.nurture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Nurture's ingestion and sending beside what the same engine and the same SMTP server do bare, in one run on one
 * database: a tiny process started by message and correlated once per contact (the engine's own limit for what a
 * campaign does per contact), and raw JavaMail. Prints rates, the ratio to the bare engine, p50/p99, CPU per request
 * (this JVM's, client and server) and heap; asserts only that every request succeeded and every batched event was
 * stored. The subclasses pick the database. Run with {@code ./mvnw verify -Pbench}.
 */
abstract class IngestionScenarios {

    static final String WRITE_KEY = "bench-write-key";
    static final String PROPERTIES = "nurture.sources.bench.write-key=" + WRITE_KEY;
    private static final int THREADS = 4;
    private static final int BATCH_SIZE = 100;
    private static final int CONTACTS = Integer.getInteger("bench.requests", 2000);
    private static final String BARE_PROCESS = "bench-bare";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    GreenMail inbox;

    @Autowired
    DataSourceProperties dataSource;

    @Autowired
    JdbcClient jdbc;

    private NurtureClient api;
    private Session smtp;

    /** Printed under the table: the database's size, say. */
    abstract String footnote() throws Exception;

    @Test
    void ingestion() throws Exception {
        prepare();
        print("Nurture ingestion benchmark", measured());
    }

    /** The client, the SMTP session and the bare process, then a warm-up of every scenario. */
    final void prepare() throws Exception {
        api = new NurtureClient(port);
        Properties server = new Properties();
        server.put("mail.smtp.host", "127.0.0.1");
        server.put("mail.smtp.port", String.valueOf(inbox.getSmtp().getPort()));
        smtp = Session.getInstance(server); // one session, as JavaMailSenderImpl keeps
        repository.createDeployment().name(BARE_PROCESS).addModelInstance(BARE_PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(1).startEvent()
                        .message("bench-start").intermediateCatchEvent().message("bench-next").endEvent().done())
                .deploy();
        warmUp();
        afterWarmUp();
    }

    /** What the database does by itself between the warm-up and the measurement (none on H2). */
    void afterWarmUp() {
    }

    /** Every scenario once, the baselines first. */
    final List<Row> measured() throws Exception {
        List<Row> rows = new ArrayList<>();
        Row bare = run("bare Camunda: start by message + 1 correlation", "contacts/s", CONTACTS, 1,
                i -> bareEngine("bare-" + i));
        rows.add(bare);
        Row rawMail = run("raw JavaMail to the same SMTP server", "mails/s", CONTACTS, 1, this::rawMail);
        rows.add(rawMail);

        List<String> emails = emails("bench", CONTACTS);
        int mailsBefore = inbox.getReceivedMessages().length;
        long firstLead = System.nanoTime();
        rows.add(run("new lead: POST /api/events form_submitted", "events/s", CONTACTS, 1,
                i -> newLead(emails.get(i))));
        // the first welcome mails, sent by the job executor, end to end from the first new lead's request
        while (inbox.getReceivedMessages().length < mailsBefore + CONTACTS) {
            Thread.sleep(20);
        }
        double mailSeconds = (System.nanoTime() - firstLead) / 1e9;
        Row welcome = new Row("first welcome mails, end to end from the event", "mails/s", CONTACTS / mailSeconds,
                null, Double.NaN, null);
        rows.add(welcome);
        awaitNoExecutableJobs();
        rows.add(run("known contact: POST /api/events page_view", "events/s", CONTACTS, 1,
                i -> pageView(emails.get(i))));
        rows.add(run("duplicate eventId", "events/s", CONTACTS, 1, i -> duplicate(emails.get(0))));
        rows.add(run("Segment /v1/track, known contact", "events/s", CONTACTS, 1, i -> track(emails.get(i))));
        int batches = Math.max(1, CONTACTS / 20);
        long pageViewsBefore = stored("page_view");
        rows.add(run("Segment /v1/batch, " + BATCH_SIZE + " page views each", "events/s", batches, BATCH_SIZE,
                i -> batch(emails, i)));
        assertThat(stored("page_view") - pageViewsBefore).as("every page view of the batches is stored")
                .isEqualTo((long) batches * BATCH_SIZE);
        return rows.stream().map(row -> row.baselined(row == rawMail || row == welcome ? rawMail : bare)).toList();
    }

    final void print(String title, List<Row> rows) throws Exception {
        System.out.println();
        System.out.printf(Locale.ROOT, "%s: %d contacts, %d client threads, %d cores, %s%n", title, CONTACTS,
                THREADS, Runtime.getRuntime().availableProcessors(), dataSource.getUrl());
        System.out.printf(Locale.ROOT, "%-50s %9s %-10s %8s %8s %8s %9s%n", "scenario", "rate", "unit", "ratio",
                "p50 ms", "p99 ms", "cpu ms/op");
        rows.forEach(row -> System.out.println(row.format()));
        System.out.println("ratio: to the bare engine's contacts/s; for mails, to raw JavaMail's mails/s;"
                + " p50/p99: per request; cpu: per contact, mail or event");
        System.out.println(footnote());
        Runtime jvm = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used %d MiB of %d MiB committed; %d threads%n",
                (jvm.totalMemory() - jvm.freeMemory()) >> 20, jvm.totalMemory() >> 20,
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private void warmUp() throws Exception {
        int count = Math.max(100, CONTACTS / 5);
        List<String> emails = emails("warm", count);
        run("warm-up", "", count, 1, i -> bareEngine("warm-" + i));
        run("warm-up", "", count, 1, this::rawMail);
        run("warm-up", "", count, 1, i -> newLead(emails.get(i)));
        awaitNoExecutableJobs();
        run("warm-up", "", count, 1, i -> pageView(emails.get(i)));
        run("warm-up", "", count, 1, i -> track(emails.get(i)));
        run("warm-up", "", Math.max(2, count / 20), 1, i -> batch(emails, i));
    }

    private void awaitNoExecutableJobs() throws InterruptedException {
        while (management.createJobQuery().executable().count() > 0) {
            Thread.sleep(50);
        }
    }

    private void bareEngine(String businessKey) {
        runtime.createMessageCorrelation("bench-start").processInstanceBusinessKey(businessKey)
                .setVariable("contactId", businessKey).correlateStartMessage();
        runtime.createMessageCorrelation("bench-next").processInstanceBusinessKey(businessKey)
                .setVariable("event", "page_view").correlate();
    }

    private void rawMail(int i) {
        try {
            MimeMessage mail = new MimeMessage(smtp);
            mail.setFrom(new InternetAddress("bench@nurture.example"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("raw-" + i + "@example.com"));
            mail.setSubject("Welcome to Nurture");
            mail.setText("Hello " + i + ", thanks for signing up.");
            Transport.send(mail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void newLead(String email) {
        ok(api.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Bench"}}""".formatted(email),
                "demo"));
    }

    private void pageView(String email) {
        ok(api.post("/api/events", """
                {"type": "page_view", "email": "%s"}""".formatted(email), "demo"));
    }

    private void duplicate(String email) {
        ok(api.post("/api/events", """
                {"eventId": "dup-1", "type": "page_view", "email": "%s"}""".formatted(email), "demo"));
    }

    private void track(String email) {
        ok(segment("/v1/track", """
                {"type": "track", "event": "Trial Started", "userId": "%s", "context": {"traits": {"email": "%s"}}}"""
                .formatted(userId(email), email)));
    }

    private void batch(List<String> emails, int batch) {
        StringBuilder messages = new StringBuilder();
        for (int m = 0; m < BATCH_SIZE; m++) {
            String email = emails.get((batch * BATCH_SIZE + m) % emails.size());
            messages.append(m == 0 ? "" : ",").append("""
                    {"type": "page", "userId": "%s", "properties": {"path": "/blog/%d"},
                     "context": {"traits": {"email": "%s"}}}""".formatted(userId(email), m, email));
        }
        Response response = ok(segment("/v1/batch", "{\"batch\": [" + messages + "]}"));
        assertThat(response.json().path("refused")).as(response.body()).isEmpty();
    }

    private static String userId(String email) {
        return "u-" + email.substring(0, email.indexOf('@'));
    }

    private Response segment(String path, String json) {
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic(WRITE_KEY, "")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private long stored(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE type = ?").param(type).query(Long.class).single();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private static List<String> emails(String prefix, int count) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emails.add(prefix + "-" + i + "-" + run + "@example.com");
        }
        return emails;
    }

    private static Row run(String name, String unit, int count, int perCall, Call call) throws Exception {
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
                    call.run(i);
                    latencies[i] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (processCpuNanos() - cpuStart) / 1e6 / ((double) count * perCall);
        pool.shutdown();
        Arrays.sort(latencies);
        return new Row(name, unit, (double) count * perCall / seconds, latencies, cpuMillis, null);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @FunctionalInterface
    private interface Call {
        void run(int i) throws Exception;
    }

    /** One scenario's figures; {@code baseline}: the row its ratio is to. */
    record Row(String name, String unit, double perSecond, long[] sortedNanos, double cpuMillis, Row baseline) {

        Row baselined(Row base) {
            return new Row(name, unit, perSecond, sortedNanos, cpuMillis, base);
        }

        double ratio() {
            return perSecond / baseline.perSecond();
        }

        String format() {
            return String.format(Locale.ROOT, "%-50s %9.0f %-10s %7.2fx %8s %8s %9s", name, perSecond, unit,
                    ratio(), millis(0.50), millis(0.99),
                    Double.isNaN(cpuMillis) ? "" : String.format(Locale.ROOT, "%.2f", cpuMillis));
        }

        private String millis(double p) {
            if (sortedNanos == null) {
                return "";
            }
            int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1);
            return String.format(Locale.ROOT, "%.1f", sortedNanos[index] / 1e6);
        }
    }
}
