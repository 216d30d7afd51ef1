package io.nurture.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Contacts that one transaction changes by the hundred (an import's chunk, checked a slice at a time before it
 * commits): each ends up a member of exactly the segments whose rule it meets, with one open stay per membership, and
 * a re-import that moves some contacts from one segment to the other closes their stays and opens new ones, in the
 * same chunk as contacts that enter, leave, or stay where they are.
 */
@JobsOffAppTest
class ImportedMembershipIT {

    private static final int ROWS = 1_200; // a chunk of 1,000 (two slices) and one of 200

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChunkOfContactsEntersAndLeavesExactlyTheSegmentsItsRowsMeet() {
        NurtureClient api = new NurtureClient(port);
        String company = "Bulk " + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String germans = segment(api, company, "DE");
        String french = segment(api, company, "FR");

        imported(api, csv(run, company, i -> i % 3 == 0));
        assertMembers(germans, run, i -> i % 3 == 0);
        assertMembers(french, run, i -> i % 3 != 0);

        imported(api, csv(run, company, i -> i % 2 == 0)); // a third move to the other segment, the rest stay
        assertMembers(germans, run, i -> i % 2 == 0);
        assertMembers(french, run, i -> i % 2 != 0);
        int moved = (int) IntStream.range(0, ROWS).filter(i -> (i % 3 == 0) != (i % 2 == 0)).count();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM segment_membership_history WHERE segment_id IN (?, ?)"
                + " AND left_at IS NOT NULL").params(germans, french).query(Integer.class).single())
                .as("one closed stay per contact that moved").isEqualTo(moved);
    }

    private String segment(NurtureClient api, String company, String country) {
        Response created = api.post("/api/segments", """
                {"name": "%s %s", "rule": {"all": [{"field": "company", "op": "eq", "value": "%s"},
                                                   {"field": "country", "op": "eq", "value": "%s"}]}}"""
                .formatted(company, country, company, country), "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/segments/" + id, "marketer").json()
                .get("rebuild").get("state").asText().equals("done"));
        return id;
    }

    private static String email(String run, int i) {
        return "bulk-" + i + "-" + run + "@example.com";
    }

    private static String csv(String run, String company, IntPredicate german) {
        StringBuilder csv = new StringBuilder("email,company,country\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(email(run, i)).append(',').append(company).append(',').append(german.test(i) ? "DE" : "FR")
                    .append("\r\n");
        }
        return csv.toString();
    }

    private void assertMembers(String segment, String run, IntPredicate expected) {
        Set<String> wanted = IntStream.range(0, ROWS).filter(expected).mapToObj(i -> email(run, i))
                .collect(Collectors.toSet());
        List<String> members = jdbc.sql("""
                SELECT c.email FROM segment_member m JOIN contact c ON c.id = m.contact_id WHERE m.segment_id = ?""")
                .param(segment).query(String.class).list();
        assertThat(new HashSet<>(members)).isEqualTo(wanted);
        List<String> open = jdbc.sql("""
                SELECT c.email FROM segment_membership_history h JOIN contact c ON c.id = h.contact_id
                WHERE h.segment_id = ? AND h.left_at IS NULL""").param(segment).query(String.class).list();
        assertThat(open).as("one open stay per member, none for the others").hasSize(wanted.size())
                .containsExactlyInAnyOrderElementsOf(wanted);
    }

    private static void imported(NurtureClient api, String csv) {
        String boundary = "----nurture" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bulk.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        Response started = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> !api
                .get("/api/imports/" + id, "marketer").json().get("status").asText().matches("QUEUED|RUNNING"));
        assertThat(api.get("/api/imports/" + id, "marketer").json().get("status").asText()).isEqualTo("DONE");
    }
}
