package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LoginRequestsTest {

    private final LoginRequests logins = new LoginRequests("/camunda");

    @Test
    void everyRequestWithCredentialsToTheApisChecksAPassword() {
        assertThat(logins.checksPassword(withCredentials(request("GET", "/api/contacts", null)))).isTrue();
        assertThat(logins.checksPassword(withCredentials(request("POST", "/api/events", null)))).isTrue();
        assertThat(logins.checksPassword(withCredentials(request("GET", "/inbox", null)))).isTrue();
        assertThat(logins.checksPassword(withCredentials(request("GET", "/engine-rest", "/task")))).isTrue();
        assertThat(logins.checksPassword(withCredentials(request("DELETE", "/engine-rest", "/user/x")))).isTrue();
        assertThat(logins.checksPassword(withCredentials(request("GET", "/actuator/prometheus", null))))
                .as("a scraper's basic auth").isTrue();

        assertThat(logins.checksPassword(request("GET", "/api/contacts", null))).as("no credentials").isFalse();
        assertThat(logins.checksPassword(withCredentials(request("GET", "/apis", null)))).isFalse();
        assertThat(logins.checksPassword(withCredentials(request("POST", "/v1/track", null))))
                .as("a write key is no Camunda login").isFalse();
    }

    @Test
    void theWebappAndDashboardLoginsCheckAPassword() {
        assertThat(logins.checksPassword(
                request("POST", "/camunda/api/admin", "/auth/user/default/login/tasklist"))).isTrue();
        assertThat(logins.checksPassword(
                request("POST", "/camunda/api/admin", "/auth/user/default/login/welcome/"))).isTrue();
        assertThat(logins.checksPassword(request("post", "/dashboard/login", null))).isTrue();
        assertThat(logins.checksPassword(request("POST", "/dashboard/login/", null))).isTrue();

        assertThat(logins.checksPassword(request("GET", "/dashboard/login", null))).as("the form").isFalse();
        assertThat(logins.checksPassword(request("GET", "/camunda/api/admin", "/auth/user/default"))).isFalse();
        assertThat(logins.checksPassword(request("POST", "/camunda/api/admin", "/auth/user/default/logout")))
                .isFalse();
        assertThat(new LoginRequests("/ops/").checksPassword(
                request("POST", "/ops/api/admin", "/auth/user/default/login/cockpit"))).isTrue();
    }

    @Test
    void camundasIdentityVerifyChecksAPasswordOnEveryEngineApi() {
        for (MockHttpServletRequest verify : new MockHttpServletRequest[] {
                withCredentials(request("POST", "/engine-rest", "/identity/verify")),
                withCredentials(request("POST", "/engine-rest", "/engine/default/identity/verify")),
                request("POST", "/camunda/api/engine", "/engine/default/identity/verify") }) {
            assertThat(logins.checksPassword(verify)).as(verify.getPathInfo()).isTrue();
            assertThat(logins.isIdentityVerify(verify)).as(verify.getPathInfo()).isTrue();
        }
        assertThat(logins.isIdentityVerify(withCredentials(request("POST", "/engine-rest", "/task")))).isFalse();
        assertThat(logins.isIdentityVerify(request("POST", "/api/identity/verify", null))).isFalse();
    }

    /** As Tomcat hands it to the filters: the servlet's path and the rest, decoded and normalised. */
    private static MockHttpServletRequest request(String method, String servletPath, String pathInfo) {
        MockHttpServletRequest request = new MockHttpServletRequest(method,
                servletPath + (pathInfo == null ? "" : pathInfo));
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo);
        return request;
    }

    private static MockHttpServletRequest withCredentials(MockHttpServletRequest request) {
        request.addHeader("Authorization", "Basic c2RyOnNkcg==");
        return request;
    }
}
