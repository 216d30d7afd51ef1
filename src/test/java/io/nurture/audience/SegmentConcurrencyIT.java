package io.nurture.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Many events at once, for the same contacts and for different ones, while the rule is edited and rebuilt: every
 * event is taken, and at the end each contact is a member exactly when the rule holds for it, with one open stay per
 * member, none for the others, and no stay of a contact overlapping another of the same segment.
 */
@JobsOffAppTest
class SegmentConcurrencyIT {

    private static final int CONTACTS = 12;
    private static final int EVENTS_EACH = 6;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void membershipStaysExactUnderConcurrentEventsAndARebuild() throws Exception {
        NurtureClient api = new NurtureClient(port);
        String company = "Busy " + UUID.randomUUID();
        String rule = """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"event": "page_view", "atLeast": %d}]}""";
        String segment = api.post("/api/segments", "{\"name\": \"" + company + "\", \"rule\": "
                + rule.formatted(company, 3) + "}", "marketer").json().get("id").asText();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            emails.add("busy-" + i + "-" + UUID.randomUUID() + "@example.com");
        }
        List<String> calls = new ArrayList<>();
        emails.forEach(email -> {
            for (int i = 0; i < EVENTS_EACH; i++) {
                calls.add(email);
            }
        });
        Collections.shuffle(calls);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            String email = calls.get(i);
            answers.add(threads.submit(() -> api.post("/api/events", """
                    {"type": "page_view", "email": "%s", "properties": {"company": "%s"}}""".formatted(email,
                    company), "demo")));
            if (i == calls.size() / 2) {
                answers.add(threads.submit(() -> api.put("/api/segments/" + segment, "{\"rule\": "
                        + rule.formatted(company, 4) + "}", "marketer")));
            }
        }
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertThat(response.status()).as(response.body()).isIn(200, 202);
        }
        threads.shutdown();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/segments/" + segment, "marketer").json()
                .get("rebuild").get("state").asText().equals("done"));

        Set<String> expected = new TreeSet<>(jdbc.sql("""
                SELECT c.id FROM contact c WHERE c.company = ?
                AND (SELECT COUNT(*) FROM contact_event e WHERE e.contact_id = c.id AND e.type = 'page_view') >= 4""")
                .param(company).query(String.class).list());
        Set<String> members = new TreeSet<>(jdbc.sql("SELECT contact_id FROM segment_member WHERE segment_id = ?")
                .param(segment).query(String.class).list());
        Set<String> open = new TreeSet<>(jdbc.sql("""
                SELECT contact_id FROM segment_membership_history WHERE segment_id = ? AND left_at IS NULL""")
                .param(segment).query(String.class).list());
        long openStays = jdbc.sql("""
                SELECT COUNT(*) FROM segment_membership_history WHERE segment_id = ? AND left_at IS NULL""")
                .param(segment).query(Long.class).single();
        long overlapping = jdbc.sql("""
                SELECT COUNT(*) FROM segment_membership_history a JOIN segment_membership_history b
                  ON a.segment_id = b.segment_id AND a.contact_id = b.contact_id AND a.id < b.id
                WHERE a.segment_id = ? AND (a.left_at IS NULL OR a.left_at > b.entered_at)
                  AND (b.left_at IS NULL OR b.left_at > a.entered_at)""").param(segment).query(Long.class).single();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_event e JOIN contact c ON c.id = e.contact_id "
                + "WHERE c.company = ?").param(company).query(Long.class).single())
                .as("every event taken").isEqualTo((long) CONTACTS * EVENTS_EACH);
        assertThat(expected).hasSize(CONTACTS);
        assertThat(members).isEqualTo(expected);
        assertThat(open).isEqualTo(expected);
        assertThat(openStays).isEqualTo(expected.size());
        assertThat(overlapping).isZero();
    }
}
