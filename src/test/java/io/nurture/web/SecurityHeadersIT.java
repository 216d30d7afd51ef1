package io.nurture.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;

/** Nurture's own pages and API answer with the hardening headers Camunda's pages send, refusals included. */
@JobsOffAppTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/dashboard/login", "/dashboard", "/inbox", "/api/inbox", "/api/reports/funnel",
            "/api/docs", "/api/docs/swagger-ui/index.html",
            "/t/open/nothing?s=forged", "/t/preferences/nothing?s=forged", "/t/unsubscribe/nothing?s=forged",
            "/no-such-page" })
    void everyNurturePageIsHardened(String path) throws Exception {
        HttpHeaders headers = get(path, "demo").headers();

        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'"));
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("no-store"));
    }

    @Test
    void refusalsCarryTheHeadersToo() throws Exception {
        HttpResponse<String> refused = get("/api/reports/funnel", "sdr");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void camundasOwnPagesKeepTheirOwnHeaders() throws Exception {
        HttpHeaders headers = get("/camunda/app/tasklist/default/", null).headers();

        assertThat(headers.allValues("Content-Security-Policy")).hasSize(1);
        assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).isNotEqualTo(
                SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", NurtureClient.basic(user, user));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
