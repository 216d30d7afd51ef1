package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.nurture.NurtureClient;

/**
 * A successful login is remembered for a short time, by its exact header: a failure never is, another password for
 * the same user is checked on its own, and once the time is up a changed password or group applies.
 */
class ApiAuthenticationFilterTest {

    private static final Duration REMEMBERED = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong();
    private IdentityService identity;
    private ApiAuthenticationFilter filter;

    @BeforeEach
    void filter() {
        identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(identity.checkPassword("integration", "right")).thenReturn(true);
        Group integration = mock(Group.class);
        when(integration.getId()).thenReturn("integration");
        when(identity.createGroupQuery().groupMember("integration").list()).thenReturn(List.of(integration));
        filter = new ApiAuthenticationFilter(identity, REMEMBERED, nanos::get);
    }

    @Test
    void aSuccessfulLoginIsCheckedOnceWhileItIsRemembered() throws Exception {
        assertThat(call("integration", "right")).isEqualTo(200);
        nanos.addAndGet(REMEMBERED.toNanos() - 1);

        MockHttpServletRequest again = request("integration", "right");
        filter.doFilter(again, new MockHttpServletResponse(), new MockFilterChain());

        verify(identity, times(1)).checkPassword("integration", "right");
        assertThat(again.getAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE)).isEqualTo("integration");
        assertThat(again.getAttribute(ApiAuthenticationFilter.GROUPS_ATTRIBUTE)).isEqualTo(Set.of("integration"));
    }

    @Test
    void aChangedPasswordAppliesOnceTheTimeIsUp() throws Exception {
        assertThat(call("integration", "right")).isEqualTo(200);
        when(identity.checkPassword("integration", "right")).thenReturn(false);

        nanos.addAndGet(REMEMBERED.toNanos());

        assertThat(call("integration", "right")).isEqualTo(401);
    }

    @Test
    void aFailureIsNeverRememberedAndAnotherPasswordIsCheckedOnItsOwn() throws Exception {
        assertThat(call("integration", "right")).isEqualTo(200);

        assertThat(call("integration", "wrong")).isEqualTo(401);
        assertThat(call("integration", "wrong")).isEqualTo(401);

        verify(identity, times(2)).checkPassword("integration", "wrong");
        verify(identity, times(3)).checkPassword(anyString(), anyString());
    }

    private int call(String user, String password) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(user, password), response, new MockFilterChain());
        return response.getStatus();
    }

    private static MockHttpServletRequest request(String user, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/events");
        request.addHeader("Authorization", NurtureClient.basic(user, password));
        return request;
    }
}
