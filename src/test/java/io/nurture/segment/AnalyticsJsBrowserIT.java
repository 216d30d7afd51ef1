package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.reporting.Browser;

/**
 * A site that loads analytics.js itself ({@code @segment/analytics-next}, served by the site, no CDN) in headless
 * Chromium, pointed at Nurture by its api host and the site's write key; the contact that comes out is checked
 * through the API.
 */
class AnalyticsJsBrowserIT extends AbstractSegmentClientsIT {

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        SegmentClients.requireInstalled();
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aVisitorWhoSignsUpIsOneLeadWithThePagesSeenBefore() {
        String email = newEmail("grace");
        String userId = "user-" + UUID.randomUUID();

        JsonNode visit = AnalyticsJsPage.sendingTo("127.0.0.1:" + port + "/v1", SITE_WRITE_KEY)
                .call("page")
                .call("identify", userId, Map.of("email", email, "firstName", "Grace", "consent", Map.of("email", true)))
                .call("track", "Trial Started", Map.of("plan", "pro"))
                .open(SITE, "/pricing", browser);

        assertThat(visit.path("error").isMissingNode()).as(visit.toString()).isTrue();
        assertThat(visit.path("calls")).as(visit.toString())
                .allSatisfy(call -> assertThat(call.path("failed").isNull()).isTrue());
        assertThat(browser.consoleErrors()).isEmpty();
        JsonNode contact = theContactWith(email);
        assertThat(contact.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(contact.get("firstName").asText()).isEqualTo("Grace");
        assertThat(contact.get("consent").get("email").asBoolean()).isTrue();
        List<JsonNode> events = eventsOf(contact);
        // the page view went out with the browser's anonymousId alone, before the identify named the e-mail
        assertThat(events).filteredOn(event -> event.get("title").asText().equals("page_view"))
                .singleElement().satisfies(view -> assertThat(view.get("detail").asText()).startsWith("/pricing"));
        assertThat(events).extracting(event -> event.get("title").asText()).contains("trial_started");
        // a first view of /pricing (10) and the trial (20, behaviour-score.dmn)
        assertThat(contact.get("behaviourScore").asInt()).isEqualTo(pointsOf(events)).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aTrackThatAnalyticsJsRetriesAfterALostAnswerIsStoredOnce() {
        String email = newEmail("margaret");
        String userId = "user-" + UUID.randomUUID();
        AnalyticsJsPage.sendingTo("127.0.0.1:" + port + "/v1", SITE_WRITE_KEY)
                .call("identify", userId, Map.of("email", email))
                .open(SITE, "/signup", browser);

        try (AnswerLosingProxy proxy = AnswerLosingProxy.to(appUrl(), 1)) {
            String proxyHost = proxy.url().substring("http://".length());
            AnalyticsJsPage.sendingTo(proxyHost + "/v1", SITE_WRITE_KEY)
                    .call("track", "Trial Started")
                    .open(SITE, "/trial", browser);
            // analytics.js answers the call once it has queued the retry; the retry (with X-Retry-Count, so with a
            // preflight of its own) follows after its back-off
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> proxy.passed() >= 2);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("analytics.js's retry never reached the app; the browser said: "
                        + browser.consoleErrors(), e);
            }
        }

        assertThat(eventsOf(theContactWith(email))).extracting(event -> event.get("title").asText())
                .filteredOn("trial_started"::equals).hasSize(1);
    }

    @Test
    void aSiteWhoseOriginIsNotTheSourcesCannotPostWithItsKey() {
        String email = newEmail("eve");

        try (LocalSite otherSite = LocalSite.start()) {
            JsonNode visit = AnalyticsJsPage.sendingTo("127.0.0.1:" + port + "/v1", SITE_WRITE_KEY)
                    .call("identify", "user-" + UUID.randomUUID(), Map.of("email", email))
                    .open(otherSite, "/copied-snippet", browser);
            assertThat(visit.path("error").isMissingNode()).as(visit.toString()).isTrue();
        }

        assertThat(browser.consoleErrors()).extracting(entry -> entry.getMessage())
                .anySatisfy(message -> assertThat(message).contains("CORS"));
        assertThat(contactsWith(email)).isEmpty();
    }
}
