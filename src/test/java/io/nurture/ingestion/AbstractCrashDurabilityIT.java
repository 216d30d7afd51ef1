package io.nurture.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.nurture.NurtureClient.Response;
import io.nurture.NurtureClient;
import io.nurture.ContactTimeline;
import io.nurture.Mailbox;
import io.nurture.NurtureProcess;
import io.nurture.SmtpTripwire;

/**
 * "A 202 means stored": Nurture runs as a child process, a burst of new leads is answered 202, the process is killed
 * with SIGKILL while their welcome mails go out, and a new process on the same database must know every acknowledged
 * lead with its event and, once its job executor has caught up, have mailed each exactly once over both lives.
 */
abstract class AbstractCrashDurabilityIT {

    private static final int LEADS = 30;
    private static final int CLIENT_THREADS = 4;
    private static final Duration SLOW_PROVIDER = Duration.ofMillis(50);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path workingDirectory;

    private NurtureProcess nurture;

    /** What puts Nurture on this suite's database (none: the default H2 file under the working directory). */
    abstract List<String> databaseArguments();

    @AfterEach
    void stopNurture() {
        if (nurture != null) {
            nurture.close();
        }
    }

    @Test
    void everyLeadAnswered202SurvivesAKill9AndIsMailedExactlyOnce() throws Exception {
        Map<String, String> acknowledged; // e-mail -> contact id, for every 202
        int mailedBeforeKill;
        Phases phases = new Phases();
        try (SmtpTripwire tripwire = new SmtpTripwire(smtp.getSmtp().getPort(), SLOW_PROVIDER)) {
            nurture = start("1", tripwire.port());
            phases.done("first start");
            // one lead first, mailed before the burst: it warms the send path up, so mails go out during the burst
            acknowledged = postNewLeads(nurture.client(), "warm-up", 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 1);
            phases.done("warm-up");
            acknowledged.putAll(postNewLeads(nurture.client(), "burst", LEADS));
            phases.done("burst");
            NurtureProcess doomed = nurture;
            tripwire.arm(doomed::kill);
            assertThat(tripwire.awaitTripped(Duration.ofSeconds(30))).as("Nurture opened another SMTP connection"
                    + " to be killed in; %s", doomed.logTail()).isTrue();
            assertThat(doomed.isAlive()).isFalse();
            mailedBeforeKill = smtp.getReceivedMessages().length;
            phases.done("kill");
        }
        assertThat(acknowledged).as("leads answered 202").isNotEmpty();
        assertThat(mailedBeforeKill).as("welcome mails out before the kill; the rest are left to the restart")
                .isBetween(1, acknowledged.size() - 1);

        nurture = start("2", smtp.getSmtp().getPort());
        phases.done("restart");
        NurtureClient api = nurture.client();
        List<String> lost = new ArrayList<>();
        List<String> withoutEvent = new ArrayList<>();
        acknowledged.forEach((email, contactId) -> {
            Response contact = api.get("/api/contacts/" + contactId, "demo");
            if (contact.status() != 200 || !email.equals(contact.json().path("email").asText())) {
                lost.add(email);
            } else if (ContactTimeline.entries(api, contactId, "event", "form_submitted") != 1) {
                withoutEvent.add(email);
            }
        });
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .failFast("Nurture died", () -> !nurture.isAlive())
                    .until(() -> ContactTimeline.welcomeSendJobs(api) == 0);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("The welcome mails' jobs did not finish after the restart; " + nurture.logTail(),
                    e);
        }
        phases.done("catch-up");

        Map<String, Long> mails = Mailbox.perRecipient(smtp.getReceivedMessages());
        List<String> neverMailed = acknowledged.keySet().stream().filter(email -> !mails.containsKey(email)).sorted()
                .toList();
        List<String> mailedTwice = mails.entrySet().stream().filter(mail -> mail.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        System.out.printf("%s: %d leads answered 202, %d welcome mails out before the kill; after the restart %d"
                + " leads lost, %d without their event, %d never mailed, %d mailed more than once%n",
                getClass().getSimpleName(), acknowledged.size(), mailedBeforeKill, lost.size(), withoutEvent.size(),
                neverMailed.size(), mailedTwice.size());
        System.out.println(getClass().getSimpleName() + " took " + phases);

        assertThat(lost).as("leads answered 202 but gone after kill -9").isEmpty();
        assertThat(withoutEvent).as("leads whose form_submitted event is gone after kill -9").isEmpty();
        assertThat(mailedTwice).as("leads mailed twice (a send whose record was lost goes out again)").isEmpty();
        assertThat(neverMailed).as("acknowledged leads never mailed").isEmpty();
        assertThat(mails.keySet()).as("mailed addresses").isEqualTo(acknowledged.keySet());
        acknowledged.forEach((email, contactId) -> assertThat(ContactTimeline.entries(api, contactId, "send", "email welcome-1"))
                .as("recorded welcome sends of %s", email).isEqualTo(1));
    }

    /** Seconds per phase, printed so the test's cost stays visible. */
    private static final class Phases {

        private final StringBuilder done = new StringBuilder();
        private long since = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            done.append(String.format(Locale.ROOT, "%s%s %.1f s", done.isEmpty() ? "" : ", ", phase,
                    (now - since) / 1e9));
            since = now;
        }

        @Override
        public String toString() {
            return done.toString();
        }
    }

    private NurtureProcess start(String life, int smtpPort) {
        List<String> arguments = new ArrayList<>(databaseArguments());
        arguments.addAll(List.of("--nurture.demo.enabled=false", "--nurture.inbox.smtp-port=0",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                // one job thread: the kill comes between two sends, never inside one (see SmtpTripwire)
                "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
                // the jobs and the send claim the killed process held are taken over after 5 s, not 5 minutes
                "--camunda.bpm.job-execution.lock-time-in-millis=5000", "--nurture.channels.claim-timeout=PT5S",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000"));
        return NurtureProcess.start(workingDirectory, Path.of("target", "crash-durability",
                getClass().getSimpleName() + "-" + life + ".log"), arguments);
    }

    /** New leads from a few client threads at once, as a form integration posts them. */
    private static Map<String, String> postNewLeads(NurtureClient api, String name, int leads) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> posts = IntStream.range(0, leads)
                    .mapToObj(i -> name + "-" + run + "-" + i + "@example.com")
                    .<Future<?>>map(email -> clients.submit(() -> {
                        Response response = api.post("/api/events", """
                                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Crash"}}"""
                                .formatted(email), "demo");
                        assertThat(response.status()).as(response.body()).isEqualTo(202);
                        acknowledged.put(email, response.json().get("contactId").asText());
                    })).toList();
            for (Future<?> post : posts) {
                post.get();
            }
        } finally {
            clients.shutdown();
        }
        return new TreeMap<>(acknowledged);
    }
}
