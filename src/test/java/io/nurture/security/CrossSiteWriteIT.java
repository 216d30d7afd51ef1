package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * A page on another site cannot write through the API with the Basic credentials a browser remembers: its form posts
 * carry {@code Sec-Fetch-Site: cross-site} (or, from older browsers, a foreign {@code Origin}) and are refused before
 * anything is stored, while scripts, integrations and Nurture's own pages write as before.
 */
@InboxAppTest
class CrossSiteWriteIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormPostFromAnotherSiteIsRefusedAndStoresNothing() {
        for (Map<String, String> forged : List.of(Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"), Map.of("Origin", "https://evil.example"),
                Map.of("Origin", "null"), Map.of("Origin", "http://127.0.0.1:" + port + ".evil.example"))) {
            String email = "forged-" + UUID.randomUUID() + "@example.com";

            Response response = postEvent(email, forged);

            assertThat(response.status()).as(forged + ": " + response.body()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asText()).contains("another site");
            assertThat(contactsWith(email)).as(forged.toString()).isZero();
        }
    }

    @Test
    void scriptsIntegrationsAndNurturesOwnPagesStillWrite() {
        for (Map<String, String> allowed : List.of(Map.<String, String>of(),
                Map.of("Sec-Fetch-Site", "same-origin"), Map.of("Sec-Fetch-Site", "none"),
                Map.of("Origin", "http://127.0.0.1:" + port))) {
            String email = "allowed-" + UUID.randomUUID() + "@example.com";

            Response response = postEvent(email, allowed);

            assertThat(response.status()).as(allowed + ": " + response.body()).isEqualTo(202);
            assertThat(contactsWith(email)).isEqualTo(1);
        }
    }

    @Test
    void readsFromAnotherSiteAreLeftToTheSameOriginPolicy() throws Exception {
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/reports/funnel"))
                .header("Authorization", NurtureClient.basic("marketer", "marketer"))
                .header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as("the other site cannot read it")
                .isEmpty();
    }

    private Response postEvent(String email, Map<String, String> headers) {
        NurtureClient api = new NurtureClient(port);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/events"))
                .header("Authorization", NurtureClient.basic("integration", "integration"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": "form_submitted", "email": "%s"}""".formatted(email)));
        headers.forEach(request::header);
        return api.send(request.build());
    }

    private long contactsWith(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE email = ?").param(email).query(Long.class).single();
    }
}
