package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    void findsExpressionsOutsideOrQueriesAndInEveryShape() {
        assertThat(refused("{\"assigneeExpression\": \"${x}\"}")).isTrue();
        assertThat(refused("{\"a\": [{\"b\": {\"nameExpression\": \"${x}\"}}]}")).isTrue();
        assertThat(refused("{\"assigneeExpression\": [\"${x}\"]}")).as("a list the mapper may unwrap").isTrue();
        assertThat(refused("{\"assigneeExpression\": 42}")).isTrue();
        assertThat(refused("{\"assigneeExpression\": \"sdr\"}")).as("a literal is an expression too").isTrue();
        assertThat(refused("{\"assigneeExpression\": \"\\u0024{x}\"}")).isTrue();
        assertThat(refused("{\"assigneeExpression\": \"#{x}\"}")).isTrue();
    }

    @Test
    void namesTheFieldThatHoldsTheExpression() {
        assertThat(refusal("{\"query\": {\"orQueries\": [{\"assignee\": \"x\"}, {\"ownerExpression\": \"${x}\"}]}}"))
                .startsWith("query.orQueries[1].ownerExpression: '${x}' is not an allowed expression");
    }

    @Test
    void letsOrdinaryQueriesAndTheAllowedExpressionsThrough() {
        assertThat(refused("{\"orQueries\": [{\"assignee\": \"sdr\"}, {\"candidateGroup\": \"sdr\"}]}")).isFalse();
        assertThat(refused("{\"orQueries\": [{\"assigneeExpression\": null}]}")).isFalse();
        assertThat(refused("{\"assigneeExpression\": \"${currentUser()}\"}")).isFalse();
        assertThat(refused("""
                {"orQueries": [{"candidateGroupsExpression": "${currentUserGroups()}",
                                "dueBeforeExpression": "${dateTime().plusDays(2).withTimeAtStartOfDay().toDate()}"}],
                 "followUpBeforeOrNotExistentExpression": "${now()}"}""")).isFalse();
        assertThat(refused("{\"variables\": {\"noteExpression\": {\"value\": 1, \"type\": \"Integer\"}}}"))
                .as("an object under such a name is looked into, not refused").isFalse();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(refusal("not json")).startsWith("The request body is not valid JSON");
        assertThat(refusal("{\"orQueries\": [")).startsWith("The request body is not valid JSON");
        assertThat(refusal("{\"assignee\": \"sdr\", \"assignee\": \"demo\"}")).as("duplicate keys")
                .startsWith("The request body is not valid JSON");
        assertThat(refusal("{\"assignee\": \"sdr\"} {\"orQueries\": []}")).as("a second document")
                .startsWith("The request body is not valid JSON");
        assertThat(refusal("[".repeat(2000) + "]".repeat(2000))).as("deeper than Jackson reads")
                .startsWith("The request body is not valid JSON");
        String tooLong = "{\"zz\": \"" + "a".repeat(20_000_001) + "\", \"orQueries\": []}";
        assertThat(refusal(tooLong)).as("longer than Jackson reads").startsWith("The request body is not valid JSON");
    }

    @Test
    void refusesBodiesThatAreNotUtf8() {
        byte[] utf16 = "{\"orQueries\": [{\"assigneeExpression\": \"${x}\"}]}".getBytes(StandardCharsets.UTF_16);
        assertThat(ExpressionQueryGuardFilter.refusalInJson(utf16, MediaType.APPLICATION_JSON)).isNotNull();
        byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ExpressionQueryGuardFilter.refusalInJson(latin1, MediaType.APPLICATION_JSON))
                .isEqualTo("The request body is not valid UTF-8");
        assertThat(ExpressionQueryGuardFilter.refusalInJson("{}".getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("application/json;charset=ISO-8859-1")))
                .isEqualTo("A JSON request body must be UTF-8, not ISO-8859-1");
    }

    @Test
    void checksExpressionsInTheQueryString() {
        assertThat(ExpressionQueryGuardFilter.refusalInQueryString("assigneeExpression=%24%7BjdbcTemplate%7D"))
                .startsWith("assigneeExpression: '${jdbcTemplate}' is not an allowed expression");
        assertThat(ExpressionQueryGuardFilter.refusalInQueryString("assigneeExpressio%6E=x")).isNotNull();
        assertThat(ExpressionQueryGuardFilter.refusalInQueryString("orQueries=x")).isNotNull();
        assertThat(ExpressionQueryGuardFilter.refusalInQueryString("a=%zz")).isNotNull();
        assertThat(ExpressionQueryGuardFilter.refusalInQueryString("assigneeExpression=%24%7BcurrentUser()%7D"))
                .isNull();
        assertThat(ExpressionQueryGuardFilter.refusalInQueryString("processInstanceBusinessKey=c-1&sortBy=created"))
                .isNull();
    }

    @Test
    void answersWithAProblemAndKeepsTheBodyForTheEngine() throws Exception {
        MockHttpServletResponse refusedResponse = filter("{\"orQueries\": [{\"nameExpression\": \"${x}\"}]}");
        assertThat(refusedResponse.getStatus()).isEqualTo(400);
        assertThat(refusedResponse.getContentType()).isEqualTo("application/problem+json");
        assertThat(new ObjectMapper().readTree(refusedResponse.getContentAsByteArray()).get("detail").asText())
                .startsWith("orQueries[0].nameExpression");

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = jsonRequest("{\"orQueries\": [{\"name\": \"x\"}]}");
        guard.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest().getInputStream().readAllBytes())
                .isEqualTo("{\"orQueries\": [{\"name\": \"x\"}]}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void takesOnlyJsonAndMultipartBodies() throws Exception {
        assertThat(filter(request("text/plain", "{\"orQueries\": []}")).getStatus()).isEqualTo(415);
        assertThat(filter(request("application/x-www-form-urlencoded", "assigneeExpression=x")).getStatus())
                .isEqualTo(415);
        assertThat(filter(request(null, "{\"orQueries\": []}")).getStatus()).isEqualTo(415);
        assertThat(filter(request("json", "{}")).getStatus()).as("unreadable type").isEqualTo(415);
        MockHttpServletRequest gzip = request("application/json", "{}");
        gzip.addHeader("Content-Encoding", "gzip");
        assertThat(filter(gzip).getStatus()).isEqualTo(415);

        assertPassed(request("multipart/form-data; boundary=x", "--x\r\n...--x--\r\n"));
        assertPassed(request("application/json; charset=UTF-8", "{\"assignee\": \"sdr\"}"));
        assertPassed(request("application/merge-patch+json", "{}"));
        assertPassed(request("text/plain", ""));
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/engine-rest/task");
        get.setQueryString("candidateGroup=sdr");
        assertPassed(get);
    }

    private boolean refused(String body) {
        return refusal(body) != null;
    }

    private static String refusal(String body) {
        return ExpressionQueryGuardFilter.refusalInJson(body.getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON);
    }

    private MockHttpServletResponse filter(String body) throws Exception {
        return filter(jsonRequest(body));
    }

    private MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private void assertPassed(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as(response.getContentAsString()).isNotNull();
    }

    private static MockHttpServletRequest jsonRequest(String body) {
        return request("application/json", body);
    }

    private static MockHttpServletRequest request(String contentType, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
