package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A site's back end feeds Nurture with the real {@code @segment/analytics-node} client, changing only its host and
 * write key; the contact that comes out is checked through the API.
 */
class SegmentNodeClientIT extends AbstractSegmentClientsIT {

    @Test
    void anonymousPageViewsThenAnIdentifyWithAnEmailAreOneLeadWithTheWholeHistory() {
        String anonymousId = "anon-" + UUID.randomUUID();
        String userId = "user-" + UUID.randomUUID();
        String email = newEmail("ada");

        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .page(Map.of("anonymousId", anonymousId, "name", "Pricing",
                        "properties", Map.of("path", "/pricing", "url", "https://site.example/pricing")))
                .page(Map.of("anonymousId", anonymousId, "name", "Features",
                        "properties", Map.of("path", "/features", "url", "https://site.example/features")))
                .identify(Map.of("anonymousId", anonymousId, "userId", userId, "traits", Map.of("email", email,
                        "firstName", "Ada", "lastName", "Lovelace", "consent", Map.of("email", true))))
                .track(Map.of("userId", userId, "event", "Trial Started", "properties", Map.of("plan", "pro")))
                .send().delivered();

        JsonNode contact = theContactWith(email);
        assertThat(contact.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(contact.get("firstName").asText()).isEqualTo("Ada");
        assertThat(contact.get("lastName").asText()).isEqualTo("Lovelace");
        assertThat(contact.get("consent").get("email").asBoolean()).isTrue();
        List<JsonNode> events = eventsOf(contact);
        assertThat(events).extracting(event -> event.get("title").asText())
                .contains("page_view", "trial_started")
                .filteredOn("page_view"::equals).hasSize(2);
        assertThat(events).filteredOn(event -> event.get("title").asText().equals("page_view"))
                .extracting(event -> event.get("detail").asText())
                .anySatisfy(detail -> assertThat(detail).startsWith("/pricing"))
                .anySatisfy(detail -> assertThat(detail).startsWith("/features"));
        // a first view of /pricing (10), a repeat visit (1) and the trial (20, behaviour-score.dmn)
        assertThat(contact.get("behaviourScore").asInt()).isEqualTo(pointsOf(events)).isGreaterThanOrEqualTo(31);
        assertThat(contact.get("stageHistory")).extracting(move -> move.get("to").asText()).contains("LEAD");
    }

    @Test
    void anOrderCompletedMakesACustomer() {
        String userId = "user-" + UUID.randomUUID();
        String email = newEmail("grace");

        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .identify(Map.of("userId", userId, "traits", Map.of("email", email)))
                .track(Map.of("userId", userId, "event", "Order Completed",
                        "properties", Map.of("orderId", "o-1", "revenue", 99.5, "currency", "EUR")))
                .send().delivered();

        JsonNode contact = theContactWith(email);
        assertThat(contact.get("lifecycleStage").asText()).isEqualTo("CUSTOMER");
        assertThat(eventsOf(contact)).extracting(event -> event.get("title").asText()).contains("purchase");
    }

    @Test
    void groupTraitsFeedTheFitScore() {
        String userId = "user-" + UUID.randomUUID();
        String email = newEmail("hedy");

        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .identify(Map.of("userId", userId, "traits", Map.of("email", email)))
                .send().delivered();
        int fitBefore = theContactWith(email).get("fitScore").asInt();
        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .group(Map.of("userId", userId, "groupId", "acme",
                        "traits", Map.of("name", "Acme", "industry", "software", "employees", 250)))
                .send().delivered();

        JsonNode contact = theContactWith(email);
        assertThat(contact.get("company").asText()).isEqualTo("Acme");
        assertThat(contact.get("industry").asText()).isEqualTo("software");
        assertThat(contact.get("companySize").asInt()).isEqualTo(250);
        // fit-score.dmn: software +15, 50..1000 employees +15
        assertThat(contact.get("fitScore").asInt()).isEqualTo(fitBefore + 30);
    }

    @Test
    void aBatchTheClientRetriesAfterALostAnswerIsStoredOnce() {
        String userId = "user-" + UUID.randomUUID();
        String email = newEmail("katherine");

        try (AnswerLosingProxy proxy = AnswerLosingProxy.to(appUrl(), 1)) {
            AnalyticsNodeSender.to(proxy.url(), SERVER_WRITE_KEY).retrying(3)
                    .identify(Map.of("userId", userId, "traits", Map.of("email", email)))
                    .track(Map.of("userId", userId, "event", "Trial Started"))
                    .send().delivered();
            assertThat(proxy.passed()).as("the batch and its retry reached the app").isEqualTo(2);
        }

        JsonNode contact = theContactWith(email);
        assertThat(eventsOf(contact)).extracting(event -> event.get("title").asText())
                .filteredOn("trial_started"::equals).hasSize(1);
        assertThat(contact.get("behaviourScore").asInt()).isEqualTo(pointsOf(eventsOf(contact)));
    }

    @Test
    void anAliasJoinsAVisitorsAnonymousHistoryToTheKnownUser() {
        String anonymousId = "anon-" + UUID.randomUUID();
        String userId = "user-" + UUID.randomUUID();
        String email = newEmail("barbara");
        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .page(Map.of("anonymousId", anonymousId, "name", "Docs", "properties", Map.of("path", "/docs")))
                .identify(Map.of("userId", userId, "traits", Map.of("email", email)))
                .send().delivered();
        assertThat(eventsOf(theContactWith(email))).extracting(event -> event.get("title").asText())
                .doesNotContain("page_view");

        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .alias(Map.of("previousId", anonymousId, "userId", userId))
                .send().delivered();

        assertThat(eventsOf(theContactWith(email))).filteredOn(event -> event.get("title").asText().equals("page_view"))
                .singleElement().satisfies(view -> assertThat(view.get("detail").asText()).startsWith("/docs"));
    }

    @Test
    void aBatchWithAnEventTheSiteMayNotSendStoresTheOthers() {
        String userId = "user-" + UUID.randomUUID();
        String email = newEmail("frances");

        AnalyticsNodeSender.to(appUrl(), SERVER_WRITE_KEY)
                .identify(Map.of("userId", userId, "traits", Map.of("email", email)))
                .track(Map.of("userId", userId, "event", "Email Opened", "properties", Map.of("deliveryId", "forged")))
                .track(Map.of("userId", userId, "event", "Webinar Attended", "properties", Map.of("minutes", 45)))
                .send().delivered();

        assertThat(eventsOf(theContactWith(email))).extracting(event -> event.get("title").asText())
                .contains("webinar_attended").doesNotContain("email_opened");
    }

    @Test
    void aWrongWriteKeyIsRefusedNothingIsStoredAndTheClientSaysSo() {
        String email = newEmail("mallory");

        AnalyticsNodeSender.Sent sent = AnalyticsNodeSender.to(appUrl(), "wk_guessed_" + UUID.randomUUID())
                .identify(Map.of("userId", "user-" + UUID.randomUUID(), "traits", Map.of("email", email)))
                .send();

        assertThat(sent.exitCode()).as(sent.log()).isEqualTo(1);
        assertThat(sent.log()).contains("response 401");
        assertThat(contactsWith(email)).isEmpty();
    }
}
