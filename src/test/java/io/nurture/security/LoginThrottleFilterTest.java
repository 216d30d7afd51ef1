package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

class LoginThrottleFilterTest {

    private final LoginThrottleFilter filter = new LoginThrottleFilter(
            new LoginThrottle(2, Duration.ofMinutes(1)), new LoginRequests("/camunda"));
    private final AtomicInteger passwordChecks = new AtomicInteger();

    @Test
    void answers429WithRetryAfterOnceTheAllowanceIsUsedAndChecksNoPassword() throws Exception {
        assertThat(engineRest("203.0.113.1", 401).getStatus()).isEqualTo(401);
        assertThat(engineRest("203.0.113.1", 401).getStatus()).isEqualTo(401);

        MockHttpServletResponse refused = engineRest("203.0.113.1", 200);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429")
                .contains("Too many failed logins from your address; try again in 30 seconds");
        assertThat(passwordChecks).hasValue(2);
        assertThat(engineRest("203.0.113.2", 200).getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void onlyAnswersOf401AreFailures() throws Exception {
        for (int status : new int[] { 200, 204, 400, 403, 404, 500 }) {
            engineRest("203.0.113.3", status);
        }
        engineRest("203.0.113.3", 401);

        assertThat(engineRest("203.0.113.3", 200).getStatus()).isEqualTo(200);
        assertThat(engineRest("203.0.113.3", 401).getStatus()).isEqualTo(401);
        assertThat(engineRest("203.0.113.3", 200).getStatus()).isEqualTo(429);
    }

    @Test
    void anIdentityVerifyThatSaysNotAuthenticatedIsAFailureAndItsAnswerStillArrives() throws Exception {
        MockHttpServletResponse notAuthenticated = verify("203.0.113.4",
                "{\"authenticatedUser\":\"demo\",\"authenticated\":false}");
        assertThat(notAuthenticated.getContentAsString()).contains("\"authenticated\":false");
        verify("203.0.113.4", "{\"authenticatedUser\":\"demo\",\"authenticated\":true}");
        verify("203.0.113.4", "{\"authenticatedUser\":\"demo\",\"authenticated\":false}");

        assertThat(verify("203.0.113.4", "{\"authenticated\":true}").getStatus()).isEqualTo(429);
    }

    @Test
    void anAttemptThatThrowsIsNoFailure() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            MockHttpServletRequest request = engineRestRequest("203.0.113.5");
            assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                throw new ServletException("broken");
            })).isInstanceOf(ServletException.class);
        }
        assertThat(engineRest("203.0.113.5", 200).getStatus()).isEqualTo(200);
    }

    @Test
    void successesInFlightAtTheSameTimeAreNeverRefused() throws Exception {
        engineRest("203.0.113.7", 401);
        AtomicInteger refusedWhileInFlight = new AtomicInteger();
        MockHttpServletResponse outer = new MockHttpServletResponse();
        filter.doFilter(engineRestRequest("203.0.113.7"), outer, (request, response) -> {
            for (int parallel = 0; parallel < 5; parallel++) { // while the first one is still being answered
                if (engineRest("203.0.113.7", 200).getStatus() == 429) {
                    refusedWhileInFlight.incrementAndGet();
                }
            }
            ((HttpServletResponse) response).setStatus(200);
        });

        assertThat(outer.getStatus()).isEqualTo(200);
        assertThat(refusedWhileInFlight).hasValue(0);
    }

    @Test
    void requestsThatCheckNoPasswordAreNeitherCountedNorRefused() throws Exception {
        engineRest("203.0.113.6", 401);
        engineRest("203.0.113.6", 401);

        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/contacts");
        anonymous.setServletPath("/api/contacts");
        anonymous.setRemoteAddr("203.0.113.6");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(anonymous, response, answering(401));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(passwordChecks).hasValue(3);
    }

    private MockHttpServletResponse engineRest(String address, int status) throws IOException, ServletException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(engineRestRequest(address), response, answering(status));
        return response;
    }

    private static MockHttpServletRequest engineRestRequest(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setServletPath("/engine-rest");
        request.setPathInfo("/task");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic c2RyOnNkcg==");
        return request;
    }

    private MockHttpServletResponse verify(String address, String answer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/identity/verify");
        request.setServletPath("/engine-rest");
        request.setPathInfo("/identity/verify");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic c2RyOnNkcg==");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            passwordChecks.incrementAndGet();
            ((HttpServletResponse) res).setStatus(200);
            res.setContentType("application/json");
            res.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
        });
        return response;
    }

    /** The rest of the chain: checks the password and answers with the status. */
    private FilterChain answering(int status) {
        return (request, response) -> {
            passwordChecks.incrementAndGet();
            ((HttpServletResponse) response).setStatus(status);
        };
    }
}
