package io.nurture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.nurture.NurtureClient.Response;
import io.nurture.process.deployment.ModelerDeploy;

/**
 * Two Nurture nodes, each a process of its own, on one PostgreSQL database form a Camunda cluster: events posted to
 * either node are all counted and scored once, one contact per e-mail, a campaign version deployed through one node
 * is started by the other, timers fire once on either node, both job executors send, and a node killed with SIGKILL in the middle of a burst loses
 * nothing and mails nobody twice: the survivor takes its jobs and send claims over once their locks run out.
 */
class ClusterPostgresIT {

    private static final int LEADS_PER_NODE = 15;
    private static final int CLIENT_THREADS = 4;
    private static final int TIMERS_PER_NODE = 10;
    private static final Duration SLOW_PROVIDER = Duration.ofMillis(100);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path workingDirectory;

    private final List<NurtureProcess> nodes = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        TestPostgres.freshDatabase(getClass().getSimpleName());
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(NurtureProcess::close);
    }

    @Test
    void twoNodesShareTheWorkAndOneKilledLosesNothingAndSendsNothingTwice() throws Exception {
        try (SmtpTripwire smtpOfA = new SmtpTripwire(smtp.getSmtp().getPort(), SLOW_PROVIDER);
                SmtpTripwire smtpOfB = new SmtpTripwire(smtp.getSmtp().getPort(), SLOW_PROVIDER)) {
            NurtureProcess nodeA = start("node-a", smtpOfA.port());
            NurtureProcess nodeB = start("node-b", smtpOfB.port());
            NurtureClient a = nodeA.client();
            NurtureClient b = nodeB.client();

            int edited = deployEditedWelcome(a);
            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // e-mail -> contact id, for every 202
            String leadOfB = postLead(b, "deployed-through-a-started-on-b", acknowledged);
            String leadOfA = postLead(a, "deployed-through-a-started-on-a", acknowledged);
            assertThat(welcomeVersion(b, leadOfB)).as("the version deployed through node A, started on B")
                    .isEqualTo(edited);
            assertThat(welcomeVersion(a, leadOfA)).isEqualTo(edited);

            timersStartedOnBothNodesRunOnceEach(a, b);

            String twin = "twin-" + UUID.randomUUID() + "@example.com";
            List<String> twinIds = sameLeadOnBothNodesAtOnce(a, b, twin);
            assertThat(new TreeSet<>(twinIds)).as("one contact per e-mail across nodes").hasSize(1);
            acknowledged.put(twin, twinIds.get(0));

            burst(List.of(a, b), acknowledged);
            int mailedBeforeKill;
            smtpOfB.arm(nodeB::kill);
            assertThat(smtpOfB.awaitTripped(Duration.ofSeconds(60))).as("node B opened another SMTP connection to"
                    + " be killed in; %s", nodeB.logTail()).isTrue();
            assertThat(nodeB.isAlive()).isFalse();
            mailedBeforeKill = smtp.getReceivedMessages().length;
            assertThat(mailedBeforeKill).as("welcome mails out when node B died; the rest are left to node A")
                    .isLessThan(acknowledged.size());

            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ContactTimeline.welcomeSendJobs(a) == 0);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("Node A did not finish the welcome mails; " + nodeA.logTail(), e);
            }

            Map<String, Long> mails = Mailbox.perRecipient(smtp.getReceivedMessages());
            List<String> mailedTwice = mails.entrySet().stream().filter(mail -> mail.getValue() > 1)
                    .map(Map.Entry::getKey).toList();
            System.out.printf("%s: %d leads answered 202 by two nodes, %d mailed before node B was killed, %d mailed"
                    + " twice, %d never%n", getClass().getSimpleName(), acknowledged.size(), mailedBeforeKill,
                    mailedTwice.size(), acknowledged.keySet().stream().filter(e -> !mails.containsKey(e)).count());
            assertThat(mailedTwice).as("leads mailed twice").isEmpty();
            assertThat(mails.keySet()).as("every acknowledged lead mailed once").isEqualTo(acknowledged.keySet());
            acknowledged.forEach((email, contactId) -> {
                JsonNode contact = a.get("/api/contacts/" + contactId, "demo").json();
                assertThat(contact.path("email").asText()).as("lead answered 202 by either node").isEqualTo(email);
                assertThat(ContactTimeline.entries(a, contactId, "send", "email welcome-1")).as("welcome sends of %s", email)
                        .isEqualTo(1);
            });
            JsonNode twinContact = a.get("/api/contacts/" + twinIds.get(0), "demo").json();
            // two events without eventId on each node plus one shared eventId posted to both: five, 8 points each
            assertThat(twinContact.get("behaviourScore").asInt()).as(twinContact.toString()).isEqualTo(5 * 8);
            assertThat(ContactTimeline.entries(a, twinIds.get(0), "event", "content_downloaded")).isEqualTo(5);
            assertThat(twinContact.get("stageHistory")).hasSize(1);

            assertThat(successfulWelcomeJobsByNode(a).keySet()).as("nodes in the job log of the welcome sends")
                    .containsExactlyInAnyOrder("node-a", "node-b");
        }
    }

    private NurtureProcess start(String name, int smtpPort) {
        NurtureProcess node = NurtureProcess.start(createDirectory(workingDirectory.resolve(name)),
                Path.of("target", "cluster", getClass().getSimpleName() + "-" + name + ".log"), List.of(
                        "--spring.profiles.active=postgres", "--spring.datasource.url=" + TestPostgres.URL,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--nurture.node.name=" + name, "--nurture.demo.enabled=false",
                        "--nurture.inbox.smtp-port=0", "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        // one job thread: the kill comes between two sends, never inside one (see SmtpTripwire)
                        "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
                        // the dead node's jobs and send claims are taken over after 5 s, not 5 minutes
                        "--camunda.bpm.job-execution.lock-time-in-millis=5000", "--nurture.channels.claim-timeout=PT5S",
                        "--camunda.bpm.job-execution.wait-time-in-millis=500",
                        "--camunda.bpm.job-execution.max-wait=1000"));
        nodes.add(node);
        return node;
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Camunda Modeler's deploy call through node A: welcome with a new name, a new version. */
    private static int deployEditedWelcome(NurtureClient node) throws Exception {
        String welcome = Files.readString(Path.of("processes", "welcome.bpmn"))
                .replace("name=\"Welcome series\"", "name=\"Welcome series (edited on node A)\"");
        Response deployed = node.send(ModelerDeploy.request(node.baseUrl(), "demo", "welcome",
                Map.of("welcome.bpmn", welcome.getBytes(StandardCharsets.UTF_8)), ModelerDeploy.Shape.CURRENT));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        JsonNode definition = deployed.json().path("deployedProcessDefinitions").elements().next();
        assertThat(definition.path("version").asInt()).as(deployed.body()).isGreaterThan(1);
        return definition.path("version").asInt();
    }

    /** Instances of a one-timer diagram started on both nodes: every timer fires exactly once, on either node. */
    private static void timersStartedOnBothNodesRunOnceEach(NurtureClient a, NurtureClient b) {
        String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess("cluster-timer").name("Cluster timer")
                .camundaHistoryTimeToLive(1).startEvent().name("Started").intermediateCatchEvent().name("One second")
                .timerWithDuration("PT1S").endEvent().name("Done").done());
        Response deployed = a.send(ModelerDeploy.request(a.baseUrl(), "demo", "cluster-timer",
                Map.of("cluster-timer.bpmn", diagram.getBytes(StandardCharsets.UTF_8)), ModelerDeploy.Shape.CURRENT));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        for (int i = 0; i < TIMERS_PER_NODE; i++) {
            for (NurtureClient node : List.of(a, b)) {
                Response started = node.post("/engine-rest/process-definition/key/cluster-timer/start", "{}", "demo");
                assertThat(started.status()).as(started.body()).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> a.get(
                "/engine-rest/history/process-instance/count?processDefinitionKey=cluster-timer&finished=true", "demo")
                .json().path("count").asInt() == 2 * TIMERS_PER_NODE);
        JsonNode fired = a.get("/engine-rest/history/job-log?processDefinitionKey=cluster-timer&successLog=true"
                + "&maxResults=1000", "demo").json();
        Map<String, Long> successesPerJob = StreamSupport.stream(fired.spliterator(), false).collect(
                Collectors.groupingBy(entry -> entry.path("jobId").asText(), Collectors.counting()));
        assertThat(successesPerJob).as("timer jobs").hasSize(2 * TIMERS_PER_NODE);
        assertThat(successesPerJob.values()).as("runs per timer job").containsOnly(1L);
    }

    private static int welcomeVersion(NurtureClient node, String contactId) {
        JsonNode instances = node.get("/engine-rest/process-instance?processDefinitionKey=welcome&businessKey="
                + contactId, "demo").json();
        assertThat(instances).as("welcome instances of %s", contactId).hasSize(1);
        String definitionId = instances.get(0).path("definitionId").asText();
        return node.get("/engine-rest/process-definition/" + definitionId, "demo").json().path("version").asInt();
    }

    private static String postLead(NurtureClient node, String name, Map<String, String> acknowledged) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response response = node.post("/api/events", """
                {"type": "form_submitted", "email": "%s", "properties": {"firstName": "Cluster"}}"""
                .formatted(email), "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String contactId = response.json().get("contactId").asText();
        acknowledged.put(email, contactId);
        return contactId;
    }

    /** One new e-mail posted to both nodes at the same instant: two events each and one shared eventId. */
    private static List<String> sameLeadOnBothNodesAtOnce(NurtureClient a, NurtureClient b, String email)
            throws Exception {
        String sharedEventId = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        try {
            for (NurtureClient node : List.of(a, b)) {
                for (String eventId : Arrays.asList(null, null, sharedEventId)) {
                    String body = eventId == null
                            ? "{\"type\": \"content_downloaded\", \"email\": \"%s\"}".formatted(email)
                            : "{\"eventId\": \"%s\", \"type\": \"content_downloaded\", \"email\": \"%s\"}"
                                    .formatted(eventId, email);
                    responses.add(pool.submit(() -> {
                        start.await();
                        return node.post("/api/events", body, "demo");
                    }));
                }
            }
            start.countDown();
            List<String> contactIds = new ArrayList<>();
            for (Future<Response> response : responses) {
                Response done = response.get();
                assertThat(done.status()).as(done.body()).isEqualTo(202);
                contactIds.add(done.json().get("contactId").asText());
            }
            return contactIds;
        } finally {
            pool.shutdown();
        }
    }

    /** New leads posted to every node from a few client threads, as form integrations behind a balancer do. */
    private static void burst(List<NurtureClient> nodes, Map<String, String> acknowledged) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < LEADS_PER_NODE; i++) {
                for (NurtureClient node : nodes) {
                    posts.add(clients.submit(() -> postLead(node, "burst", acknowledged)));
                }
            }
            for (Future<?> post : posts) {
                post.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    /** The engine's job log: which node ran how many of welcome's jobs. */
    private static Map<String, Long> successfulWelcomeJobsByNode(NurtureClient node) {
        JsonNode log = node.get("/engine-rest/history/job-log?processDefinitionKey=welcome&successLog=true"
                + "&maxResults=10000", "demo").json();
        Map<String, Long> byNode = StreamSupport.stream(log.spliterator(), false)
                .collect(Collectors.groupingBy(entry -> entry.path("hostname").asText(), TreeMap::new,
                        Collectors.counting()));
        System.out.println("welcome jobs run per node: " + byNode);
        return byNode;
    }
}
