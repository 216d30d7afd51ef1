package io.nurture.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;

/**
 * CORS of the tracking API as a browser sees it, over real HTTP: a page of a source's origin may post and read the
 * answer (its origin echoed, no credentials, Vary: Origin), any other origin gets no CORS header, and nothing outside
 * {@code /v1} is opened. The preflight is answered by the CORS filter itself, whatever endpoints {@code /v1} has.
 */
@JobsOffAppTest
class TrackingCorsIT {

    /** The demo source's origin, nurture.sources.website.allowed-origins in application.yaml. */
    private static final String CONFIGURED_ORIGIN = "http://localhost:3000";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void aConfiguredOriginsPreflightForJsonIsAllowed() {
        HttpResponse<String> preflight = preflight("/v1/track", CONFIGURED_ORIGIN, "content-type,authorization");

        assertThat(preflight.statusCode()).as(preflight.body()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(CONFIGURED_ORIGIN);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase())
                .contains("content-type").contains("authorization");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void aConfiguredOriginsPreflightForARetryByAnalyticsJsIsAllowed() {
        HttpResponse<String> preflight = preflight("/v1/t", CONFIGURED_ORIGIN, "authorization,x-retry-count");

        assertThat(preflight.statusCode()).as(preflight.body()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase()).contains("x-retry-count");
    }

    @Test
    void aStoredSourcesOriginIsAllowedAsSoonAsItIsCreated() {
        String origin = "https://" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        assertThat(preflight("/v1/batch", origin, "content-type").statusCode()).isEqualTo(403);

        api.post("/api/sources", "{\"name\": \"cors-" + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"allowedOrigins\": [\"" + origin.toUpperCase() + "\"]}", "demo");

        HttpResponse<String> preflight = preflight("/v1/batch", origin, "content-type");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(origin);
    }

    @Test
    void anotherOriginsPreflightIsRefusedWithoutCorsHeaders() {
        for (String origin : List.of("https://evil.example.com", "null", "http://localhost:3000.evil.example.com",
                "http://localhost:30000", "https://localhost:3000", "http://LOCALHOST:3000/", "not a url %%")) {
            HttpResponse<String> preflight = preflight("/v1/track", origin, "content-type");

            assertThat(preflight.statusCode()).as(origin).isEqualTo(403);
            assertThat(preflight.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(preflight.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
        }
    }

    @Test
    void aPreflightForAnotherMethodOrHeaderIsRefused() {
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/v1/track"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", CONFIGURED_ORIGIN).header("Access-Control-Request-Method", "DELETE"));
        HttpResponse<String> cookieHeader = preflight("/v1/track", CONFIGURED_ORIGIN, "x-evil");

        for (HttpResponse<String> refused : List.of(delete, cookieHeader)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).contains("\"status\":403")
                    .contains("Content-Type, Authorization and X-Retry-Count");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aSimpleRequestFromAnAllowedOriginMayReadTheAnswerAndAnotherMayNot() {
        HttpResponse<String> allowed = simplePost("/v1/t", CONFIGURED_ORIGIN);
        HttpResponse<String> other = simplePost("/v1/t", "https://evil.example.com");

        assertThat(allowed.statusCode()).isLessThan(500);
        assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(CONFIGURED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(allowed.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
        assertThat(other.statusCode()).isLessThan(500);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void corsIsOpenNowhereElse() {
        for (String path : List.of("/api/events", "/api/sources", "/engine-rest/process-definition", "/f/contact",
                "/t/o", "/dashboard", "/v1x/track", "/v")) {
            HttpResponse<String> preflight = preflight(path, CONFIGURED_ORIGIN, "content-type,authorization");
            HttpResponse<String> simple = simplePost(path, CONFIGURED_ORIGIN);

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
            assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    private HttpResponse<String> preflight(String path, String origin, String headers) {
        return send(HttpRequest.newBuilder(uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", headers));
    }

    /**
     * A simple request, so no preflight: text/plain with JSON inside and the key in the body (analytics.js itself
     * adds Authorization, so it asks first).
     */
    private HttpResponse<String> simplePost(String path, String origin) {
        return send(HttpRequest.newBuilder(uri(path)).header("Origin", origin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"writeKey\": \"wrong\", \"event\": \"Cors\", "
                        + "\"anonymousId\": \"cors-test\"}")));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header; "
                + response.statusCode() + " " + response.headers().map()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
