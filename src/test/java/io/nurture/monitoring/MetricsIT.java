package io.nurture.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * {@code /actuator/prometheus} as a Prometheus scraper reads it, around events posted over {@code /api/events} and the
 * tracking API and the welcome campaign's first job for two new leads (run here by the test, the job executor being
 * off; one lead gave no consent, so its mail is skipped): each counter grows by exactly what was done, the database
 * gauges show the new leads and their campaign.
 */
@JobsOffAppTest
class MetricsIT {

    static final String DEMO_WRITE_KEY = "demo-website-write-key";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void eventsAndSendsAreCountedByTypeSourceChannelAndStatus() {
        Scrape before = scrape();

        String anonymousId = "metrics-" + UUID.randomUUID();
        String eventId = "metrics-" + UUID.randomUUID();
        postEvent("{\"type\": \"page_view\", \"anonymousId\": \"" + anonymousId + "\", \"eventId\": \"" + eventId
                + "\"}");
        postEvent("{\"type\": \"page_view\", \"anonymousId\": \"" + anonymousId + "\", \"eventId\": \"" + eventId
                + "\"}"); // a duplicate: stored once, counted once
        postEvent("{\"type\": \"page_view\", \"anonymousId\": \"" + anonymousId + "\"}");
        String contactId = newLeadWithItsFirstWelcomeMail(true);
        newLeadWithItsFirstWelcomeMail(false);
        postEvent("{\"type\": \"Metrics Probe\", \"contactId\": \"" + contactId + "\"}");
        track("/v1/track", "{\"userId\": \"metrics-" + UUID.randomUUID() + "\", \"event\": \"Trial Started\"}");
        track("/v1/page", "{\"anonymousId\": \"" + anonymousId + "\", \"name\": \"Pricing\"}");

        Scrape after = scrape();
        assertThat(growth(before, after, "nurture_events_ingested_total", "type", "page_view", "source", "api"))
                .isEqualTo(2);
        assertThat(growth(before, after, "nurture_events_ingested_total", "type", "form_submitted", "source", "api"))
                .isEqualTo(2);
        assertThat(growth(before, after, "nurture_events_ingested_total", "type", "custom", "source", "api"))
                .as("a custom type is counted as custom: its name is not a label value").isEqualTo(1);
        assertThat(growth(before, after, "nurture_events_ingested_total", "type", "custom", "source", "website"))
                .as("the tracking API counts by its source's name").isEqualTo(1);
        assertThat(growth(before, after, "nurture_events_ingested_total", "type", "page_view", "source", "website"))
                .isEqualTo(1);
        assertThat(after.series("nurture_events_ingested_total"))
                .noneMatch(sample -> sample.labels().get("type").contains("probe")
                        || sample.labels().get("type").contains("trial"));
        assertThat(growth(before, after, "nurture_event_ingestion_seconds_count", "source", "api"))
                .as("every call, the duplicate too").isEqualTo(6);
        assertThat(after.series("nurture_event_ingestion_seconds_bucket")).as("a histogram").isNotEmpty();

        assertThat(growth(before, after, "nurture_sends_total", "channel", "email", "status", "sent")).isEqualTo(1);
        assertThat(growth(before, after, "nurture_sends_total", "channel", "email", "status", "skipped"))
                .as("the lead without consent").isEqualTo(1);
        assertThat(growth(before, after, "nurture_contacts", "stage", "LEAD")).isEqualTo(2);
        assertThat(growth(before, after, "nurture_process_instances_active", "process", "welcome"))
                .as("the new leads' welcome, waiting at its next send").isEqualTo(2);
        assertThat(after.value("nurture_jobs_executable", Map.of())).as("that next send, at least").isPositive();
        assertThat(after.value("nurture_jobs_oldest_due_age_seconds", Map.of())).isNotNegative();
        assertThat(after.value("nurture_incidents_open", Map.of("process", "welcome"))).isZero();
        assertThat(after.series("nurture_incidents_open")).as("every process definition key, with 0 when quiet")
                .anyMatch(sample -> sample.labels().equals(Map.of("process", "lead-handoff")));
        assertThat(after.series("nurture_sends_deferred")).as("every channel, with 0 when nothing waits")
                .anyMatch(sample -> sample.labels().equals(Map.of("channel", "sms")));
    }

    @Test
    void theGrafanaDashboardAsksOnlyForSeriesNurtureHasAndShowsEachOfItsOwn() throws IOException {
        postEvent("{\"type\": \"page_view\", \"anonymousId\": \"metrics-" + UUID.randomUUID() + "\"}");
        newLeadWithItsFirstWelcomeMail(true);
        Set<String> scraped = scrape().names();

        Set<String> asked = new TreeSet<>();
        DashboardQueries.expressions().forEach(expression -> {
            Set<String> names = DashboardQueries.metricNames(expression);
            assertThat(names).as("a metric in " + expression).isNotEmpty();
            asked.addAll(names);
        });

        assertThat(scraped).as("every series the dashboard asks for is in a real scrape").containsAll(asked);
        Set<String> ours = new TreeSet<>(scraped.stream().filter(name -> name.startsWith("nurture_"))
                .map(name -> name.replaceAll("_(bucket|count|sum|max|created)$", "")).toList());
        Set<String> shown = new TreeSet<>(asked.stream().map(name -> name.replaceAll("_(bucket|count|sum)$", ""))
                .toList());
        assertThat(shown).as("every metric of Nurture's own has a panel").containsAll(ours);
    }

    /** Without consent, policy skips the mail. */
    private String newLeadWithItsFirstWelcomeMail(boolean consent) {
        String email = "metrics-" + UUID.randomUUID() + "@example.com";
        String contactId = postEvent("""
                {"type": "form_submitted", "email": "%s",
                 "properties": {"firstName": "Ada", "consent": {"email": %s}}}""".formatted(email, consent))
                .json().get("contactId").asText();
        String welcome = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contactId).singleResult().getId();
        Job firstSend = management.createJobQuery().processInstanceId(welcome).activityId("Task_SendWelcomeEmail")
                .singleResult();
        management.executeJob(firstSend.getId());
        return contactId;
    }

    private Response postEvent(String json) {
        Response response = api.post("/api/events", json, "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response;
    }

    private void track(String path, String json) {
        Response response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Authorization", NurtureClient.basic(DEMO_WRITE_KEY, ""))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Scrape scrape() {
        Response response = api.get("/actuator/prometheus", "monitoring");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Scrape.of(response.body());
    }

    private static double growth(Scrape before, Scrape after, String name, String... labels) {
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return after.value(name, wanted) - before.value(name, wanted);
    }
}
