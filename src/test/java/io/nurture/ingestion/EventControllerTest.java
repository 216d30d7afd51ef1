package io.nurture.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventType;
import io.nurture.event.EventTypes;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.security.ApiUsers;
import io.nurture.web.ApiWebTest;

/**
 * {@code POST /api/events} in a web slice: what the controller refuses never reaches the ingestion. The same refusals
 * against the real engine, with the rows they must not write, are {@link MalformedInputIT}'s.
 */
@ApiWebTest(EventController.class)
@Import(EventTypes.class)
class EventControllerTest {

    private static final String EMAIL = "\"email\": \"fuzz@example.com\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    EventIngestionService ingestion;

    @Test
    void anEventIsHandedToTheIngestionAsTheCallerAndAnswered202() throws Exception {
        when(ingestion.ingest(any(), eq("integration")))
                .thenReturn(new IngestionResult("c-1", LifecycleStage.of("LEAD"), 10, false));

        mvc.perform(post("/api/events").with(ApiUsers.user("integration", "integration"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"eventId": " ", "type": "form_submitted", "email": "ada@example.com", "anonymousId": " anon-1 ",
                         "userId": " user-7 ", "occurredAt": "2026-11-23T10:00:00Z",
                         "properties": {"firstName": "Ada", "companySize": 250, "consent": {"email": true}}}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.contactId").value("c-1"))
                .andExpect(jsonPath("$.lifecycleStage").value("LEAD"))
                .andExpect(jsonPath("$.score").value(10))
                .andExpect(jsonPath("$.duplicate").value(false));

        ArgumentCaptor<IncomingEvent> event = ArgumentCaptor.forClass(IncomingEvent.class);
        verify(ingestion).ingest(event.capture(), eq("integration"));
        assertThat(event.getValue().type()).isEqualTo(EventType.FORM_SUBMITTED);
        assertThat(event.getValue().eventId()).isNull();
        assertThat(event.getValue().email()).isEqualTo("ada@example.com");
        assertThat(event.getValue().anonymousId()).isEqualTo("anon-1");
        assertThat(event.getValue().userId()).isEqualTo("user-7");
        assertThat(event.getValue().occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(event.getValue().profile().firstName()).isEqualTo("Ada");
        assertThat(event.getValue().profile().companySize()).isEqualTo(250);
        assertThat(event.getValue().profile().consentEmail()).isTrue();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("invalid JSON", "{\"type\": \"form_submitted\", ", 400, "body ends"),
                Arguments.of("trailing garbage", "{\"type\": \"page_view\", " + EMAIL + "} {}", 400,
                        "Unexpected|trailing"),
                Arguments.of("an array", "[{\"type\": \"page_view\", " + EMAIL + "}]", 400, "must be an object"),
                Arguments.of("duplicate key", "{\"type\": \"page_view\", \"type\": \"purchase\", " + EMAIL + "}", 400,
                        "type: Duplicate field 'type'"),
                Arguments.of("unknown field", "{\"type\": \"page_view\", " + EMAIL + ", \"propertes\": {}}", 400,
                        "Unknown field 'propertes'"),
                Arguments.of("no type", "{" + EMAIL + "}", 400, "type must not be blank"),
                Arguments.of("a type that is no name", "{\"type\": \"--\", " + EMAIL + "}", 400,
                        "type '--' is not an event type"),
                Arguments.of("a type starting with a digit", "{\"type\": \"1st visit\", " + EMAIL + "}", 400,
                        "type '1st visit' is not an event type"),
                Arguments.of("type a number", "{\"type\": 5, " + EMAIL + "}", 400, "type must be a string"),
                Arguments.of("no identity", "{\"type\": \"page_view\"}", 400, "needs an 'email'"),
                Arguments.of("userId a number", "{\"type\": \"page_view\", \"userId\": 42}", 400,
                        "userId must be a string"),
                Arguments.of("userId too long", "{\"type\": \"page_view\", \"userId\": \"" + "u".repeat(201)
                        + "\"}", 400, "userId size must be between 0 and 200"),
                Arguments.of("not an e-mail", "{\"type\": \"form_submitted\", \"email\": \"not-an-email\"}", 400,
                        "email must be a well-formed"),
                Arguments.of("occurredAt not a date", "{\"type\": \"page_view\", " + EMAIL
                        + ", \"occurredAt\": \"yesterday\"}", 400, "occurredAt must be a date-time"),
                Arguments.of("properties a list", "{\"type\": \"page_view\", " + EMAIL
                        + ", \"properties\": [{\"page\": \"/\"}]}", 400, "properties must be an object"),
                Arguments.of("companySize a word", "{\"type\": \"form_submitted\", " + EMAIL
                        + ", \"properties\": {\"companySize\": \"huge\"}}", 400, "properties.companySize"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String name, String body, int status, String detail) throws Exception {
        assertProblem(mvc.perform(post("/api/events").with(ApiUsers.user("integration", "integration"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn(), status, detail);
        verifyNoInteractions(ingestion);
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        assertProblem(mvc.perform(post("/api/events").with(ApiUsers.user("integration", "integration"))
                .contentType(MediaType.TEXT_PLAIN).content("{\"type\": \"page_view\", " + EMAIL + "}")).andReturn(),
                415, "text/plain");
        verifyNoInteractions(ingestion);
    }

    @Test
    void aGroupWithoutTheRuleIs403() throws Exception {
        assertProblem(mvc.perform(post("/api/events").with(ApiUsers.user("sdr", "sdr"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"page_view\", " + EMAIL + "}"))
                .andReturn(), 403, "is for the groups");
        verifyNoInteractions(ingestion);
    }

    private void assertProblem(MvcResult result, int status, String detailPattern) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText())
                .containsPattern(Pattern.compile(detailPattern, Pattern.CASE_INSENSITIVE | Pattern.DOTALL))
                .doesNotContain("java.", "io.nurture", "Exception", "`");
    }
}
