package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.reporting.Browser;
import io.nurture.segment.RecordingTrackingApi.Request;

/**
 * What the real Segment clients put on the wire, recorded by a stand-in server: the paths, headers and body fields
 * that the tracking API ({@code /v1/*}) has to accept. No app here; {@code SegmentNodeClientIT} and
 * {@code AnalyticsJsBrowserIT} send the same to Nurture.
 */
class SegmentClientRequestsIT {

    private static final String WRITE_KEY = "wk_recorded_0123456789";

    private RecordingTrackingApi api;

    @BeforeEach
    void startApi() {
        api = RecordingTrackingApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void analyticsNodePostsOneBatchAuthenticatedByBasicWithTheWriteKeyAsUser() {
        AnalyticsNodeSender.Sent sent = AnalyticsNodeSender.to("http://" + api.host(), WRITE_KEY)
                .page(Map.of("anonymousId", "anon-1", "name", "Pricing", "properties", Map.of("path", "/pricing")))
                .identify(Map.of("anonymousId", "anon-1", "userId", "user-1",
                        "traits", Map.of("email", "ada@example.com", "consent", Map.of("email", true))))
                .track(Map.of("userId", "user-1", "event", "Trial Started", "properties", Map.of("plan", "pro")))
                .send().delivered();

        assertThat(api.posts()).hasSize(1);
        Request batch = api.posts().get(0);
        assertThat(batch.path()).isEqualTo("/v1/batch");
        assertThat(batch.headers()).containsEntry("content-type", "application/json")
                .containsEntry("authorization", basic(WRITE_KEY))
                .containsEntry("user-agent", "analytics-node-next/latest");
        JsonNode body = batch.json();
        assertThat(body.path("writeKey").asText()).isEqualTo(WRITE_KEY);
        assertThat(body.path("sentAt").asText()).isNotEmpty();
        JsonNode events = body.path("batch");
        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("timestamp").asText()).isNotEmpty();
            assertThat(event.path("context").path("library").path("name").asText())
                    .isEqualTo("@segment/analytics-node");
        });
        assertThat(events).extracting(event -> event.path("messageId").asText())
                .containsExactlyElementsOf(sent.messageIds());
        assertThat(events).extracting(event -> event.path("type").asText())
                .containsExactly("page", "identify", "track");
        assertThat(events.get(0).path("name").asText()).isEqualTo("Pricing");
        assertThat(events.get(0).path("properties").path("path").asText()).isEqualTo("/pricing");
        assertThat(events.get(1).path("traits").path("email").asText()).isEqualTo("ada@example.com");
        assertThat(events.get(1).path("traits").path("consent").path("email").asBoolean()).isTrue();
        assertThat(events.get(2).path("event").asText()).isEqualTo("Trial Started");
        assertThat(events.get(2).has("anonymousId")).as("a track with only a userId").isFalse();
    }

    @Test
    void analyticsNodeRetriesAFailedBatchWithTheSameMessageIds() {
        api.failNext(1);

        AnalyticsNodeSender.to("http://" + api.host(), WRITE_KEY).retrying(2)
                .track(Map.of("userId", "user-1", "event", "Order Completed", "properties", Map.of("revenue", 99)))
                .send().delivered();

        List<Request> posts = api.posts();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).headers()).doesNotContainKey("x-retry-count");
        assertThat(posts.get(1).headers()).containsEntry("x-retry-count", "1");
        assertThat(posts.get(1).json().path("batch").get(0).path("messageId"))
                .isEqualTo(posts.get(0).json().path("batch").get(0).path("messageId"));
    }

    @Test
    void analyticsJsPostsEachCallAsTextPlainJsonToItsShortPathAfterAPreflight() {
        try (LocalSite site = LocalSite.start(); Browser browser = Browser.start()) {
            JsonNode result = AnalyticsJsPage.sendingTo(api.host() + "/v1", WRITE_KEY)
                    .call("page")
                    .call("identify", "user-7", Map.of("email", "grace@example.com", "consent", Map.of("email", true)))
                    .call("track", "Trial Started", Map.of("plan", "pro"))
                    .open(site, "/pricing", browser);

            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("calls")).allSatisfy(call -> assertThat(call.path("failed").isNull()).isTrue());
            String anonymousId = result.path("anonymousId").asText();
            assertThat(anonymousId).isNotEmpty();

            // the Authorization header makes every post a CORS request with a preflight
            List<Request> preflights = api.requests().stream().filter(r -> r.method().equals("OPTIONS")).toList();
            assertThat(preflights).isNotEmpty().allSatisfy(preflight -> {
                assertThat(preflight.headers()).containsEntry("origin", site.origin())
                        .containsEntry("access-control-request-method", "POST");
                assertThat(preflight.headers().get("access-control-request-headers")).contains("authorization");
            });

            List<Request> posts = api.posts();
            assertThat(posts).extracting(Request::path).containsExactly("/v1/p", "/v1/i", "/v1/t");
            assertThat(posts).allSatisfy(post -> {
                assertThat(post.headers()).containsEntry("content-type", "text/plain")
                        .containsEntry("authorization", basic(WRITE_KEY))
                        .containsEntry("origin", site.origin());
                JsonNode body = post.json();
                assertThat(body.path("writeKey").asText()).isEqualTo(WRITE_KEY);
                assertThat(body.path("anonymousId").asText()).isEqualTo(anonymousId);
                assertThat(body.path("messageId").asText()).startsWith("ajs-next-");
                assertThat(body.path("sentAt").asText()).isNotEmpty();
                assertThat(body.path("timestamp").asText()).isNotEmpty();
                assertThat(body.path("context").path("library").path("name").asText()).isEqualTo("analytics.js");
                assertThat(body.path("context").path("page").path("path").asText()).isEqualTo("/pricing");
                assertThat(body.path("context").path("page").path("url").asText())
                        .isEqualTo(site.origin() + "/pricing");
                assertThat(body.path("context").path("userAgent").asText()).isNotEmpty();
            });
            JsonNode page = posts.get(0).json();
            assertThat(page.path("type").asText()).isEqualTo("page");
            assertThat(page.path("properties").path("path").asText()).isEqualTo("/pricing");
            assertThat(page.path("properties").path("title").asText()).isEqualTo("Pricing - Example Site");
            JsonNode identify = posts.get(1).json();
            assertThat(identify.path("type").asText()).isEqualTo("identify");
            assertThat(identify.path("userId").asText()).isEqualTo("user-7");
            assertThat(identify.path("traits").path("email").asText()).isEqualTo("grace@example.com");
            JsonNode track = posts.get(2).json();
            assertThat(track.path("type").asText()).isEqualTo("track");
            assertThat(track.path("event").asText()).isEqualTo("Trial Started");
            assertThat(track.path("userId").asText()).isEqualTo("user-7");
            assertThat(track.path("properties").path("plan").asText()).isEqualTo("pro");
            assertThat(result.path("resources")).as("nothing from a CDN").isNotEmpty().allSatisfy(url ->
                    assertThat(url.asText()).satisfiesAnyOf(
                            u -> assertThat(u).startsWith(site.origin() + "/"),
                            u -> assertThat(u).startsWith("http://" + api.host() + "/")));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void analyticsJsRetriesAFailedPostWithTheSameMessageIdAndAnXRetryCountHeader() {
        api.failNext(1);
        try (LocalSite site = LocalSite.start(); Browser browser = Browser.start()) {
            AnalyticsJsPage.sendingTo(api.host() + "/v1", WRITE_KEY)
                    .call("track", "Trial Started")
                    .open(site, "/trial", browser);
            // the call is answered once the retry is queued; the retry follows after analytics.js's back-off
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> api.posts().size() >= 2);
        }

        List<Request> posts = api.posts();
        assertThat(posts.get(0).headers()).doesNotContainKey("x-retry-count");
        assertThat(posts.get(1).headers()).containsEntry("x-retry-count", "1");
        assertThat(posts.get(1).json().path("messageId")).isEqualTo(posts.get(0).json().path("messageId"));
        // so a browser's retry needs CORS to allow X-Retry-Count as well as Authorization
        assertThat(api.requests()).filteredOn(request -> request.method().equals("OPTIONS"))
                .extracting(request -> request.headers().get("access-control-request-headers"))
                .contains("authorization,x-retry-count");
    }

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
