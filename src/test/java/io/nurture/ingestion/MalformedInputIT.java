package io.nurture.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient.Response;
import io.nurture.NurtureClient;
import io.nurture.channel.TrackingLinks;

/**
 * Malformed requests against the real app and engine over real HTTP: each is answered with a 4xx RFC 9457 problem
 * whose detail names what is wrong, and writes nothing: no contact, event, ledger row, send, process instance,
 * variable or decision history. The job executor is off, so nothing else changes the counts while a case runs.
 */
@JobsOffAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIT {

    private static final List<String> TABLES = List.of("contact", "contact_event", "contact_property",
            "stage_transition", "delivery", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_HI_VARINST",
            "ACT_HI_DECINST");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "demo";
    // the limits the README promises (EventLimits)
    private static final int MAX_VALUES = 500;
    private static final int MAX_KEY_LENGTH = 64;
    private static final int MAX_TEXT_LENGTH = 1_000;
    private static final int MAX_URL_LENGTH = 2_000;
    private static final int MAX_LIST_ITEMS = 100;
    private static final long MAX_NUMBER = 1_000_000_000_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackingLinks links;

    @Autowired
    RuntimeService runtime;

    NurtureClient api;
    String contactId;
    String deliveryId;

    @BeforeAll
    void aContactWithASentMail() {
        api = new NurtureClient(port);
        Response lead = api.post("/api/events", """
                {"type": "form_submitted", "email": "%s"}""".formatted(unique("fixture")), ADMIN);
        assertThat(lead.status()).as(lead.body()).isEqualTo(202);
        contactId = lead.json().get("contactId").asText();
        deliveryId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, created_at, sent_at)
                VALUES (?, ?, ?, 'email', 'welcome-1', 'SENT', ?, ?)""")
                .params(deliveryId, "fixture:" + deliveryId, contactId, Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedWithAProblemAndWritesNothing(Case malformed) throws Exception {
        Map<String, Long> before = rowCounts();

        Response response = malformed.send(this);

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        if (malformed.status() > 0) {
            assertThat(response.status()).as(response.body()).isEqualTo(malformed.status());
        }
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("detail").asText()).as("detail").containsPattern(malformed.detailPattern());
        assertThat(problem.get("detail").asText()).as("no Java in the answer")
                .doesNotContain("java.", "io.nurture", "Exception", "`");
        assertThat(rowCounts()).as("rows written").isEqualTo(before);
    }

    static Stream<Case> malformed() {
        List<Case> cases = new ArrayList<>();
        String email = "\"email\": \"fuzz@example.com\"";

        // the body as a whole
        cases.add(raw("invalid JSON", "{\"type\": \"form_submitted\", ", 400, "body ends"));
        cases.add(raw("not JSON at all", "type=page_view", 400, "Unrecognized token"));
        cases.add(raw("trailing garbage after the object", "{\"type\": \"page_view\", " + email + "} {}", 400,
                "Unexpected|trailing"));
        cases.add(raw("empty body", "", 400, "missing or empty"));
        cases.add(raw("whitespace body", "  \n ", 400, "missing or empty"));
        cases.add(raw("null body", "null", 400, "missing or empty"));
        cases.add(raw("an array instead of an object", "[{\"type\": \"page_view\", " + email + "}]", 400,
                "must be an object"));
        cases.add(raw("a string instead of an object", "\"page_view\"", 400, "must be an object"));
        cases.add(raw("a number instead of an object", "42", 400, "must be an object"));
        cases.add(new Case("wrong content type text/plain", "POST", t -> "/api/events",
                "{\"type\": \"page_view\", " + email + "}", "text/plain", ADMIN, 415, "text/plain"));
        cases.add(new Case("wrong content type XML", "POST", t -> "/api/events",
                "<event type=\"page_view\"/>", "application/xml", ADMIN, 415, "application/xml"));
        cases.add(new Case("form-encoded body", "POST", t -> "/api/events", "type=page_view&email=a%40b.c",
                "application/x-www-form-urlencoded", ADMIN, 415, "x-www-form-urlencoded"));
        cases.add(new Case("no content type", "POST", t -> "/api/events", "{\"type\": \"page_view\", " + email + "}",
                null, ADMIN, 415, "Content-Type"));
        cases.add(raw("duplicate top-level key", "{\"type\": \"page_view\", \"type\": \"purchase\", " + email + "}",
                400, "type: Duplicate field 'type'"));
        cases.add(event("duplicate key inside properties", "page_view", email,
                "\"properties\": {\"page\": \"/a\", \"page\": \"/b\"}", "properties.page: Duplicate field 'page'"));
        cases.add(raw("unknown top-level field", "{\"type\": \"page_view\", " + email + ", \"propertes\": {}}", 400,
                "Unknown field 'propertes'"));
        cases.add(raw("several unknown top-level fields",
                "{\"type\": \"page_view\", " + email + ", \"visitor\": 1, \"occured_at\": \"2026-01-01T00:00:00Z\"}",
                400, "unknown field 'visitor'"));
        cases.add(raw("an unknown field that looks like an identity", "{\"type\": \"page_view\", \"user_id\": \"42\"}",
                400, "unknown field 'user_id'"));

        // type
        cases.add(raw("no type", "{" + email + "}", 400, "type must not be blank"));
        cases.add(event("blank type", "", email, null, "type must not be blank"));
        cases.add(event("a type with no letter", "--", email, null, "type '--' is not an event type"));
        cases.add(event("a type starting with a digit", "404 seen", email, null, "type '404 seen' is not an event type"));
        cases.add(event("type too long", "page_view_" + "x".repeat(91), email, null, "type size must be"));
        cases.add(event("type too long once normalised", "page view " + "x".repeat(31), email, null,
                "at most 40 characters once written"));
        cases.add(typed("type a number", "\"type\": 5, " + email, "type must be a string"));
        cases.add(typed("type a list", "\"type\": [\"page_view\"], " + email, "type must be a string"));
        cases.add(typed("type an object", "\"type\": {\"name\": \"page_view\"}, " + email, "type must be a string"));

        // identities
        cases.add(event("no identity at all", "page_view", null, null, "needs an 'email'"));
        cases.add(event("blank identities", "page_view", "\"email\": \" \", \"anonymousId\": \"\"", null,
                "needs an 'email'|email must be"));
        cases.add(event("not an e-mail address", "form_submitted", "\"email\": \"not-an-email\"", null,
                "email must be a well-formed"));
        cases.add(event("header injection in the e-mail", "form_submitted",
                "\"email\": \"ada@example.com\\r\\nBcc: all@example.com\"", null, "email"));
        cases.add(event("e-mail with NUL", "form_submitted", "\"email\": \"ada\\u0000@example.com\"", null,
                "email must"));
        cases.add(event("e-mail over 320 characters", "form_submitted",
                "\"email\": \"" + "a".repeat(310) + "@example.com\"", null, "email size must be"));
        cases.add(typed("e-mail a number", "\"type\": \"page_view\", \"email\": 42", "email must be a string"));
        cases.add(typed("e-mail true", "\"type\": \"page_view\", \"email\": true", "email must be a string"));
        cases.add(typed("e-mail an object", "\"type\": \"page_view\", \"email\": {\"a\": \"b\"}",
                "email must be a string"));
        cases.add(event("anonymousId over 100 characters", "page_view",
                "\"anonymousId\": \"" + "a".repeat(101) + "\"", null, "anonymousId size must be"));
        cases.add(event("anonymousId with a control character", "page_view", "\"anonymousId\": \"an\\u0007on\"",
                null, "anonymousId must not contain control characters"));
        cases.add(typed("anonymousId a list", "\"type\": \"page_view\", \"anonymousId\": [\"a\"]",
                "anonymousId must be a string"));
        cases.add(event("contactId over 36 characters", "email_opened", "\"contactId\": \"" + "c".repeat(37) + "\"",
                null, "contactId size must be"));
        cases.add(typed("contactId a number", "\"type\": \"email_opened\", \"contactId\": 7",
                "contactId must be a string"));
        cases.add(event("unknown contactId", "email_opened", "\"contactId\": \"no-such-contact\"", null,
                "no-such-contact").withStatus(404));
        cases.add(event("eventId over 200 characters", "page_view", "\"eventId\": \"" + "e".repeat(201) + "\", "
                + email, null, "eventId size must be"));
        cases.add(event("eventId with NUL", "page_view", "\"eventId\": \"e\\u0000e\", " + email, null,
                "eventId must not contain control characters"));
        cases.add(typed("eventId a number", "\"type\": \"page_view\", \"eventId\": 12, " + email,
                "eventId must be a string"));

        // occurredAt
        cases.add(typed("occurredAt not a date", "\"type\": \"page_view\", " + email + ", \"occurredAt\": \"yesterday\"",
                "occurredAt must be a date-time"));
        cases.add(typed("occurredAt without an offset",
                "\"type\": \"page_view\", " + email + ", \"occurredAt\": \"2026-11-23T10:00:00\"",
                "occurredAt must be a date-time"));
        cases.add(typed("occurredAt a number (seconds or millis?)",
                "\"type\": \"page_view\", " + email + ", \"occurredAt\": 1700000000000", "occurredAt must be a date-time"));
        cases.add(typed("occurredAt a huge number", "\"type\": \"page_view\", " + email + ", \"occurredAt\": 1e30",
                "occurredAt must be a date-time"));
        cases.add(typed("occurredAt an object", "\"type\": \"page_view\", " + email + ", \"occurredAt\": {}",
                "occurredAt must be a date-time"));
        cases.add(typed("occurredAt in the year 300000000",
                "\"type\": \"page_view\", " + email + ", \"occurredAt\": \"+300000000-01-01T00:00:00Z\"",
                "occurredAt must be between"));
        cases.add(typed("occurredAt before 2000",
                "\"type\": \"page_view\", " + email + ", \"occurredAt\": \"1999-12-31T23:59:59Z\"",
                "occurredAt must be between"));
        cases.add(typed("occurredAt two days ahead", "\"type\": \"page_view\", " + email + ", \"occurredAt\": \""
                + Instant.now().plus(2, ChronoUnit.DAYS) + "\"", "occurredAt must be between"));

        // properties: shape
        cases.add(event("properties a string", "page_view", email, "\"properties\": \"page=/pricing\"",
                "properties must be an object"));
        cases.add(event("properties a list", "page_view", email, "\"properties\": [{\"page\": \"/\"}]",
                "properties must be an object"));
        cases.add(event("properties a number", "page_view", email, "\"properties\": 5", "properties must be an object"));
        cases.add(event("501 property values", "page_view", email, "\"properties\": " + manyProperties(501),
                "properties must hold at most 500 values"));
        cases.add(event("6 levels deep", "page_view", email,
                "\"properties\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": 1}}}}}}",
                "properties.a.b.c.d.e is nested too deeply"));
        cases.add(event("a 450-deep object as cartUrl", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": " + "{\"a\": ".repeat(450) + "1" + "}".repeat(450) + "}",
                "properties.cartUrl.a.*nesting depth"));
        cases.add(event("property name over 64 characters", "page_view", email,
                "\"properties\": {\"" + "k".repeat(65) + "\": 1}", "at most 64 characters"));
        cases.add(event("property name with a space", "page_view", email, "\"properties\": {\"first name\": \"Ada\"}",
                "properties.first name: property names"));
        cases.add(event("empty property name", "page_view", email, "\"properties\": {\"\": 1}", "property names"));
        cases.add(event("property name with a control character", "page_view", email,
                "\"properties\": {\"a\\u0001b\": 1}", "property names"));
        cases.add(event("list over 100 items", "page_view", email,
                "\"properties\": {\"tags\": [" + "\"t\", ".repeat(100) + "\"t\"]}",
                "properties.tags must have at most 100 items"));

        // properties: strings
        cases.add(event("page over 4,000 characters (was a 500)", "page_view", email,
                "\"properties\": {\"page\": \"/" + "p".repeat(4_500) + "\"}", "properties.page must be at most 2000"));
        cases.add(event("page over 2,000 characters", "pricing_page_view", email,
                "\"properties\": {\"page\": \"/" + "p".repeat(2_000) + "\"}", "properties.page must be at most 2000"));
        cases.add(event("url over 2,000 characters", "email_clicked", email,
                "\"properties\": {\"url\": \"https://nurture.example/" + "u".repeat(2_000) + "\"}",
                "properties.url must be at most 2000"));
        cases.add(event("referrer over 2,000 characters", "page_view", email,
                "\"properties\": {\"referrer\": \"https://r.example/" + "r".repeat(2_000) + "\"}",
                "properties.referrer must be at most 2000"));
        cases.add(event("cartUrl over 4,000 characters (was a 500)", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": \"https://nurture.example/" + "c".repeat(4_500) + "\"}",
                "properties.cartUrl must be at most 2000"));
        cases.add(event("any other string over 1,000 characters", "form_submitted", email,
                "\"properties\": {\"utm_campaign\": \"" + "x".repeat(1_001) + "\"}",
                "properties.utm_campaign must be at most 1000"));
        cases.add(event("nested string over 1,000 characters", "purchase", email,
                "\"properties\": {\"items\": [{\"name\": \"" + "x".repeat(1_001) + "\"}]}",
                "properties.items\\[0\\].name must be at most 1000"));
        cases.add(event("NUL in a property", "form_submitted", email, "\"properties\": {\"firstName\": \"A\\u0000da\"}",
                "properties.firstName must not contain control characters"));
        cases.add(event("terminal escape in a property", "page_view", email,
                "\"properties\": {\"title\": \"\\u001b[2J\"}", "properties.title must not contain control characters"));
        cases.add(event("firstName over 100 characters", "form_submitted", email,
                "\"properties\": {\"firstName\": \"" + "A".repeat(101) + "\"}", "properties.firstName must be at most 100"));

        // properties: numbers
        cases.add(event("number beyond a double", "page_view", email, "\"properties\": {\"n\": 1e400}",
                "properties.n must be a number from"));
        cases.add(event("negative number beyond a double", "page_view", email, "\"properties\": {\"n\": -1e400}",
                "properties.n must be a number from"));
        cases.add(event("integer beyond a long", "page_view", email,
                "\"properties\": {\"n\": 123456789012345678901234567890}", "properties.n must be a number from"));
        cases.add(event("integer beyond 10^15", "page_view", email, "\"properties\": {\"n\": 10000000000000001}",
                "properties.n must be a number from"));
        cases.add(event("a 150-digit number", "page_view", email, "\"properties\": {\"n\": " + "9".repeat(150) + "}",
                "properties.n: Number value length \\(150\\) exceeds"));
        cases.add(event("NaN", "page_view", email, "\"properties\": {\"n\": NaN}", "properties.n: .*NaN"));

        // what reaches a process or a decision
        cases.add(event("cartUrl an object", "cart_abandoned", email, "\"properties\": {\"cartUrl\": {\"href\": \"/\"}}",
                "properties.cartUrl must be an http\\(s\\) address"));
        cases.add(event("cartUrl a number", "cart_abandoned", email, "\"properties\": {\"cartUrl\": 42}",
                "properties.cartUrl must be an http\\(s\\) address"));
        cases.add(event("cartUrl javascript:", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": \"javascript:alert(1)\"}", "properties.cartUrl must be an http\\(s\\)"));
        cases.add(event("cartUrl relative to the scheme", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": \"//evil.example/cart\"}", "properties.cartUrl must be an http\\(s\\)"));
        cases.add(event("cartUrl on a host nobody configured (open redirect)", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": \"https://evil.example/cart/42\"}",
                "properties.cartUrl must point to a host .*not evil.example"));
        cases.add(event("cartUrl with a listed host as user info", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": \"https://shop.example@evil.example/\"}",
                "properties.cartUrl must point to a host"));
        cases.add(event("cartUrl on the bare domain of a wildcard", "cart_abandoned", email,
                "\"properties\": {\"cartUrl\": \"https://shop.example/cart\"}", "properties.cartUrl must point to a host"));
        cases.add(event("cartValue a string", "cart_abandoned", email, "\"properties\": {\"cartValue\": \"49.90\"}",
                "properties.cartValue must be a non-negative number"));
        cases.add(event("cartValue an object", "cart_abandoned", email,
                "\"properties\": {\"cartValue\": {\"amount\": 49.9}}", "properties.cartValue must be a non-negative"));
        cases.add(event("cartValue negative", "cart_abandoned", email, "\"properties\": {\"cartValue\": -5}",
                "properties.cartValue must be a non-negative"));
        cases.add(event("cartValue true", "cart_abandoned", email, "\"properties\": {\"cartValue\": true}",
                "properties.cartValue must be a non-negative"));
        cases.add(event("page an object", "page_view", email, "\"properties\": {\"page\": {\"path\": \"/\"}}",
                "properties.page must be a string"));
        cases.add(event("minutes a string", "webinar_attended", email, "\"properties\": {\"minutes\": \"45\"}",
                "properties.minutes must be a non-negative whole number"));
        cases.add(event("minutes negative", "webinar_attended", email, "\"properties\": {\"minutes\": -1}",
                "properties.minutes"));
        cases.add(event("nps without a score", "nps_submitted", email, null, "properties.score"));
        cases.add(event("nps score 11", "nps_submitted", email, "\"properties\": {\"score\": 11}", "properties.score"));
        cases.add(event("nps score a string", "nps_submitted", email, "\"properties\": {\"score\": \"9\"}",
                "properties.score"));
        cases.add(event("nps comment an object", "nps_submitted", email,
                "\"properties\": {\"score\": 9, \"comment\": {\"text\": \"great\"}}", "properties.comment must be a string"));
        cases.add(event("url a list", "email_clicked", email, "\"properties\": {\"url\": [\"https://nurture.example/\"]}",
                "properties.url must be a string"));

        // what the contact keeps
        cases.add(event("timeZone unknown", "page_view", email, "\"properties\": {\"timeZone\": \"Mars/Olympus_Mons\"}",
                "properties.timeZone must be an IANA time zone"));
        cases.add(event("timeZone a number", "page_view", email, "\"properties\": {\"timeZone\": 2}",
                "properties.timeZone must be an IANA time zone"));
        cases.add(event("dates a string", "form_submitted", email, "\"properties\": {\"dates\": \"1990-05-17\"}",
                "properties.dates must be an object"));
        cases.add(event("a date in the year 999999999", "form_submitted", email,
                "\"properties\": {\"dates\": {\"birthday\": \"+999999999-12-31\"}}",
                "properties.dates.birthday must be a date"));
        cases.add(event("a date that does not exist", "form_submitted", email,
                "\"properties\": {\"dates\": {\"birthday\": \"1990-02-30\"}}", "properties.dates.birthday must be a date"));
        cases.add(event("a date as a number", "form_submitted", email,
                "\"properties\": {\"dates\": {\"birthday\": 19900517}}", "properties.dates.birthday must be a date"));
        cases.add(event("consent a string", "form_submitted", email, "\"properties\": {\"consent\": \"yes\"}",
                "properties.consent must be an object"));
        cases.add(event("consent.email a string", "form_submitted", email,
                "\"properties\": {\"consent\": {\"email\": \"yes\"}}", "properties.consent.email must be true or false"));
        cases.add(event("companySize a word", "form_submitted", email, "\"properties\": {\"companySize\": \"huge\"}",
                "properties.companySize"));
        cases.add(event("companySize beyond an int", "form_submitted", email,
                "\"properties\": {\"companySize\": 10000000000}", "properties.companySize"));
        cases.add(event("revenue a decimal", "form_submitted", email, "\"properties\": {\"revenue\": 1.5}",
                "properties.revenue"));
        cases.add(event("country three letters", "form_submitted", email, "\"properties\": {\"country\": \"DEU\"}",
                "properties.country"));
        cases.add(event("phone not a number", "form_submitted", email, "\"properties\": {\"phone\": \"call me\"}",
                "properties.phone"));
        cases.add(event("techStack numbers", "form_submitted", email, "\"properties\": {\"techStack\": [1, 2]}",
                "properties.techStack"));
        cases.add(event("deliveryId an object", "email_opened", email, "\"properties\": {\"deliveryId\": {}}",
                "properties.deliveryId"));

        // the other endpoints that take input
        cases.add(deal("deal status unknown", "{\"status\": \"maybe\", \"amount\": 10}", "status must be"));
        cases.add(deal("deal without status", "{\"amount\": 10}", "status must not be blank"));
        cases.add(deal("deal status a list", "{\"status\": [\"won\"], \"amount\": 10}", "status must be a string"));
        cases.add(deal("deal amount negative", "{\"status\": \"won\", \"amount\": -1}", "amount must be greater"));
        cases.add(deal("deal amount a word", "{\"status\": \"won\", \"amount\": \"lots\"}", "amount must be a number"));
        cases.add(deal("deal amount true", "{\"status\": \"won\", \"amount\": true}", "amount must be a number"));
        cases.add(deal("deal amount 1e400", "{\"status\": \"won\", \"amount\": 1e400}", "amount"));
        cases.add(deal("deal amount 1e2147483647 (its digit count overflows)",
                "{\"status\": \"won\", \"amount\": 1e2147483647}", "amount must be less than"));
        cases.add(deal("deal amount exponent beyond an int", "{\"status\": \"won\", \"amount\": 1e99999999999}",
                "amount must be a number"));
        cases.add(deal("deal amount with a fraction of a cent", "{\"status\": \"won\", \"amount\": 0.001}",
                "amount numeric value out of bounds"));
        cases.add(deal("deal duplicate status", "{\"status\": \"lost\", \"status\": \"won\", \"amount\": 1}",
                "status: Duplicate field"));
        cases.add(deal("deal body a list", "[]", "must be an object"));
        cases.add(new Case("deal of an unknown contact", "POST", t -> "/api/contacts/no-such-contact/deal",
                "{\"status\": \"won\", \"amount\": 10}", "application/json", ADMIN, 404, "no-such-contact"));
        cases.add(get("contact search without email", "/api/contacts", 400, "email"));
        cases.add(get("contact search with a blank email", "/api/contacts?email=%20", 400, "email must be"));
        cases.add(get("contact search with an over-long email", "/api/contacts?email=" + "a".repeat(400), 400,
                "email must be"));
        cases.add(get("contact search with a control character", "/api/contacts?email=a%01b%40c.d", 400,
                "email must be"));
        cases.add(get("report from a month 13", "/api/reports/funnel?from=2026-13-01", 400, "'from' must be a date"));
        cases.add(get("report from after to", "/api/reports/velocity?from=2026-03-01&to=2026-02-01", 400,
                "must not be after"));
        cases.add(get("report over ten years", "/api/reports/campaigns?from=2000-01-01&to=2026-01-01", 400,
                "at most 3660 days"));
        cases.add(get("report in the year -999999999",
                "/api/reports/funnel?from=-999999999-01-01&to=-999999999-01-05", 400, "must lie between 2000-01-01"));
        cases.add(get("report to the year 999999999", "/api/reports/nurture?to=%2B999999999-12-31", 400,
                "must lie between"));
        cases.add(get("report to the first day of time", "/api/reports/campaigns?to=-999999999-01-01", 400,
                "must lie between"));
        cases.add(get("report in the year 999999999",
                "/api/reports/velocity?from=%2B999999999-12-01&to=%2B999999999-12-31", 400, "must lie between"));
        cases.add(get("report from a NUL", "/api/reports/funnel?from=%00", 400, "'from' must be a date"));
        cases.add(click("click without a target", t -> "/t/click/" + t.deliveryId + "?s=x", "no target"));
        cases.add(click("click without a signature",
                t -> "/t/click/" + t.deliveryId + "?u=" + encode("https://nurture.example/"), "signature"));
        cases.add(click("click with a forged signature",
                t -> "/t/click/" + t.deliveryId + "?u=" + encode("https://evil.example/") + "&s=forged", "signature"));
        cases.add(click("click signed for another target", t -> t.signedClick("https://nurture.example/")
                .replaceFirst("u=[^&]+", "u=" + encode("https://evil.example/")), "signature"));
        cases.add(click("click signed to a javascript: target", t -> t.signedClick("javascript:alert(1)"),
                "not a web address"));
        cases.add(click("click signed to a host off the list (open redirect)",
                t -> t.signedClick("https://evil.example/login"), "host evil.example is not one Nurture links to"));
        cases.add(click("click signed to a listed host as user info",
                t -> t.signedClick("https://nurture.example@evil.example/"), "host evil.example"));
        cases.add(click("click of an unknown send", t -> t.signedClick("https://nurture.example/")
                .replace(t.deliveryId, UUID.randomUUID().toString()), "signature|no known message"));
        // custom contact properties: scalars only, within their limits, or nothing of the event is stored
        String fixture = "\"email\": \"fuzz@example.com\", ";
        cases.add(typed("contactProperties a string", fixture + "\"type\": \"page_view\", "
                + "\"contactProperties\": \"pro\"", "contactProperties"));
        cases.add(typed("contactProperties a list", fixture + "\"type\": \"page_view\", \"contactProperties\": [1]",
                "contactProperties"));
        cases.add(properties("a custom property that is an object", "{\"plan\": {\"name\": \"pro\"}}",
                "contactProperties.plan must be a string, a number, true or false"));
        cases.add(properties("a custom property that is a list", "{\"tags\": [\"a\"]}",
                "contactProperties.tags must be"));
        cases.add(properties("a custom property named like SQL", "{\"plan' OR 1=1 --\": 1}",
                "contactProperties.plan' OR 1=1 --: a custom property's name"));
        cases.add(properties("a custom property name with a dot", "{\"plan.name\": 1}", "custom property's name"));
        cases.add(properties("a custom property name of 41 characters", "{\"" + "p".repeat(41) + "\": 1}",
                "custom property's name"));
        cases.add(properties("a custom property of 501 characters", "{\"plan\": \"" + "p".repeat(501) + "\"}",
                "contactProperties.plan must be at most 500 characters"));
        cases.add(properties("a custom property with a control character", "{\"plan\": \"p\\u0007\"}",
                "contactProperties.plan must not hold control characters"));
        cases.add(properties("a custom property over 10^15", "{\"seats\": 1e16}",
                "contactProperties.seats must be a number between"));
        cases.add(properties("51 custom properties", IntStream.range(0, 51).mapToObj(i -> "\"p" + i + "\": " + i)
                .collect(Collectors.joining(", ", "{", "}")), "contactProperties must hold at most 50 properties"));
        return cases.stream();
    }

    private static Case properties(String name, String contactProperties, String detail) {
        return typed(name, "\"type\": \"page_view\", \"email\": \"fuzz@example.com\", "
                + "\"contactProperties\": " + contactProperties, detail);
    }

    /** 10 MB, 300,000 properties: refused, whichever limit sees it first (the body cap or the property count). */
    @Test
    void aTenMegabyteBodyWith300kPropertiesIsRefusedAndWritesNothing() throws Exception {
        StringBuilder body = new StringBuilder(10_500_000).append("{\"type\": \"page_view\", \"email\": \"")
                .append(unique("huge")).append("\", \"properties\": {");
        for (int i = 0; i < 300_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"").append("v".repeat(22)).append('"');
        }
        byte[] bytes = body.append("}}").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(10_000_000);
        Map<String, Long> before = rowCounts();

        RawResponse response = rawPost("/api/events", bytes);

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).containsPattern(
                "(?i)properties must hold at most 500|body|large|size|bytes");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void anEventWithEveryDocumentedPropertyIsStoredAndHandedToTheProcessAsPlainValues() {
        String email = unique("everything");
        String cartPage = "https://eu.shop.example/cart/42?session=";
        String cartUrl = cartPage + "q".repeat(MAX_URL_LENGTH - cartPage.length());
        assertThat(cartUrl).hasSize(2_000);
        accepted("""
                {"eventId": "%s", "type": "form_submitted", "email": "%s", "anonymousId": "anon-%s",
                 "occurredAt": "%s",
                 "properties": {"firstName": "Ada", "lastName": "Lovelace", "company": "Acme", "industry": "software",
                                "companySize": 250, "country": "DE", "source": "whitepaper", "phone": "+4915112345678",
                                "consent": {"email": true, "sms": false}, "revenue": 50000000,
                                "techStack": ["Salesforce", "HubSpot"], "funding": "Series B",
                                "timeZone": "Europe/Berlin",
                                "dates": {"birthday": "1990-05-17", "contractRenewal": "2027-01-31", "expiry": "2199-12-31"},
                                "page": "/whitepaper", "url": "https://nurture.example/whitepaper",
                                "referrer": "https://search.example/?q=nurture", "utm_source": "newsletter",
                                "$current_url": "https://nurture.example/", "og:title": "Nurture",
                                "comment": "multi\\nline\\ttext"}}"""
                .formatted(UUID.randomUUID(), email, UUID.randomUUID(),
                        Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        accepted("""
                {"type": "page_view", "email": "%s", "properties": {"page": "/%s", "title": "%s"}}"""
                .formatted(email, "p".repeat(1_999), "t".repeat(1_000)));
        accepted("""
                {"type": "webinar_attended", "email": "%s", "properties": {"minutes": 45}}""".formatted(email));
        accepted("""
                {"type": "email_bounced", "email": "%s", "properties": {"bounceType": "soft"}}""".formatted(email));
        accepted("""
                {"type": "nps_submitted", "email": "%s", "properties": {"score": 9, "comment": "%s"}}"""
                .formatted(email, "c".repeat(1_000)));
        String contactId = accepted("""
                {"type": "cart_abandoned", "email": "%s", "occurredAt": "%s",
                 "properties": {"cartUrl": "%s", "cartValue": 49.9}}"""
                .formatted(email, Instant.now().plus(23, ChronoUnit.HOURS), cartUrl));

        JsonNode contact = api.get("/api/contacts/" + contactId, ADMIN).json();
        assertThat(contact.get("email").asText()).isEqualTo(email);
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name || ' ' || company || ' ' || country || ' ' || phone "
                + "|| ' ' || tech_stack || ' ' || funding FROM contact WHERE id = ?").param(contactId)
                .query(String.class).single())
                .isEqualTo("Ada Lovelace Acme DE +4915112345678 salesforce,hubspot series b");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE contact_id = ?").param(contactId)
                .query(Long.class).single()).isEqualTo(6);

        ProcessInstance cart = runtime.createProcessInstanceQuery().processDefinitionKey("cart-abandonment")
                .processInstanceBusinessKey(contactId).singleResult();
        Map<String, Object> handedOver = new LinkedHashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(cart.getId()).list()
                .forEach(variable -> handedOver.put(variable.getName(), variable.getValue()));
        assertThat(handedOver).containsEntry("cartUrl", cartUrl).containsEntry("cartValue", 49.9);
        assertThat(handedOver.values()).allMatch(value -> value instanceof String || value instanceof Number
                || value instanceof Boolean);
        assertThat(serializedVariables()).isZero();
    }

    @Test
    void anEventAtEveryLimitIsAccepted() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("k".repeat(MAX_KEY_LENGTH), "v".repeat(MAX_TEXT_LENGTH));
        properties.put("deep", Map.of("b", Map.of("c", Map.of("d", Map.of("e", "five levels")))));
        properties.put("tags", java.util.Collections.nCopies(MAX_LIST_ITEMS, "t"));
        properties.put("max", MAX_NUMBER);
        properties.put("min", -MAX_NUMBER);
        properties.put("decimal", 0.1);
        int used = 1 + 5 + 1 + MAX_LIST_ITEMS + 3; // deep, b, c, d, e; tags and its items
        for (int i = used; i < MAX_VALUES; i++) {
            properties.put("p" + i, i % 2 == 0);
        }
        String body = JSON.writeValueAsString(Map.of("type", "page_view", "email", unique("limits"),
                "occurredAt", "2000-01-01T00:00:00Z", "properties", properties));

        accepted(body);
    }

    @Test
    void theEngineStoresNoJavaObjectWhicheverApiSetsIt() {
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("href", "https://nurture.example/cart");

        assertThatThrownBy(() -> runtime.createProcessInstanceByKey("cart-abandonment").businessKey(contactId)
                .setVariable("cartUrl", cart).execute()).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot find serializer");
        ProcessInstance plain = runtime.createProcessInstanceByKey("cart-abandonment").businessKey(contactId)
                .setVariable("cartUrl", "https://nurture.example/cart").setVariable("cartValue", 10).execute();
        assertThatThrownBy(() -> runtime.setVariable(plain.getId(), "items", new ArrayList<>(List.of("a", "b"))))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> runtime.setVariable(plain.getId(), "big", new java.math.BigDecimal("1.5")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(plain.getId()).list())
                .extracting(VariableInstance::getName).contains("cartUrl", "cartValue").doesNotContain("items", "big");
        assertThat(serializedVariables()).isZero();
        runtime.deleteProcessInstance(plain.getId(), "test done");
    }

    private long serializedVariables() {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE TYPE_ = 'serializable'").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE VAR_TYPE_ = 'serializable'").query(Long.class)
                        .single();
    }

    private String accepted(String body) {
        Response response = api.post("/api/events", body, ADMIN);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class)
                .single()));
        return counts;
    }

    String signedClick(String target) {
        return links.forDelivery(deliveryId).click(target).replace("http://track.test", "");
    }

    private static Case raw(String name, String body, int status, String detail) {
        return new Case(name, "POST", t -> "/api/events", body, "application/json", ADMIN, status, detail);
    }

    private static Case typed(String name, String fields, String detail) {
        return raw(name, "{" + fields + "}", 400, detail);
    }

    /** {@code identity} and {@code properties} are JSON members (or null for none). */
    private static Case event(String name, String type, String identity, String properties, String detail) {
        StringBuilder body = new StringBuilder("{\"type\": \"").append(type).append('"');
        if (identity != null) {
            body.append(", ").append(identity);
        }
        if (properties != null) {
            body.append(", ").append(properties);
        }
        return raw(name, body.append('}').toString(), 400, detail);
    }

    private static Case deal(String name, String body, String detail) {
        return new Case(name, "POST", t -> "/api/contacts/" + t.contactId + "/deal", body, "application/json", ADMIN,
                400, detail);
    }

    private static Case get(String name, String path, int status, String detail) {
        return new Case(name, "GET", t -> path, null, null, ADMIN, status, detail);
    }

    private static Case click(String name, Function<MalformedInputIT, String> path, String detail) {
        return new Case(name, "GET", path, null, null, null, 400, detail);
    }

    private static String manyProperties(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": ").append(i);
        }
        return json.append('}').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /**
     * Through a socket of our own: a server may answer a huge body before reading all of it, and then close the
     * connection, which an HTTP client still writing reports as a failure instead of the answer.
     */
    private RawResponse rawPost(String path, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                    + NurtureClient.basic(ADMIN, ADMIN) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n";
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    for (int at = 0; at < body.length; at += 65_536) {
                        out.write(body, at, Math.min(65_536, body.length - at));
                    }
                    out.flush();
                } catch (IOException answeredEarly) {
                    // the server answered and closed before taking everything: its answer is what counts
                }
            });
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            writing.join();
            return RawResponse.of(response);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                read.write(buffer, 0, n);
            }
        } catch (java.net.SocketException resetAfterTheAnswer) {
            // what was read before the reset is the answer
        }
        return read.toByteArray();
    }

    record RawResponse(int status, String contentType, String body) {

        static RawResponse of(String http) {
            String[] headAndBody = http.split("\r\n\r\n", 2);
            String head = headAndBody[0];
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring(13).trim()).findFirst().orElse("");
            String body = headAndBody.length > 1 ? headAndBody[1] : "";
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            return new RawResponse(status, contentType, body);
        }

        private static String unchunked(String chunked) {
            StringBuilder body = new StringBuilder();
            String rest = chunked;
            while (true) {
                int lineEnd = rest.indexOf("\r\n");
                int size = Integer.parseInt(rest.substring(0, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(rest, lineEnd + 2, lineEnd + 2 + size);
                rest = rest.substring(lineEnd + 2 + size + 2);
            }
        }
    }

    /** One malformed request; {@code status} 0 means any 4xx, {@code detail} a pattern the problem's detail holds. */
    record Case(String name, String method, Function<MalformedInputIT, String> path, String body, String contentType,
            String user, int status, String detail) {

        Case withStatus(int other) {
            return new Case(name, method, path, body, contentType, user, other, detail);
        }

        Response send(MalformedInputIT test) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(test.api.baseUrl() + path.apply(test)));
            if (user != null) {
                request.header("Authorization", NurtureClient.basic(user, user));
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            return test.api.send(request.build());
        }

        Pattern detailPattern() {
            return Pattern.compile(detail, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
