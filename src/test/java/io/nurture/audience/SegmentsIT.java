package io.nurture.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;
import io.nurture.contact.ContactProperties;
import io.nurture.contact.PropertyValues;

/**
 * Segments through the API on the whole app: a rule saved and built, members entering and leaving as events, profile
 * changes, campaign ends and list changes (by hand or by import) happen, a rule edit rebuilt, the preview, the sweep
 * for time windows, a segment deleted, and every kind of bad or malicious body refused with a problem that stores
 * nothing.
 */
@JobsOffAppTest
class SegmentsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    SegmentSweep sweep;

    @Autowired
    ContactProperties properties;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Segments segmentsApi;

    NurtureClient api;
    String company;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        company = "Seg " + UUID.randomUUID();
    }

    @Test
    void aContactEntersAndLeavesAsItsProfileChangesWithEachStayKept() {
        String segment = created("German " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"field": "country", "op": "eq", "value": "DE"}]}""".formatted(company));
        String email = unique("ada");

        String contact = event("form_submitted", email, "\"country\": \"DE\"");

        JsonNode mine = api.get("/api/contacts/" + contact + "/segments", "sales").json();
        assertThat(of(mine.get("current"), segment)).hasSize(1);
        JsonNode page = api.get("/api/segments/" + segment + "/members", "marketer").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("members").get(0).get("email").asText()).isEqualTo(email);

        event("page_view", email, "\"country\": \"FR\"");

        mine = api.get("/api/contacts/" + contact + "/segments", "marketer").json();
        assertThat(of(mine.get("current"), segment)).isEmpty();
        assertThat(of(mine.get("history"), segment)).hasSize(1);
        assertThat(of(mine.get("history"), segment).get(0).has("leftAt")).isTrue();
        assertThat(api.get("/api/segments/" + segment + "/members", "marketer").json().get("total").asLong())
                .isZero();

        event("page_view", email, "\"country\": \"DE\"");

        mine = api.get("/api/contacts/" + contact + "/segments", "marketer").json();
        assertThat(of(mine.get("current"), segment)).hasSize(1);
        assertThat(of(mine.get("history"), segment)).hasSize(2);
        assertThat(of(mine.get("history"), segment).get(0).has("leftAt")).as("the latest stay lasts").isFalse();
        JsonNode sizes = api.get("/api/segments/" + segment + "/sizes", "sales").json().get("sizes");
        assertThat(sizes.get(sizes.size() - 1).get("members").asLong()).isEqualTo(1);
    }

    @Test
    void membersComeAsCsvWhenAskedFor() {
        String segment = created("Csv " + company, """
                {"any": [{"field": "company", "op": "eq", "value": "%s"}]}""".formatted(company));
        String first = unique("csv1");
        String second = unique("csv2");
        event("form_submitted", first, "\"firstName\": \"=cmd|' /C calc'!A0\"");
        event("form_submitted", second, "\"firstName\": \"Bo \\\"the\\\" Builder\"");

        Response byFormat = api.get("/api/segments/" + segment + "/members?format=csv", "sales");
        Response byAccept = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/segments/" + segment
                + "/members")).header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Accept", "text/csv").GET().build());

        for (Response csv : List.of(byFormat, byAccept)) {
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).isEqualTo("contactId,email,firstName,lastName,lifecycleStage,score,enteredAt");
            assertThat(lines).hasSize(3);
            assertThat(csv.body()).contains("\"" + first + "\"", "\"" + second + "\"")
                    .contains("\"'=cmd|' /C calc'!A0\"").contains("\"Bo \"\"the\"\" Builder\"");
        }
    }

    @Test
    void behaviourAndCampaignConditionsFollowEventsAndTheCampaignsEnd() {
        String segment = created("Browsing in welcome " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"event": "page_view", "atLeast": 2, "withinDays": 30},
                         {"campaign": "welcome", "status": "in"}]}""".formatted(company));
        String email = unique("browse");
        String contact = event("form_submitted", email, "\"consent\": {\"email\": true}");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contact).count()).isEqualTo(1);

        event("page_view", email, null);
        assertThat(isMember(segment, contact)).as("one page view is not two").isFalse();
        event("page_view", email, null);
        assertThat(isMember(segment, contact)).isTrue();

        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("welcome")
                .processInstanceBusinessKey(contact).singleResult().getId();
        runtime.deleteProcessInstance(instance, "left welcome for the test");

        assertThat(isMember(segment, contact)).as("out of welcome: out of the segment").isFalse();
    }

    @Test
    void aContactAddedToAListEntersASegmentNamingItAtOnceAndLeavesWhenRemoved() {
        String list = list("Webinar guests " + company);
        String segment = created("On the list " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"}, {"list": "%s"}]}""".formatted(company,
                list));
        String notOnIt = created("Not on the list " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"}, {"list": "%s", "not": true}]}"""
                .formatted(company, list));
        String contact = event("form_submitted", unique("listed"), null);
        assertThat(isMember(segment, contact)).isFalse();
        assertThat(isMember(notOnIt, contact)).isTrue();

        Response added = api.post("/api/lists/" + list + "/members", "{\"contactIds\": [\"" + contact + "\"]}",
                "marketer");

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(isMember(segment, contact)).as("in the list's transaction, no rebuild").isTrue();
        assertThat(isMember(notOnIt, contact)).isFalse();

        assertThat(api.delete("/api/lists/" + list + "/members/" + contact, "marketer").status()).isEqualTo(204);

        assertThat(isMember(segment, contact)).isFalse();
        assertThat(isMember(notOnIt, contact)).isTrue();
        List<JsonNode> stays = of(api.get("/api/contacts/" + contact + "/segments", "marketer").json().get("history"),
                segment);
        assertThat(stays).hasSize(1);
        assertThat(stays.get(0).has("enteredAt")).isTrue();
        assertThat(stays.get(0).has("leftAt")).isTrue();
        assertThat(of(api.get("/api/contacts/" + contact + "/segments", "marketer").json().get("history"), notOnIt))
                .as("left the 'not on the list' segment and came back").hasSize(2);
    }

    @Test
    void contactsImportedIntoAListEnterTheSegmentNamingIt() {
        String list = list("Imported guests " + company);
        String segment = created("Imported onto the list " + company, """
                {"all": [{"list": "%s"}]}""".formatted(list));
        String knownEmail = unique("known");
        event("form_submitted", knownEmail, null);
        String fresh = unique("fresh");
        String boundary = "----nurture" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"listId\"\r\n\r\n" + list
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"g.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail\r\n" + knownEmail + "\r\n" + fresh + "\r\n--" + boundary
                + "--\r\n";
        Response started = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String importId = started.json().get("id").asText();
        await().atMost(PATIENCE).until(() -> api.get("/api/imports/" + importId, "marketer").json().get("status")
                .asText().equals("DONE"));

        List<String> emails = api.get("/api/segments/" + segment + "/members", "marketer").json().get("members")
                .findValuesAsText("email");
        assertThat(emails).containsExactlyInAnyOrder(knownEmail, fresh);
        assertThat(built(segment).get("version").asInt()).as("no rebuild, the import moved them").isEqualTo(1);
    }

    @Test
    void aRuleNamingAnUnknownListOrABadOneIsRefusedNamingThePointer() {
        String list = list("Known " + company);
        long before = segments();
        assertRefused(named("{\"all\": [{\"list\": \"" + list + "\"}, {\"any\": [{\"list\": \""
                + UUID.randomUUID() + "\"}]}]}"), "/rule/all/1/any/0/list");
        assertRefused(named("{\"all\": [{\"list\": 7}]}"), "/rule/all/0/list");
        assertRefused(named("{\"all\": [{\"list\": \"x' OR '1'='1\"}]}"), "/rule/all/0/list");
        assertRefused(named("{\"all\": [{\"list\": \"" + "a".repeat(37) + "\"}]}"), "/rule/all/0/list");
        assertRefused(named("{\"all\": [{\"list\": \"" + list + "\", \"not\": \"yes\"}]}"), "/rule/all/0/not");
        assertRefused(named("{\"all\": [{\"list\": \"" + list + "\", \"withinDays\": 3}]}"),
                "/rule/all/0/withinDays");
        assertThat(segments()).as("nothing stored").isEqualTo(before);

        String segment = created("Known list " + company, "{\"all\": [{\"list\": \"" + list + "\"}]}");
        Response edit = api.put("/api/segments/" + segment, "{\"rule\": {\"any\": [{\"list\": \"" + UUID.randomUUID()
                + "\"}]}}", "marketer");
        assertThat(edit.status()).as(edit.body()).isEqualTo(400);
        assertThat(edit.json().get("detail").asText()).startsWith("/rule/any/0/list:");
        assertThat(api.get("/api/segments/" + segment, "marketer").json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void deletingASegmentTakesItsMembersStaysAndSizesWithIt() {
        String segment = created("Deleted " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"}]}""".formatted(company));
        String contact = event("form_submitted", unique("deleted"), null);
        assertThat(isMember(segment, contact)).isTrue();
        assertThat(rows("segment_size_daily", segment)).isPositive();

        Response deleted = api.delete("/api/segments/" + segment, "marketer");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/api/segments/" + segment, "marketer").status()).isEqualTo(404);
        assertThat(rows("segment_member", segment)).isZero();
        assertThat(rows("segment_membership_history", segment)).isZero();
        assertThat(rows("segment_size_daily", segment)).isZero();
        assertThat(api.get("/api/contacts/" + contact, "marketer").status()).as("the contact stays").isEqualTo(200);
        event("page_view", unique("after-delete"), null);
        Response again = api.delete("/api/segments/" + segment, "marketer");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/api/segments/" + "x".repeat(300), "marketer").status()).isEqualTo(404);
    }

    @Test
    void anEventEnteringASegmentWhileItIsBeingDeletedIsStoredAllTheSame() throws Exception {
        String segment = created("Going " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"}]}""".formatted(company));
        CountDownLatch deleted = new CountDownLatch(1);
        ExecutorService deleter = Executors.newSingleThreadExecutor();
        Future<?> deletion = deleter.submit(() -> transaction.executeWithoutResult(status -> {
            segmentsApi.delete(segment);
            deleted.countDown();
            sleep(700); // the event's check reads the segment meanwhile, and waits for this deletion to commit
        }));
        try {
            assertThat(deleted.await(10, TimeUnit.SECONDS)).isTrue();
            String contact = event("form_submitted", unique("racing"), null);

            deletion.get(10, TimeUnit.SECONDS);
            assertThat(api.get("/api/contacts/" + contact, "marketer").status()).isEqualTo(200);
            assertThat(rows("segment_member", segment)).as("no member of a segment that is gone").isZero();
            assertThat(rows("segment_membership_history", segment)).isZero();
        } finally {
            deleter.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void whoMayOnlyReadSegmentsCannotDeleteOne() {
        String segment = created("Kept " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"}]}""".formatted(company));
        String contact = event("form_submitted", unique("kept"), null);

        for (String user : List.of("sales", "sdrlead", "integration")) {
            Response refused = api.delete("/api/segments/" + segment, user);
            assertThat(refused.status()).as(user + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/segments/" + segment, "sales").status()).isEqualTo(200);
        assertThat(isMember(segment, contact)).isTrue();
        assertThat(rows("segment_membership_history", segment)).isEqualTo(1);
    }

    @Test
    void aRuleEditRebuildsTheMembersWithProgress() {
        String segment = created("Edited " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"field": "country", "op": "eq", "value": "DE"}]}""".formatted(company));
        String de = event("form_submitted", unique("de"), "\"country\": \"DE\"");
        String fr = event("form_submitted", unique("fr"), "\"country\": \"FR\"");
        String us = event("form_submitted", unique("us"), "\"country\": \"US\"");
        assertThat(members(segment)).containsExactly(de);

        Response edited = api.put("/api/segments/" + segment, """
                {"rule": {"all": [{"field": "company", "op": "eq", "value": "%s"},
                                  {"field": "country", "op": "in", "value": ["FR", "US"]}]}}""".formatted(company),
                "marketer");

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        JsonNode done = built(segment);
        assertThat(done.get("rebuild").get("builtVersion").asInt()).isEqualTo(2);
        assertThat(done.get("rebuild").get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("rebuild").get("total").asLong()).isPositive();
        assertThat(members(segment)).containsExactlyInAnyOrder(fr, us);
        List<JsonNode> deStays = of(api.get("/api/contacts/" + de + "/segments", "marketer").json().get("history"),
                segment);
        assertThat(deStays).hasSize(1);
        assertThat(deStays.get(0).has("leftAt")).isTrue();
        assertThat(api.get("/api/segments", "sales").json()).extracting(s -> s.get("id").asText()).contains(segment);
    }

    @Test
    void aPreviewCountsAndSamplesWithoutSavingAnything() {
        for (String country : List.of("DE", "DE", "FR")) {
            event("form_submitted", unique("preview"), "\"country\": \"" + country + "\"");
        }
        long segmentsBefore = segments();

        Response preview = api.post("/api/segments/preview", """
                {"rule": {"all": [{"field": "company", "op": "eq", "value": "%s"},
                                  {"field": "country", "op": "eq", "value": "DE"}]}, "sample": 1}"""
                .formatted(company), "marketer");
        Response injection = api.post("/api/segments/preview", """
                {"rule": {"any": [{"field": "company", "op": "eq", "value": "%s' OR '1'='1"},
                                  {"field": "company", "op": "contains", "value": "%%"}]}}""".formatted(company),
                "marketer");

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("count").asLong()).isEqualTo(2);
        assertThat(preview.json().get("sample")).hasSize(1);
        assertThat(injection.status()).as(injection.body()).isEqualTo(200);
        assertThat(injection.json().get("count").asLong()).as("values are values, % is a percent sign").isZero();
        assertThat(segments()).isEqualTo(segmentsBefore);
    }

    @Test
    void theSweepTakesOutWhoseTimeWindowPassedWithNothingHappening() throws InterruptedException {
        String segment = created("Visited today " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"event": "page_view", "withinDays": 1}]}""".formatted(company));
        String email = unique("sweep");
        String contact = event("form_submitted", email, null);
        Instant almostADayAgo = Instant.now().minus(Duration.ofDays(1)).plusSeconds(3);
        Response visit = api.post("/api/events", """
                {"type": "page_view", "email": "%s", "occurredAt": "%s"}""".formatted(email, almostADayAgo), "demo");
        assertThat(visit.status()).as(visit.body()).isEqualTo(202);
        assertThat(isMember(segment, contact)).isTrue();

        Thread.sleep(Duration.between(Instant.now(), almostADayAgo.plus(Duration.ofDays(1))).toMillis() + 500);
        sweep.sweep();

        await().atMost(PATIENCE).until(() -> !isMember(segment, contact));
        List<JsonNode> stays = of(api.get("/api/contacts/" + contact + "/segments", "marketer").json()
                .get("history"), segment);
        assertThat(stays).hasSize(1);
        assertThat(stays.get(0).has("leftAt")).isTrue();
    }

    @Test
    void badRulesAreRefusedNamingTheBadPart() {
        long before = segments();
        assertRefused("{\"name\": \"x\", \"rule\": \"all\"}", "/rule");
        assertRefused("{\"name\": \"x\"}", "/rule");
        assertRefused("{\"rule\": {\"all\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"DE\"}]}}",
                "/name");
        assertRefused(named("{\"all\": [{\"field\": \"fitScore\", \"op\": \"gte\", \"value\": \"50\"}]}"),
                "/rule/all/0/value");
        assertRefused(named("{\"all\": [{\"field\": \"password\", \"op\": \"eq\", \"value\": \"x\"}]}"),
                "/rule/all/0/field");
        assertRefused(named("{\"all\": [{\"field\": \"country\", \"op\": \"gt\", \"value\": \"DE\"}]}"),
                "/rule/all/0/op");
        assertRefused(named("{\"any\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"DE\", \"x\": 1}]}"),
                "/rule/any/0/x");
        assertRefused(named("{\"all\": [{\"event\": \"page_view\", \"withinDays\": -3}]}"),
                "/rule/all/0/withinDays");
        assertRefused(named("{\"all\": [{\"event\": \"Page View\"}]}"), "/rule/all/0/event");
        assertRefused(named("{\"all\": [{\"campaign\": \"welcome\", \"status\": \"maybe\"}]}"),
                "/rule/all/0/status");
        assertRefused(named("{\"all\": [{\"any\": [{\"all\": [{\"any\": [{\"all\": [{\"any\": [{\"field\": "
                + "\"country\", \"op\": \"is_set\"}]}]}]}]}]}]}"), "/rule/all/0/any/0/all/0/any/0/all/0");
        assertRefused(named("{\"all\": []}"), "/rule/all");
        String many = String.join(", ", java.util.Collections.nCopies(51,
                "{\"field\": \"country\", \"op\": \"is_set\"}"));
        assertRefused(named("{\"all\": [" + many + "]}"), "/rule/all/50");
        assertRefused(named("{\"all\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"" + "D".repeat(201)
                + "\"}]}"), "/rule/all/0/value");
        assertThat(segments()).as("nothing stored").isEqualTo(before);

        Response unknownSegment = api.get("/api/segments/" + UUID.randomUUID(), "marketer");
        assertThat(unknownSegment.status()).isEqualTo(404);
        assertThat(unknownSegment.contentType()).startsWith("application/problem+json");
        Response badPage = api.get("/api/segments/" + created("Paged " + company,
                "{\"all\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"ZZ\"}]}") + "/members?size=100000",
                "marketer");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("detail").asText()).startsWith("size:");
        Response taken = api.post("/api/segments", "{\"name\": \"Paged " + company + "\", \"rule\": {\"all\": "
                + "[{\"field\": \"country\", \"op\": \"is_set\"}]}}", "marketer");
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void aContactEntersAndLeavesAsItsCustomPropertiesChange() {
        String segment = created("Pro teams " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"property": "plan", "op": "eq", "value": "pro"},
                         {"property": "seats", "op": "gte", "value": 10},
                         {"property": "churned", "op": "is_not_set"}]}""".formatted(company));
        String injected = created("Injected " + company, """
                {"all": [{"field": "company", "op": "eq", "value": "%s"},
                         {"property": "plan", "op": "in", "value": ["x' OR '1'='1", "pro') OR (1=1"]}]}"""
                .formatted(company));
        String email = unique("props");

        String contact = propertiesEvent(email, "{\"plan\": \"pro\", \"seats\": 12, \"beta\": true}");
        assertThat(isMember(segment, contact)).isTrue();
        assertThat(api.get("/api/contacts/" + contact, "sales").json().get("properties").toString())
                .isEqualTo("{\"beta\":true,\"plan\":\"pro\",\"seats\":12}");

        propertiesEvent(email, "{\"seats\": 9.5}");
        assertThat(isMember(segment, contact)).isFalse();
        propertiesEvent(email, "{\"seats\": 10}");
        assertThat(isMember(segment, contact)).isTrue();
        propertiesEvent(email, "{\"churned\": false}");
        assertThat(isMember(segment, contact)).as("is_not_set: set to anything, even false, is set").isFalse();
        propertiesEvent(email, "{\"churned\": null, \"plan\": \"Pro\"}");
        assertThat(isMember(segment, contact)).as("eq on text is exact, as for profile fields").isFalse();
        assertThat(api.get("/api/contacts/" + contact, "sales").json().get("properties").toString())
                .isEqualTo("{\"beta\":true,\"plan\":\"Pro\",\"seats\":10}");
        assertThat(members(injected)).as("values are parameters, never SQL").isEmpty();

        // a property written with no event at all moves the contact too, in the writing transaction
        transaction.executeWithoutResult(status -> properties.write(contact, PropertyValues.of("test",
                Map.of("plan", "pro"))));
        assertThat(isMember(segment, contact)).isTrue();
    }

    @Test
    void badPropertyConditionsAreRefusedNamingTheBadPart() {
        long before = segments();
        assertRefused(named(property("\"property\": \"plan' OR 1=1 --\", \"op\": \"is_set\"")),
                "/rule/all/0/property");
        assertRefused(named(property("\"property\": \"Plan Name\", \"op\": \"is_set\"")),
                "/rule/all/0/property");
        assertRefused(named(property("\"property\": \"" + "p".repeat(41) + "\", \"op\": \"is_set\"")),
                "/rule/all/0/property");
        assertRefused(named(property("\"property\": 7, \"op\": \"is_set\"")), "/rule/all/0/property");
        assertRefused(named(property("\"property\": \"\", \"op\": \"is_set\"")), "/rule/all/0/property");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"like\", \"value\": \"p%\"")),
                "/rule/all/0/op");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"eq\"")), "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"eq\", \"value\": null")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"is_set\", \"value\": \"pro\"")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"seats\", \"op\": \"gt\", \"value\": \"10\"")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"contains\", \"value\": 3")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"beta\", \"op\": \"lt\", \"value\": true")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"beta\", \"op\": \"in\", \"value\": [true]")),
                "/rule/all/0/value/0");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"in\", \"value\": [\"pro\", 3]")),
                "/rule/all/0/value/1");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"in\", \"value\": []")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"in\", \"value\": \"pro\"")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"eq\", \"value\": {\"$ne\": 1}")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"eq\", \"value\": \"\"")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"eq\", \"value\": \""
                + "p".repeat(501) + "\"")), "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"seats\", \"op\": \"gte\", \"value\": 1e300")),
                "/rule/all/0/value");
        assertRefused(named(property("\"property\": \"plan\", \"op\": \"eq\", \"value\": \"pro\", "
                + "\"field\": \"country\"")), "/rule/all/0/property");
        assertThat(segments()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void maliciousBodiesAreRefusedWithProblemsAndStoreNothing() {
        long before = segments();
        String rule = "{\"all\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"DE\"}]}";
        List<String> bodies = List.of("{\"name\": [\"x\"], \"rule\": " + rule + "}",
                "{\"name\": {\"$ne\": 1}, \"rule\": " + rule + "}",
                "{\"name\": \"x\", \"rule\": " + rule + ", \"admin\": true}",
                "{\"name\": \"x\", \"rule\": " + "{\"all\": [".repeat(40) + "]}".repeat(40) + "}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"name\": \"" + "a".repeat(70_000) + "\", \"rule\": " + rule + "}",
                "{\"name\": \"x\", \"rule\": " + rule + ", \"pad\": \"" + "a".repeat(2_000_000) + "\"}",
                "{\"name\": \"x\", \"name\": \"y\", \"rule\": " + rule + "}",
                "not json", "");
        for (String body : bodies) {
            for (String path : List.of("/api/segments", "/api/segments/preview")) {
                Response response = api.post(path, body, "marketer");
                String what = path + " " + body.substring(0, Math.min(60, body.length()));
                assertThat(response.status()).as(what + ": " + response.body()).isBetween(400, 499);
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            }
        }
        Response wrongType = api.post("/api/segments", "{\"name\": [\"x\"], \"rule\": " + rule + "}", "marketer");
        assertThat(wrongType.json().get("detail").asText()).contains("name");
        Response unknown = api.post("/api/segments", "{\"name\": \"x\", \"rule\": " + rule + ", \"admin\": true}",
                "marketer");
        assertThat(unknown.json().get("detail").asText()).contains("admin");
        Response badSample = api.post("/api/segments/preview", "{\"rule\": " + rule + ", \"sample\": \"all\"}",
                "marketer");
        assertThat(badSample.status()).isEqualTo(400);
        assertThat(badSample.json().get("detail").asText()).contains("sample");
        Response typedQuery = api.get("/api/segments/" + UUID.randomUUID() + "/members?page=abc", "marketer");
        assertThat(typedQuery.status()).isEqualTo(400);
        assertThat(typedQuery.contentType()).startsWith("application/problem+json");
        assertThat(segments()).as("nothing stored").isEqualTo(before);
    }

    // --- helpers

    private void assertRefused(String body, String pointer) {
        Response response = api.post("/api/segments", body, "marketer");
        assertThat(response.status()).as(body + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).as(body).startsWith(pointer + ":");
        if (body.startsWith("{\"name\": \"x\", \"rule\": {")) { // the same rule refused by the preview
            Response preview = api.post("/api/segments/preview", body.replace("\"name\": \"x\", ", ""), "marketer");
            assertThat(preview.status()).as(body).isEqualTo(400);
            assertThat(preview.json().get("detail").asText()).as(body).startsWith(pointer + ":");
        }
    }

    private static String property(String condition) {
        return "{\"all\": [{" + condition + "}]}";
    }

    private String propertiesEvent(String email, String contactProperties) {
        Response response = api.post("/api/events", """
                {"type": "page_view", "email": "%s", "properties": {"company": "%s"}, "contactProperties": %s}"""
                .formatted(email, company, contactProperties), "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private String named(String rule) {
        return "{\"name\": \"x\", \"rule\": " + rule + "}";
    }

    private String created(String name, String rule) {
        Response response = api.post("/api/segments", "{\"name\": \"" + name + "\", \"rule\": " + rule + "}",
                "marketer");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("id").asText();
        built(id);
        return id;
    }

    private JsonNode built(String id) {
        await().atMost(PATIENCE).until(() -> api.get("/api/segments/" + id, "marketer").json().get("rebuild")
                .get("state").asText().equals("done"));
        return api.get("/api/segments/" + id, "marketer").json();
    }

    private String event(String type, String email, String properties) {
        String props = "\"company\": \"" + company + "\"" + (properties == null ? "" : ", " + properties);
        Response response = api.post("/api/events", """
                {"type": "%s", "email": "%s", "properties": {%s}}""".formatted(type, email, props), "demo");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    /** The entries about this segment (other suites' segments in the shared context may hold the contact too). */
    private static List<JsonNode> of(JsonNode entries, String segment) {
        List<JsonNode> about = new java.util.ArrayList<>();
        entries.forEach(entry -> {
            if (entry.get("segmentId").asText().equals(segment)) {
                about.add(entry);
            }
        });
        return about;
    }

    private boolean isMember(String segment, String contact) {
        return api.get("/api/contacts/" + contact + "/segments", "marketer").json().get("current").findValues(
                "segmentId").stream().anyMatch(id -> id.asText().equals(segment));
    }

    private List<String> members(String segment) {
        return api.get("/api/segments/" + segment + "/members?size=500", "marketer").json().get("members")
                .findValues("contactId").stream().map(JsonNode::asText).toList();
    }

    private String list(String name) {
        Response response = api.post("/api/lists", "{\"name\": \"" + name + "\"}", "marketer");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private long rows(String table, String segment) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE segment_id = ?").param(segment).query(Long.class)
                .single();
    }

    private long segments() {
        return jdbc.sql("SELECT COUNT(*) FROM segment").query(Long.class).single();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }
}
