package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * The app with two sources: a site's back end (key only) and the site itself, whose browsers may post from its origin.
 * The site runs for as long as the test JVM, so that both client suites share one application context (its origin is
 * in the configuration).
 */
@InboxAppTest
abstract class AbstractSegmentClientsIT {

    static final String SERVER_WRITE_KEY = "wk_server_" + UUID.randomUUID().toString().replace("-", "");
    static final String SITE_WRITE_KEY = "wk_site_" + UUID.randomUUID().toString().replace("-", "");
    static final LocalSite SITE = LocalSite.start();

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nurture-segment-clients;DB_CLOSE_DELAY=-1");
        registry.add("nurture.sources.backend.write-key", () -> SERVER_WRITE_KEY);
        registry.add("nurture.sources.website.write-key", () -> SITE_WRITE_KEY);
        registry.add("nurture.sources.website.allowed-origins", SITE::origin);
    }

    @LocalServerPort
    int port;

    NurtureClient api;

    @BeforeEach
    void connect() {
        api = new NurtureClient(port);
    }

    String appUrl() {
        return "http://127.0.0.1:" + port;
    }

    static String newEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@clients.example";
    }

    /** The contacts with this e-mail, as a marketer finds them. */
    List<JsonNode> contactsWith(String email) {
        Response found = api.get("/api/contacts?email=" + email, "marketer");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        List<JsonNode> contacts = new ArrayList<>();
        found.json().forEach(contacts::add);
        return contacts;
    }

    /** The one contact with this e-mail, in full (GET /api/contacts/{id}). */
    JsonNode theContactWith(String email) {
        List<JsonNode> contacts = contactsWith(email);
        assertThat(contacts).as("contacts with " + email).hasSize(1);
        Response contact = api.get("/api/contacts/" + contacts.get(0).get("id").asText(), "marketer");
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        return contact.json();
    }

    /** The contact's event entries on its timeline, oldest first: {"at", "kind", "title" (type), "detail"}. */
    List<JsonNode> eventsOf(JsonNode contact) {
        Response timeline = api.get("/api/reports/contacts/" + contact.get("id").asText() + "/timeline", "marketer");
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        timeline.json().get("entries").forEach(entry -> {
            if (entry.get("kind").asText().equals("event")) {
                events.add(0, entry);
            }
        });
        return events;
    }

    /** The behaviour points the timeline shows per event ("+10 points"), summed. */
    static int pointsOf(List<JsonNode> events) {
        return events.stream().map(event -> event.get("detail").asText())
                .filter(detail -> detail.matches(".*\\+\\d+ points.*"))
                .mapToInt(detail -> Integer.parseInt(detail.replaceAll(".*\\+(\\d+) points.*", "$1")))
                .sum();
    }
}
