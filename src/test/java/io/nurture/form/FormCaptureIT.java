package io.nurture.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;

/**
 * {@code POST /f/{form}} against the real app over HTTP, as a browser's plain form, a site's script and an attacker
 * send it. The forms are the test ones of {@code src/test/resources/config/application.yaml}. Every test posts from an
 * address of its own ({@code X-Forwarded-For}, which Tomcat takes from the loopback proxy), so the per-address
 * throttle of 5 fills a minute counts only that test's requests.
 */
@InboxAppTest
class FormCaptureIT {

    private static final String SITE = "https://www.example.com";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NurtureClient api;
    String address;
    final HttpClient http = HttpClient.newHttpClient(); // follows no redirects

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
        address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
    }

    @Test
    void aBrowsersFillMakesALeadWithItsProfileConsentAndTheTextAgreedTo() throws IOException {
        String email = unique("zoe");
        HttpResponse<String> response = send(browserPost("test-signup", form("email", email, "firstName", "Zoë",
                "lastName", "李", "company", "Acme GmbH", "companySize", "250", "country", "de", "phone",
                "+49 151 1234567", "industry", "software", "message", "Call me\nafter 5", "newsletter_consent", "on",
                "website_url", ""))
                .header("Referer", SITE + "/pricing?utm_campaign=spring"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Thank you").doesNotContain(email);

        JsonNode contact = contactByEmail(email);
        assertThat(contact.get("lifecycleStage").asText()).isEqualTo("LEAD");
        assertThat(contact.get("firstName").asText()).isEqualTo("Zoë");
        assertThat(contact.get("lastName").asText()).isEqualTo("李");
        assertThat(contact.get("company").asText()).isEqualTo("Acme GmbH");
        assertThat(contact.get("companySize").asInt()).isEqualTo(250);
        assertThat(contact.get("country").asText()).isEqualTo("DE");
        assertThat(contact.get("phone").asText()).isEqualTo("+49 151 1234567");
        assertThat(contact.get("source").asText()).isEqualTo("signup-page");
        assertThat(contact.get("consent").get("email").asBoolean()).isTrue();
        assertThat(contact.get("stageHistory").toString()).contains("\"actor\":\"form:test-signup\"");

        Map<String, Object> event = onlyEvent(contact.get("id").asText());
        assertThat(event.get("type")).isEqualTo("form_submitted");
        JsonNode properties = JSON.readTree((String) event.get("properties"));
        assertThat(properties.get("consentText").asText()).isEqualTo("I agree to receive product news by e-mail.");
        assertThat(properties.get("form").asText()).isEqualTo("test-signup");
        assertThat(properties.get("message").asText()).isEqualTo("Call me\nafter 5");
        assertThat(properties.get("page").asText()).isEqualTo("/pricing");
        assertThat(properties.get("url").asText()).isEqualTo(SITE + "/pricing?utm_campaign=spring");
        assertThat(properties.has("website_url")).as("the empty honeypot is not kept").isFalse();
    }

    @Test
    void aScriptPostsJsonAndLearnsNoIds() throws IOException {
        String email = unique("li");
        HttpResponse<String> response = send(post("test-signup", "application/json", """
                {"email": "%s", "firstName": "李", "lastName": "Zoë", "companySize": 12, "newsletter_consent": false}
                """.formatted(email)).header("Origin", SITE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"success\": true}"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(SITE);
        JsonNode contact = contactByEmail(email);
        assertThat(contact.get("firstName").asText()).isEqualTo("李");
        assertThat(contact.get("lastName").asText()).isEqualTo("Zoë");
        assertThat(contact.get("companySize").asInt()).isEqualTo(12);
        JsonNode consent = contact.get("consent").get("email");
        assertThat(consent == null || consent.isNull()).as("an unticked box gives no consent").isTrue();
        assertThat((String) onlyEvent(contact.get("id").asText()).get("properties")).doesNotContain("consentText");
    }

    @Test
    void aUrlencodedFillThatAsksForJsonIsAnsweredInJson() {
        String email = unique("accept");
        HttpResponse<String> response = send(post("test-signup", "application/x-www-form-urlencoded",
                form("email", email, "firstName", "Ann")).header("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertThat(contactByEmail(email).get("firstName").asText()).isEqualTo("Ann");
    }

    @Test
    void aBrowserIsSentOnToTheConfiguredThankYouPageOnly() {
        String email = unique("redirect");
        HttpResponse<String> response = send(browserPost("test-redirect", form("email", email))
                .uri(URI.create(url("/f/test-redirect?redirect=https://evil.example/&next=https://evil.example/"))));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("https://www.example.com/thank-you?from=form");
        JsonNode contact = contactByEmail(email);
        assertThat(onlyEvent(contact.get("id").asText()).get("type")).as("the configured event type")
                .isEqualTo("whitepaper_requested");

        HttpResponse<String> smuggled = send(browserPost("test-redirect",
                form("email", unique("smuggled"), "redirect", "https://evil.example/")));
        assertThat(smuggled.statusCode()).isEqualTo(400);
        assertThat(smuggled.headers().firstValue("Location")).isEmpty();
        assertThat(smuggled.body()).contains("Unknown field &#39;redirect&#39;");
    }

    @Test
    void aFilledHoneypotIsAnsweredAsASuccessAndStoresNothing() {
        String email = unique("bot");
        HttpResponse<String> defaultHoneypot = send(browserPost("test-signup",
                form("email", email, "firstName", "Bot", "website_url", "http://spam.example/")));
        assertThat(defaultHoneypot.statusCode()).isEqualTo(200);
        assertThat(defaultHoneypot.body()).contains("Thank you");

        HttpResponse<String> ownHoneypot = send(browserPost("test-redirect",
                form("email", email, "fax_number", "0800 123", "whatever", "x")));
        assertThat(ownHoneypot.statusCode()).isEqualTo(303);
        assertThat(ownHoneypot.headers().firstValue("Location")).contains("https://www.example.com/thank-you?from=form");

        HttpResponse<String> json = send(post("test-signup", "application/json",
                "{\"email\": \"" + email + "\", \"firstName\": \"Bot\", \"website_url\": \"x\"}"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"success\":true}");

        assertThat(contactsByEmail(email)).isEmpty();
    }

    @Test
    void anAddressThatFillsTooOftenIsAnswered429WithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(browserPost("test-signup", form("email", unique("often"), "firstName", "Otto")))
                    .statusCode()).isEqualTo(200);
        }
        String email = unique("sixth");
        HttpResponse<String> browser = send(browserPost("test-signup", form("email", email, "firstName", "Otto")));
        assertThat(browser.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(browser.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(browser.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(browser.body()).contains("Too many form submissions");

        HttpResponse<String> script = send(post("test-signup", "application/json",
                "{\"email\": \"" + email + "\", \"firstName\": \"Otto\"}"));
        assertThat(script.statusCode()).isEqualTo(429);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(contactsByEmail(email)).isEmpty();

        address = "198.19.0." + ThreadLocalRandom.current().nextInt(256);
        assertThat(send(browserPost("test-signup", form("email", email, "firstName", "Otto"))).statusCode())
                .as("another address").isEqualTo(200);
    }

    @Test
    void theTrackingLinksAreThrottledPerAddressToo() {
        String link = "/t/open/" + UUID.randomUUID() + "?s=forged";
        for (int i = 0; i < 120; i++) {
            assertThat(send(request(link).GET()).statusCode()).as("request " + (i + 1)).isEqualTo(400);
        }
        // the allowance comes back at 2 a second while we send, so the refusal may come a few requests later
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 100 && (throttled == null || throttled.statusCode() != 429); i++) {
            throttled = send(request(link).GET());
        }
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Too many requests to tracking links");
    }

    @Test
    void aBrowserOnAnotherSiteIsRefused403() {
        String email = unique("foreign");
        for (String origin : List.of("https://evil.example", "null", "https://www.example.com.evil.example",
                "http://www.example.com", "https://www.example.com:8443")) {
            HttpResponse<String> refused = send(post("test-signup", "application/x-www-form-urlencoded",
                    form("email", email, "firstName", "Eve")).header("Origin", origin));
            assertThat(refused.statusCode()).as(origin).isEqualTo(403);
        }
        address = "198.19.5." + ThreadLocalRandom.current().nextInt(256);
        HttpResponse<String> byReferer = send(post("test-signup", "application/json",
                "{\"email\": \"" + email + "\", \"firstName\": \"Eve\"}").header("Referer", "https://evil.example/x"));
        assertThat(byReferer.statusCode()).isEqualTo(403);
        assertThat(byReferer.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(contactsByEmail(email)).isEmpty();

        address = "198.19.1." + ThreadLocalRandom.current().nextInt(256);
        assertThat(send(post("test-signup", "application/x-www-form-urlencoded",
                form("email", unique("sub"), "firstName", "Sue")).header("Origin", "https://shop.example.org"))
                .statusCode()).as("a pattern's origin").isEqualTo(200);
        assertThat(send(post("test-signup", "application/x-www-form-urlencoded",
                form("email", unique("server"), "firstName", "Sam"))).statusCode())
                .as("a server: neither Origin nor Referer").isEqualTo(200);
    }

    @Test
    void corsPreflightsAreAnsweredForTheFormsOriginsOnly() {
        HttpResponse<String> allowed = send(request("/f/test-signup").method("OPTIONS", HttpRequest.BodyPublishers
                .noBody()).header("Origin", SITE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(SITE);

        HttpResponse<String> foreign = send(request("/f/test-signup").method("OPTIONS", HttpRequest.BodyPublishers
                .noBody()).header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anUnknownFormIs404AndAnUnsupportedBody415() {
        HttpResponse<String> unknown = send(post("no-such-form", "application/json", "{\"email\": \"a@b.example\"}"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(send(browserPost("no-such-form", form("email", "a@b.example"))).statusCode()).isEqualTo(404);

        address = "198.19.2." + ThreadLocalRandom.current().nextInt(256);
        String email = unique("plain");
        for (String type : List.of("text/plain", "multipart/form-data; boundary=x", "application/xml")) {
            String body = type.startsWith("multipart") ? "--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n"
                    + email + "\r\n--x--\r\n" : "email=" + email;
            HttpResponse<String> response = send(post("test-signup", type, body).header("Accept", "application/json"));
            assertThat(response.statusCode()).as(type).isEqualTo(415);
        }
        assertThat(contactsByEmail(email)).isEmpty();
    }

    @Test
    void badFillsAre400NamingTheFieldAndStoreNothing() {
        String email = unique("bad");
        Map<String, String> cases = Map.of(
                form("firstName", "Nomail"), "Field email is required",
                form("email", email), "Field firstName is required",
                form("email", "not-an-address", "firstName", "Ann"), "Field email must be a well-formed e-mail address",
                form("email", email, "firstName", "Ann", "message", "x".repeat(1_001)),
                "Field message must be at most 1000 characters",
                form("email", email, "firstName", "A".repeat(101)), "firstName must be at most 100 characters",
                form("email", email, "firstName", "Ann\u0000"), "Field firstName must not contain control characters",
                form("email", email, "firstName", "Ann", "message", "beep\u0007"),
                "Field message must not contain control characters",
                form("email", email, "firstName", "Ann", "companySize", "many"), "Field companySize must be a whole number",
                form("email", email, "firstName", "Ann", "isAdmin", "true"), "Unknown field &#39;isAdmin&#39;");
        int sent = 0;
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            if (sent++ % 5 == 4) {
                address = "198.19.3." + ThreadLocalRandom.current().nextInt(256); // a fresh allowance
            }
            HttpResponse<String> response = send(browserPost("test-signup", bad.getKey()));
            assertThat(response.statusCode()).as(bad.getValue()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(response.body()).as(bad.getKey()).contains(bad.getValue());
        }
        address = "198.19.4." + ThreadLocalRandom.current().nextInt(256);
        HttpResponse<String> twice = send(browserPost("test-signup",
                "email=" + email + "&email=other%40example.com&firstName=Ann"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Field email was given 2 times");

        HttpResponse<String> nested = send(post("test-signup", "application/json",
                "{\"email\": \"" + email + "\", \"firstName\": {\"$gt\": \"\"}}"));
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(nested.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        assertThat(nested.body()).contains("Field firstName must be a single value");

        HttpResponse<String> duplicateKey = send(post("test-signup", "application/json",
                "{\"email\": \"" + email + "\", \"firstName\": \"A\", \"firstName\": \"B\"}"));
        assertThat(duplicateKey.statusCode()).isEqualTo(400);

        HttpResponse<String> notAnObject = send(post("test-signup", "application/json", "[\"" + email + "\"]"));
        assertThat(notAnObject.statusCode()).isEqualTo(400);

        address = "198.19.6." + ThreadLocalRandom.current().nextInt(256);
        String encoded = URLEncoder.encode(email, StandardCharsets.UTF_8);
        for (String body : List.of("email=" + encoded + "&firstName=%ZZ", "email=" + encoded + "&firstName=%C3%28",
                "email=" + encoded + "&firstName=Zo\u00eb", "email=" + encoded + "&firstName=%")) {
            HttpResponse<String> broken = send(browserPost("test-signup", body));
            assertThat(broken.statusCode()).as(body).isEqualTo(400);
            assertThat(broken.body()).as(body).contains("The form body is not");
        }
        address = "198.19.7." + ThreadLocalRandom.current().nextInt(256);
        HttpResponse<String> strangeCharset = send(post("test-signup",
                "application/x-www-form-urlencoded; charset=no-such-charset", "email=" + encoded + "&firstName=A")
                .header("Accept", "application/json"));
        assertThat(strangeCharset.statusCode()).isBetween(400, 499);
        HttpResponse<String> number = send(post("test-signup", "application/json",
                "{\"email\": \"" + email + "\", \"firstName\": 42}"));
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.body()).contains("Field firstName must be text");

        assertThat(contactsByEmail(email)).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", address);
    }

    private HttpRequest.Builder post(String form, String contentType, String body) {
        return request("/f/" + form).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** What Chromium sends for a plain {@code <form method="post">} on the site. */
    private HttpRequest.Builder browserPost(String form, String body) {
        return post(form, "application/x-www-form-urlencoded", body).header("Accept", BROWSER_ACCEPT)
                .header("Origin", SITE);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    private List<JsonNode> contactsByEmail(String email) {
        NurtureClient.Response response = api.get("/api/contacts?email=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8), "demo");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> contacts = new ArrayList<>();
        response.json().forEach(contacts::add);
        return contacts;
    }

    private JsonNode contactByEmail(String email) {
        List<JsonNode> contacts = contactsByEmail(email);
        assertThat(contacts).hasSize(1);
        return contacts.get(0);
    }

    private Map<String, Object> onlyEvent(String contactId) {
        List<Map<String, Object>> events = jdbc.sql("SELECT type, properties FROM contact_event WHERE contact_id = ?")
                .param(contactId).query().listOfRows();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
