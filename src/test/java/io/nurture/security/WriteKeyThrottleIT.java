package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.NurtureClient;
import io.nurture.source.WriteKeys;

/**
 * Wrong write keys against the real app over real HTTP: an address that sent too many is answered 429 on the tracking
 * API before its key is looked at, even the right one; another address with the right key is not. The tracking
 * endpoints are the segment module's; here a probe at {@code /v1/probe} answers as they do (401 for a wrong key,
 * checked by {@link WriteKeys}), so the throttle is tested apart from them. The allowance is small: 3 failures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:nurture-write-key-throttle;DB_CLOSE_DELAY=-1",
        "nurture.inbox.smtp-port=0",
        "camunda.bpm.job-execution.enabled=false",
        "nurture.security.write-key-throttle.failures=3",
        "nurture.security.write-key-throttle.period=PT30S" })
@Import(WriteKeyThrottleIT.WriteKeyProbe.class)
@DirtiesContext // one engine per JVM
class WriteKeyThrottleIT {

    private static final int ALLOWANCE = 3;
    private static final String DEMO_KEY = "demo-website-write-key"; // application.yaml
    private static final String PROBE = "/v1/probe";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void anAddressWithTooManyWrongKeysIsRefusedBeforeItsKeyIsChecked() {
        ClientAt attacker = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(withKey(attacker, "guess-" + failure).statusCode()).isEqualTo(401);
        }

        assertRefused(withKey(attacker, DEMO_KEY));
        assertRefused(withKey(attacker, "guess"));

        ClientAt site = newClient();
        assertThat(withKey(site, DEMO_KEY).statusCode()).as("another address with the right key").isEqualTo(200);
        assertThat(withKey(site, "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void aStoredKeyIsThrottledTheSameWay() {
        String key = new NurtureClient(port).post("/api/sources", "{\"name\": \"throttled\"}", "demo").json()
                .get("writeKey").asText();
        ClientAt attacker = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(withKey(attacker, key.substring(0, 42) + failure).statusCode()).isEqualTo(401);
        }

        assertRefused(withKey(attacker, key));
        assertThat(withKey(newClient(), key).statusCode()).isEqualTo(200);
    }

    @Test
    void noKeyAtAllCountsAsAWrongOne() {
        ClientAt client = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(client.post(PROBE, "{}").statusCode()).isEqualTo(401);
        }

        assertRefused(client.post(PROBE, "{}"));
    }

    @Test
    void rightKeysNeitherUseNorRestoreTheAllowance() {
        ClientAt site = newClient();
        for (int success = 1; success <= 2 * ALLOWANCE; success++) {
            assertThat(withKey(site, DEMO_KEY).statusCode()).isEqualTo(200);
        }
        for (int failure = 1; failure < ALLOWANCE; failure++) {
            assertThat(withKey(site, "guess").statusCode()).isEqualTo(401);
        }
        assertThat(withKey(site, DEMO_KEY).statusCode()).isEqualTo(200);
        assertThat(withKey(site, "guess").statusCode()).isEqualTo(401);

        assertRefused(withKey(site, DEMO_KEY));
    }

    @Test
    void aBrowserOnAnAllowedOriginCanReadThe429() {
        ClientAt browser = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(withKey(browser, "guess").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = browser.post(PROBE, "{}", "Authorization", NurtureClient.basic(DEMO_KEY, ""),
                "Origin", "http://localhost:3000");

        assertRefused(refused);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("Retry-After"));
    }

    @Test
    void theLoginThrottleIsNotTouchedByWriteKeys() {
        ClientAt client = newClient();
        for (int failure = 1; failure <= ALLOWANCE; failure++) {
            assertThat(withKey(client, "guess").statusCode()).isEqualTo(401);
        }

        assertThat(client.basic("/api/sources", "demo", "demo").statusCode())
                .as("wrong write keys do not throttle the address's logins").isEqualTo(200);
    }

    private static HttpResponse<String> withKey(ClientAt client, String key) {
        return client.post(PROBE, "{}", "Authorization", NurtureClient.basic(key, ""));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("wrong write key from your address");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L); // one failure back every 30 s / 3
    }

    /** A client at an address no other test uses (TEST-NET-2, none of Tomcat's internal proxies). */
    private ClientAt newClient() {
        int host = ADDRESSES.incrementAndGet();
        assertThat(host).as("addresses left in 198.51.100.0/24").isLessThan(255);
        return new ClientAt(port, "198.51.100." + host);
    }

    /** Answers as the tracking API does: 401 unless the Basic user name is a write key. */
    @RestController
    static class WriteKeyProbe {

        private final WriteKeys writeKeys;

        WriteKeyProbe(WriteKeys writeKeys) {
            this.writeKeys = writeKeys;
        }

        @PostMapping(PROBE)
        ResponseEntity<String> probe(@RequestHeader(name = "Authorization", required = false) String authorization) {
            String key = null;
            if (authorization != null && authorization.startsWith("Basic ")) {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)),
                        StandardCharsets.UTF_8);
                key = decoded.substring(0, Math.max(0, decoded.indexOf(':')));
            }
            return writeKeys.sourceOf(key).isPresent() ? ResponseEntity.ok("{\"success\":true}")
                    : ResponseEntity.status(401).body("{\"detail\":\"wrong write key\"}");
        }
    }
}
