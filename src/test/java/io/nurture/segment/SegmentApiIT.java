package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * The Segment HTTP API over real HTTP, as Segment's and RudderStack's libraries call it: what each call stores, read
 * back through {@code /api}, and what it refuses.
 */
@InboxAppTest
class SegmentApiIT {

    private static final String KEY = InboxAppTest.WEBSITE_WRITE_KEY;
    private static final String MARKETER = "marketer";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void identifyJoinsTheAnonymousPageHistoryAndMakesALeadWithTheWelcome() {
        String anonymousId = unique("anon");
        String email = unique("ada") + "@example.com";
        assertSuccess(segment("/v1/page", """
                {"anonymousId": "%s", "name": "Pricing", "properties": {"path": "/pricing",
                 "url": "https://www.shop.test/pricing", "referrer": "https://search.test/", "title": "Pricing"},
                 "context": {"campaign": {"source": "newsletter", "medium": "email", "name": "launch"}}}"""
                .formatted(anonymousId)));
        // analytics.js: the short path, text/plain, the key in the body
        assertSuccess(plain("/v1/p", """
                {"writeKey": "%s", "anonymousId": "%s", "properties": {"path": "/docs"}}""".formatted(KEY,
                anonymousId)));
        String visitor = contactOfAnonymousId(anonymousId);
        assertThat(contact(visitor).get("lifecycleStage").asText()).isEqualTo("VISITOR");

        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "anonymousId": "%s", "traits": {"email": "%s", "first_name": "Ada",
                 "lastName": "Lovelace", "company": {"name": "Analytical", "employee_count": 120},
                 "address": {"country": "GB"}, "title": "CTO", "consent": {"email": true}}}"""
                .formatted(unique("user"), anonymousId, email)));

        JsonNode lead = byEmail(email);
        assertThat(lead.get("id").asText()).as("the visitor became the lead").isEqualTo(visitor);
        assertThat(lead.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(lead.get("firstName").asText()).isEqualTo("Ada");
        assertThat(lead.get("lastName").asText()).isEqualTo("Lovelace");
        assertThat(lead.get("company").asText()).isEqualTo("Analytical");
        assertThat(lead.get("companySize").asInt()).isEqualTo(120);
        assertThat(lead.get("country").asText()).isEqualTo("GB");
        assertThat(lead.get("consent").get("email").asBoolean()).isTrue();
        assertThat(typesOf(visitor)).containsExactly("page_view", "page_view", "profile_updated");
        assertThat(api.get("/engine-rest/process-instance?processDefinitionKey=welcome&businessKey=" + visitor,
                "demo").json()).hasSize(1);

        Map<String, Object> page = propertiesOfFirst(visitor, "page_view");
        assertThat(page).containsEntry("page", "/pricing").containsEntry("url", "https://www.shop.test/pricing")
                .containsEntry("referrer", "https://search.test/").containsEntry("title", "Pricing")
                .containsEntry("name", "Pricing").containsEntry("utmSource", "newsletter")
                .containsEntry("utmMedium", "email").containsEntry("utmCampaign", "launch");
        assertThat(page.get("context")).asString().contains("ip=");
    }

    @Test
    void identifyTraitsBeyondTheReservedOnesBecomeCustomPropertiesAndObjectsAndListsAreSkipped() {
        String userId = unique("user");
        String email = unique("kim") + "@example.com";
        // as analytics.js sends them: reserved traits, the site's own ones, nested objects and arrays
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s", "firstName": "Kim", "title": "CTO", "createdAt":
                 "2026-01-02T03:04:05Z", "avatar": "https://img.test/k.png", "address": {"city": "Oslo"},
                 "plan": "pro", "Seat Count": 12, "beta": true, "ratio": 0.75, "tags": ["a", "b"],
                 "preferences": {"theme": "dark"}, "unset": null}}""".formatted(userId, email)));
        JsonNode contact = byEmail(email);
        assertThat(contact.get("firstName").asText()).isEqualTo("Kim");
        assertThat(contact.get("properties").toString())
                .isEqualTo("{\"beta\":true,\"plan\":\"pro\",\"ratio\":0.75,\"seatCount\":12}");

        // null removes one, a new value replaces one, an empty text clears one
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"plan": null, "beta": false, "ratio": "  "}}""".formatted(userId)));
        assertThat(contact(contact.get("id").asText()).get("properties").toString())
                .isEqualTo("{\"beta\":false,\"seatCount\":12}");
    }

    @Test
    void customTraitsOverTheLimitsRefuseTheIdentifyAsOtherBadTraitsDo() {
        String userId = unique("user");
        String email = unique("lim") + "@example.com";
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s", "plan": "free"}}""".formatted(userId, email)));
        String contactId = byEmail(email).get("id").asText();
        long events = eventCount();

        assertProblem(segment("/v1/identify", """
                {"userId": "%s", "traits": {"firstName": "Lim", "plan": "%s"}}""".formatted(userId, "p".repeat(501))),
                400, "traits.plan must be at most 500 characters");
        assertProblem(segment("/v1/identify", """
                {"userId": "%s", "traits": {"first-seen": "2026-01-01"}}""".formatted(userId)), 400,
                "traits.first-seen: a custom property's name is a letter then letters, digits or _");
        assertProblem(segment("/v1/identify", """
                {"userId": "%s", "traits": {"%s": 1}}""".formatted(userId, "n".repeat(41))), 400,
                "custom property's name");
        assertProblem(segment("/v1/identify", """
                {"userId": "%s", "traits": {"seats": 1e300}}""".formatted(userId)), 400,
                "traits.seats must be a number between");
        String fifty = IntStream.range(0, 50).mapToObj(i -> "\"p" + i + "\": " + i)
                .collect(Collectors.joining(", "));
        assertProblem(segment("/v1/identify", """
                {"userId": "%s", "traits": {%s}}""".formatted(userId, fifty)), 400,
                "traits: a contact has at most 50 custom properties; this would make 51");
        Response batch = segment("/v1/batch", """
                {"batch": [{"type": "identify", "messageId": "b0", "userId": "%1$s", "traits": {"seats": 3}},
                           {"type": "identify", "messageId": "b1", "userId": "%1$s", "traits": {%2$s}}]}"""
                .formatted(userId, fifty));
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get("refused")).hasSize(1);
        assertThat(batch.json().get("refused").get(0).get("messageId").asText()).isEqualTo("b1");

        assertThat(eventCount()).as("only the batch's good identify stored").isEqualTo(events + 1);
        assertThat(contact(contactId).path("firstName").isTextual()).as("nothing half-stored").isFalse();
        assertThat(contact(contactId).get("properties").toString()).isEqualTo("{\"plan\":\"free\",\"seats\":3}");
    }

    @Test
    void aKnownUserIdWinsAndGroupSetsTheCompanyAndChangesTheFitScore() {
        String userId = unique("user");
        String email = unique("grace") + "@example.com";
        assertSuccess(segment("/v1/i", """
                {"userId": "%s", "traits": {"email": "%s"}}""".formatted(userId, email)));
        JsonNode before = byEmail(email);

        assertSuccess(segment("/v1/group", """
                {"userId": "%s", "groupId": "acme-1", "traits": {"name": "Acme", "industry": "software",
                 "employees": 250, "annual_revenue": 5000000, "address": {"country": "DE"}, "plan": "enterprise"}}"""
                .formatted(userId)));
        // a later event with only the user id finds the same contact
        assertSuccess(segment("/v1/g", """
                {"userId": "%s", "groupId": "acme-1", "traits": {"website": "https://acme.test"}}"""
                .formatted(userId)));

        JsonNode after = contact(before.get("id").asText());
        assertThat(after.get("company").asText()).isEqualTo("Acme");
        assertThat(after.get("industry").asText()).isEqualTo("software");
        assertThat(after.get("companySize").asInt()).isEqualTo(250);
        assertThat(after.get("country").asText()).isEqualTo("DE");
        assertThat(after.get("fitScore").asInt()).isGreaterThan(before.get("fitScore").asInt());
        assertThat(typesOf(after.get("id").asText())).containsExactly("profile_updated", "company_identified",
                "company_identified");
    }

    @Test
    void aliasMergesTheAnonymousVisitorIntoTheUserAndIsIdempotent() {
        String anonymousId = unique("anon");
        String userId = unique("user");
        String email = unique("alan") + "@example.com";
        assertSuccess(segment("/v1/screen", """
                {"anonymousId": "%s", "name": "Home"}""".formatted(anonymousId)));
        String visitor = contactOfAnonymousId(anonymousId);
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s"}}""".formatted(userId, email)));
        String user = byEmail(email).get("id").asText();
        assertThat(user).isNotEqualTo(visitor);

        String alias = """
                {"userId": "%s", "previousId": "%s"}""".formatted(userId, anonymousId);
        assertSuccess(segment("/v1/alias", alias));
        assertSuccess(segment("/v1/a", alias));

        assertThat(api.get("/api/contacts/" + visitor, MARKETER).status()).as("merged away").isEqualTo(404);
        assertThat(contactOfAnonymousId(anonymousId)).isEqualTo(user);
        assertThat(typesOf(user)).containsExactlyInAnyOrder("page_view", "profile_updated");
    }

    @Test
    void anAliasOfAnAnonymousUserToAKnownOneKeepsTheEmailAndTheErasureTakesTheUserIds() {
        String known = unique("user");
        String anonymous = unique("user");
        String email = unique("edsger") + "@example.com";
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s"}}""".formatted(known, email)));
        assertSuccess(segment("/v1/track", """
                {"userId": "%s", "event": "Trial Started"}""".formatted(anonymous)));

        assertSuccess(segment("/v1/alias", """
                {"userId": "%s", "previousId": "%s"}""".formatted(anonymous, known)));

        String contactId = byEmail(email).get("id").asText();
        assertThat(jdbc.sql("SELECT DISTINCT contact_id FROM contact_user_id WHERE user_id IN (?, ?)")
                .params(known, anonymous).query(String.class).list()).containsExactly(contactId);
        assertThat(typesOf(contactId)).containsExactlyInAnyOrder("profile_updated", "trial_started");

        assertThat(api.delete("/api/contacts/" + contactId, "privacy").status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_user_id WHERE user_id IN (?, ?)").params(known, anonymous)
                .query(Long.class).single()).isZero();
        JsonNode removed = api.get("/api/erasures?contactId=" + contactId, "demo").json().get(0).get("removed");
        assertThat(removed.get("userIds").asLong()).isEqualTo(2);
    }

    @Test
    void theApisEventsTakeTheSameUserIds() {
        String userId = unique("user");
        Response first = api.post("/api/events", """
                {"type": "content_downloaded", "userId": "%s"}""".formatted(userId), "integration");
        assertThat(first.status()).as(first.body()).isEqualTo(202);

        assertSuccess(segment("/v1/track", """
                {"userId": "%s", "event": "Webinar Attended"}""".formatted(userId)));

        assertThat(typesOf(first.json().get("contactId").asText()))
                .containsExactly("content_downloaded", "webinar_attended");
        assertThat(api.post("/api/events", """
                {"type": "page_view", "userId": "%s"}""".formatted("u".repeat(201)), "integration").status())
                .isEqualTo(400);
    }

    @Test
    void anAliasOfTwoPeopleWithTheirOwnEmailsIsRefused() {
        String first = unique("user");
        String second = unique("user");
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s@example.com"}}""".formatted(first, first)));
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s@example.com"}}""".formatted(second, second)));

        Response refused = segment("/v1/alias", """
                {"userId": "%s", "previousId": "%s"}""".formatted(first, second));

        assertProblem(refused, 409, "different e-mail addresses");
        assertThat(byEmail(first + "@example.com").get("id").asText())
                .isNotEqualTo(byEmail(second + "@example.com").get("id").asText());
    }

    @Test
    void trackNamesBecomeEventTypes() {
        String email = unique("order") + "@example.com";
        String userId = unique("user");
        assertSuccess(segment("/v1/identify", """
                {"userId": "%s", "traits": {"email": "%s"}}""".formatted(userId, email)));

        assertSuccess(segment("/v1/t", """
                {"userId": "%s", "event": "Trial Started", "properties": {"Plan Name": "pro", "seats": 3}}"""
                .formatted(userId)));
        assertSuccess(segment("/v1/track", """
                {"userId": "%s", "event": "Order Completed", "properties": {"revenue": 99.5, "currency": "EUR"}}"""
                .formatted(userId)));

        String contactId = byEmail(email).get("id").asText();
        assertThat(contact(contactId).get("lifecycleStage").asText()).isEqualTo("CUSTOMER");
        assertThat(typesOf(contactId)).containsExactly("profile_updated", "trial_started", "purchase");
        assertThat(propertiesOfFirst(contactId, "trial_started")).containsEntry("planName", "pro")
                .containsEntry("seats", 3).doesNotContainKey("Plan Name");
        JsonNode timeline = api.get("/api/reports/contacts/" + contactId + "/timeline", MARKETER).json();
        assertThat(timeline.get("entries").findValuesAsText("title")).contains("trial_started", "purchase");
    }

    @Test
    void theSameMessageIdTwiceIsOneEvent() {
        String anonymousId = unique("anon");
        String message = """
                {"messageId": "%s", "anonymousId": "%s", "event": "Webinar Attended"}"""
                .formatted(UUID.randomUUID(), anonymousId);

        assertSuccess(segment("/v1/track", message));
        assertSuccess(segment("/v1/track", message));

        assertThat(typesOf(contactOfAnonymousId(anonymousId))).containsExactly("webinar_attended");
    }

    @Test
    void theSendersClockIsCorrectedBySentAt() {
        String anonymousId = unique("anon");
        Instant sendersNow = Instant.now().plus(Duration.ofHours(3)); // the sender's clock is 3 hours ahead
        Instant before = Instant.now();
        assertSuccess(segment("/v1/page", """
                {"anonymousId": "%s", "timestamp": "%s", "sentAt": "%s"}""".formatted(anonymousId,
                sendersNow.minus(Duration.ofMinutes(10)), sendersNow)));
        Instant after = Instant.now();

        Instant occurredAt = jdbc.sql("SELECT occurred_at FROM contact_event WHERE contact_id = ?")
                .param(contactOfAnonymousId(anonymousId)).query(Timestamp.class).single().toInstant();
        assertThat(occurredAt).isBetween(before.minus(Duration.ofMinutes(10)).minusSeconds(1),
                after.minus(Duration.ofMinutes(10)).plusSeconds(1));
    }

    @Test
    void aBatchStoresItsGoodMessagesAndListsTheRefused() {
        String anonymousId = unique("anon");
        String userId = unique("user");
        String big = "x".repeat(33 * 1024);
        Response response = segment("/v1/batch", """
                {"batch": [
                  {"type": "page", "messageId": "m0", "anonymousId": "%1$s", "properties": {"path": "/"}},
                  {"type": "track", "messageId": "m1", "anonymousId": "%1$s", "event": "Email Opened"},
                  {"type": "track", "messageId": "m2", "anonymousId": "%1$s", "event": "Content Downloaded"},
                  {"type": "track", "messageId": "m3", "anonymousId": "%1$s", "event": "Trial Started",
                   "properties": {"note": "%2$s"}},
                  {"type": "tracks", "messageId": "m4", "anonymousId": "%1$s"},
                  {"type": "identify", "messageId": "m5", "anonymousId": "%1$s", "userId": "%3$s",
                   "timestamp": 17},
                  {"type": "identify", "messageId": "m6", "traits": {"email": "nobody@example.com"}},
                  {"type": "alias", "messageId": "m7", "previousId": "%1$s", "userId": "%3$s"}
                ]}""".formatted(anonymousId, big, userId));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("success").asBoolean()).isTrue();
        List<String> refused = new ArrayList<>();
        answer.get("refused").forEach(r -> refused.add(r.get("index").asInt() + " " + r.get("messageId").asText()
                + ": " + r.get("detail").asText()));
        assertThat(refused).hasSize(5);
        assertThat(refused.get(0)).startsWith("1 m1: ").contains("reserved for Nurture's own tracking");
        assertThat(refused.get(1)).startsWith("3 m3: ").contains("32 KB");
        assertThat(refused.get(2)).startsWith("4 m4: ").contains("type must be one of");
        assertThat(refused.get(3)).startsWith("5 m5: ").contains("timestamp must be a string");
        assertThat(refused.get(4)).startsWith("6 m6: ").contains("needs a userId or an anonymousId");
        String visitor = contactOfAnonymousId(anonymousId);
        assertThat(typesOf(visitor)).containsExactly("page_view", "content_downloaded");
        assertThat(jdbc.sql("SELECT contact_id FROM contact_user_id WHERE user_id = ?").param(userId)
                .query(String.class).single()).as("the alias linked the user id").isEqualTo(visitor);
    }

    @Test
    void concurrentBatchesForTheSameNewPeopleMakeOneContactEachAndCountEveryEvent() throws Exception {
        List<String> people = IntStream.range(0, 10).mapToObj(i -> unique("crowd")).toList();
        int senders = 4;
        int pagesEach = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int sender = 0; sender < senders; sender++) {
                String batch = people.stream().flatMap(person -> IntStream.range(0, pagesEach).mapToObj(page -> """
                        {"type": "page", "messageId": "%s", "userId": "%s", "properties": {"path": "/p/%d"},
                         "context": {"traits": {"email": "%s@example.com"}}}""".formatted(UUID.randomUUID(), person,
                        page, person))).collect(Collectors.joining(",", "{\"batch\": [", "]}"));
                answers.add(pool.submit(() -> {
                    start.await();
                    return segment("/v1/batch", batch);
                }));
            }
            start.countDown();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertSuccess(response);
                assertThat(response.json().path("refused")).as(response.body()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String person : people) {
            String contactId = byEmail(person + "@example.com").get("id").asText();
            assertThat(typesOf(contactId)).as(person).filteredOn("page_view"::equals).hasSize(senders * pagesEach);
        }
    }

    @Test
    void aBatchsContextIsSharedByItsMessagesWhereTheySayNothingElse() {
        String shared = unique("anon");
        String own = unique("anon");
        assertSuccess(segment("/v1/batch", """
                {"context": {"campaign": {"source": "newsletter", "name": "december"}, "locale": "de-DE"},
                 "batch": [
                  {"type": "page", "anonymousId": "%s", "properties": {"path": "/pricing"}},
                  {"type": "page", "anonymousId": "%s", "properties": {"path": "/pricing"},
                   "context": {"campaign": {"source": "ads"}}}
                ]}""".formatted(shared, own)));

        Map<String, Object> sharing = propertiesOfFirst(contactOfAnonymousId(shared), "page_view");
        assertThat(sharing).containsEntry("utmSource", "newsletter").containsEntry("utmCampaign", "december");
        assertThat(sharing.get("context")).asString().contains("locale=de-DE");
        Map<String, Object> owning = propertiesOfFirst(contactOfAnonymousId(own), "page_view");
        assertThat(owning).containsEntry("utmSource", "ads").doesNotContainKey("utmCampaign");
        assertThat(owning.get("context")).as("the message's own campaign, the batch's locale").asString()
                .contains("locale=de-DE", "source=ads");

        assertProblem(segment("/v1/batch", """
                {"context": "web", "batch": [{"type": "page", "anonymousId": "%s"}]}""".formatted(shared)), 400,
                "context must be an object");
    }

    @Test
    void importIsTheOlderNameOfBatch() {
        String anonymousId = unique("anon");
        Response response = plain("/v1/import", """
                {"writeKey": "%s", "batch": [{"type": "page", "anonymousId": "%s"}]}""".formatted(KEY, anonymousId));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("refused")).isEmpty();
        assertThat(typesOf(contactOfAnonymousId(anonymousId))).containsExactly("page_view");
    }

    @Test
    void withoutTheSourcesWriteKeyNothingIsStored() {
        long events = eventCount();
        String page = "{\"anonymousId\": \"" + unique("anon") + "\"}";

        assertUnauthorized(send("/v1/page", page, "application/json", null, null));
        assertUnauthorized(send("/v1/page", page, "application/json", NurtureClient.basic("wrong-key", ""), null));
        assertUnauthorized(plain("/v1/p", "{\"writeKey\": \"wrong-key\", \"anonymousId\": \"a\"}"));
        // a user is not a source, whatever the user's groups
        assertUnauthorized(send("/v1/page", page, "application/json", NurtureClient.basic("demo", "demo"), null));
        assertUnauthorized(send("/v1/page", page, "application/json",
                NurtureClient.basic("integration", "integration"), null));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusedKeyIsAskedForAsSegmentsLibrariesGiveIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/v1/track")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"anonymousId\": \"a\", \"event\": \"X\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Basic realm=\"Nurture tracking API\"");
    }

    @Test
    void aWriteKeyReachesNeitherTheApiNorTheEngine() {
        String key = NurtureClient.basic(KEY, "");
        Response events = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/events"))
                .header("Authorization", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"page_view\", \"anonymousId\": \"a\"}"))
                .build());
        Response engine = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/engine-rest/process-instance"))
                .header("Authorization", key).GET().build());

        assertThat(events.status()).isEqualTo(401);
        assertThat(engine.status()).isEqualTo(401);
    }

    @Test
    void aBrowserPostsOnlyFromTheSourcesOrigins() {
        String anonymousId = unique("anon");
        String page = "{\"anonymousId\": \"" + anonymousId + "\"}";

        Response foreign = send("/v1/page", page, "text/plain", NurtureClient.basic(KEY, ""),
                "https://evil.test");
        Response own = send("/v1/page", page, "text/plain", NurtureClient.basic(KEY, ""), InboxAppTest.WEBSITE_ORIGIN);

        assertProblem(foreign, 403, "https://evil.test");
        assertSuccess(own);
        assertThat(typesOf(contactOfAnonymousId(anonymousId))).containsExactly("page_view");
    }

    @Test
    void tooLargeBodiesAre413AndTooManyMessages400() {
        long events = eventCount();
        String big = "x".repeat(33 * 1024);
        assertProblem(segment("/v1/track", """
                {"anonymousId": "a", "event": "Big", "properties": {"note": "%s"}}""".formatted(big)), 413, "32 KB");
        String item = "{\"type\": \"page\", \"anonymousId\": \"a\", \"properties\": {\"n\": \"" + "y".repeat(1000)
                + "\"}}";
        String batch = IntStream.range(0, 490).mapToObj(i -> item).collect(Collectors.joining(",", "{\"batch\": [",
                "]}"));
        assertThat(batch.length()).as("over Segment's 500 KB, under the 512 KB of every /v1 body")
                .isBetween(500 * 1024 + 1, 512 * 1024);
        assertProblem(segment("/v1/batch", batch), 413, "500 KB");
        String many = IntStream.range(0, 2501).mapToObj(i -> "{}").collect(Collectors.joining(",", "{\"batch\": [",
                "]}"));
        assertProblem(segment("/v1/b", many), 400, "at most 2500 messages");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badBodiesAre400NamingTheFieldAndOtherContentTypes415() {
        long events = eventCount();
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": "), 400, "not valid JSON");
        assertProblem(segment("/v1/track", "[1, 2]"), 400, "must be a JSON object");
        assertProblem(segment("/v1/track", "{\"anonymousId\": true, \"event\": \"X\"}"), 400,
                "anonymousId must be a string");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\", \"properties\": \"p\"}"), 400,
                "properties must be an object");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\", \"timestamp\": \"yesterday\"}"),
                400, "timestamp must be an ISO-8601 date-time");
        assertProblem(segment("/v1/identify", "{\"userId\": \"u\", \"traits\": {\"employees\": \"many\"}}"), 400,
                "traits.employees must be a non-negative number");
        assertProblem(segment("/v1/identify", "{\"userId\": \"u\", \"traits\": {\"email\": \"not-an-address\"}}"),
                400, "traits.email must be a well-formed e-mail address");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"Email Clicked\"}"), 400,
                "reserved for Nurture's own tracking");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"!!!\"}"), 400,
                "is not an event name");
        assertProblem(segment("/v1/group", "{\"anonymousId\": \"a\", \"traits\": {\"name\": \"Acme\"}}"), 400,
                "needs a groupId");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\", \"properties\": "
                + "{\"a\": ".repeat(40) + "1" + "}".repeat(41)), 400, "properties.a.a");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\", \"properties\": "
                + "{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": 1}}}}}}}"), 400, "nested too deeply");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\", \"properties\": "
                + "{\"Plan Name\": 1, \"planName\": 2}}"), 400, "properties.Plan Name");
        assertProblem(segment("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\", \"messageId\": \""
                + "m".repeat(200) + "\"}"), 400, "messageId must be at most");
        assertProblem(send("/v1/track", "{\"anonymousId\": \"a\", \"event\": \"X\"}", "application/xml",
                NurtureClient.basic(KEY, ""), null), 415, "");
        assertThat(eventCount()).isEqualTo(events);
    }

    private Response segment(String path, String json) {
        return send(path, json, "application/json", NurtureClient.basic(KEY, ""), null);
    }

    private Response plain(String path, String json) {
        return send(path, json, "text/plain;charset=UTF-8", null, null);
    }

    private Response send(String path, String body, String contentType, String authorization, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        Optional.ofNullable(authorization).ifPresent(value -> request.header("Authorization", value));
        Optional.ofNullable(origin).ifPresent(value -> request.header("Origin", value));
        return api.send(request.build());
    }

    private static void assertSuccess(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
    }

    private void assertUnauthorized(Response response) {
        assertProblem(response, 401, "write key is required");
    }

    private static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail).doesNotContain("java.", "Exception", "`");
    }

    private JsonNode contact(String id) {
        Response response = api.get("/api/contacts/" + id, MARKETER);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode byEmail(String email) {
        JsonNode found = api.get("/api/contacts?email=" + email, MARKETER).json();
        assertThat(found).as(email).hasSize(1);
        return found.get(0);
    }

    private String contactOfAnonymousId(String anonymousId) {
        return jdbc.sql("SELECT contact_id FROM contact_anonymous_id WHERE anonymous_id = ?").param(anonymousId)
                .query(String.class).single();
    }

    private List<String> typesOf(String contactId) {
        return jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ? ORDER BY occurred_at, received_at")
                .param(contactId).query(String.class).list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> propertiesOfFirst(String contactId, String type) {
        String json = jdbc.sql("""
                SELECT properties FROM contact_event WHERE contact_id = ? AND type = ?
                ORDER BY occurred_at""").params(contactId, type).query(String.class).list().get(0);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long eventCount() {
        return jdbc.sql("SELECT COUNT(*) FROM contact_event").query(Long.class).single();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
