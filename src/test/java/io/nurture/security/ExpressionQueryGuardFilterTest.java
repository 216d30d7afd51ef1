package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ExpressionQueryGuardFilterTest {

    private final ExpressionQueryGuardFilter guard = new ExpressionQueryGuardFilter();

    @Test
    void findsExpressionsInOrQueriesAtAnyDepth() {
        assertThat(refused("{\"orQueries\": [{\"assigneeExpression\": \"${x}\"}]}")).isTrue();
        assertThat(refused("{\"query\": {\"orQueries\": [{\"candidateGroupsExpression\": \"${x}\"}]}}")).isTrue();
        assertThat(refused("{\"OrQueries\": [{\"DueDateExpression\": \"${x}\"}]}")).isTrue();
        assertThat(refused("{\"orQuerie\\u0073\": [{\"assigneeExpression\": \"${x}\"}]}")).isTrue();
    }

    @Test
    void letsOrdinaryQueriesThrough() {
        assertThat(refused("{\"orQueries\": [{\"assignee\": \"sdr\"}, {\"candidateGroup\": \"sdr\"}]}")).isFalse();
        assertThat(refused("{\"orQueries\": [{\"assigneeExpression\": null}]}")).isFalse();
        assertThat(refused("{\"assigneeExpression\": \"${currentUser()}\"}")).isFalse(); // the engine refuses it
        assertThat(refused("not json")).isFalse();
    }

    @Test
    void answersWithAProblemAndKeepsTheBodyForTheEngine() throws Exception {
        MockHttpServletResponse refusedResponse = filter("{\"orQueries\": [{\"nameExpression\": \"${x}\"}]}");
        assertThat(refusedResponse.getStatus()).isEqualTo(400);
        assertThat(refusedResponse.getContentType()).isEqualTo("application/problem+json");

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = jsonRequest("{\"orQueries\": [{\"name\": \"x\"}]}");
        guard.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest().getInputStream().readAllBytes())
                .isEqualTo("{\"orQueries\": [{\"name\": \"x\"}]}".getBytes(StandardCharsets.UTF_8));
    }

    private boolean refused(String body) {
        return ExpressionQueryGuardFilter.containsOrQueryExpression(body.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse filter(String body) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(jsonRequest(body), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest jsonRequest(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
