package io.nurture.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An unreadable body is described by its field and what it must be, with the application's parser limits. */
class JsonProblemsTest {

    record Body(String name, Instant at, Long count, Boolean flag, List<Integer> items,
            Map<String, Object> properties) {
    }

    @RefuseUnknownFields
    record Strict(String name, Map<String, Object> properties) {
    }

    private final ObjectMapper json = applicationMapper();

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhatItMustBe() {
        assertThat(problemOf("{\"name\": {\"first\": \"Ada\"}}")).isEqualTo("name must be a string");
        assertThat(problemOf("{\"at\": true}")).isEqualTo("at must be a date-time like 2026-11-23T10:00:00Z");
        assertThat(problemOf("{\"count\": \"many\"}")).isEqualTo("count must be a number");
        assertThat(problemOf("{\"flag\": [true]}")).isEqualTo("flag must be true or false");
        assertThat(problemOf("{\"items\": [1, {}]}")).isEqualTo("items[1] must be a number");
        assertThat(problemOf("{\"items\": {}}")).isEqualTo("items must be a list");
        assertThat(problemOf("{\"properties\": [1]}")).isEqualTo("properties must be an object");
        assertThat(problemOf("[]")).isEqualTo("the body must be an object");
    }

    @Test
    void anUnknownFieldIsNamedWhereTheBodyAsksForIt() throws Exception {
        assertThat(problemOf(Strict.class, "{\"name\": \"Ada\", \"nmae\": \"Ada\"}"))
                .isEqualTo("unknown field 'nmae'; the fields are name, properties");
        assertThat(problemOf(Strict.class, "{\"properties\": {\"free\": 1}, \"zz\": 1, \"yy\": 2}"))
                .startsWith("unknown field 'zz'");
        assertThat(json.readValue("{\"name\": \"Ada\", \"nmae\": \"Ada\"}", Body.class).name())
                .as("elsewhere Spring Boot's default stays").isEqualTo("Ada");
    }

    @Test
    void brokenJsonSaysWhatIsBrokenWithoutParserInternals() {
        assertThat(problemOf("{\"name\": \"Ada\", ")).isEqualTo("the body ends before its JSON does");
        assertThat(problemOf("{\"name\": \"Ada\"} {}")).isEqualTo("there is trailing content after the JSON value");
        assertThat(problemOf("  ")).isEqualTo("the request body is missing or empty");
        assertThat(problemOf("{\"name\": \"Ada\", \"name\": \"Bob\"}")).isEqualTo("name: Duplicate field 'name'");
        assertThat(problemOf("{\"properties\": {\"n\": NaN}}")).isEqualTo("properties.n: Non-standard token 'NaN'");
        assertThat(problemOf("name=Ada")).startsWith("Unrecognized token 'name'");
    }

    @Test
    void theParserLimitsHoldForEveryBody() {
        assertThat(problemOf("{\"properties\": {\"n\": " + "9".repeat(101) + "}}"))
                .endsWith("Number value length (101) exceeds the maximum allowed (100)");
        assertThat(problemOf("{\"name\": \"" + "x".repeat(100_001) + "\"}"))
                .endsWith("String value length (100001) exceeds the maximum allowed (100000)");
        assertThat(problemOf("{\"properties\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(41)))
                .endsWith("Document nesting depth (33) exceeds the maximum allowed (32)");
        assertThat(problemOf("{\"" + "k".repeat(1_001) + "\": 1}"))
                .endsWith("Name length (1001) exceeds the maximum allowed (1000)");
    }

    private String problemOf(String body) {
        return problemOf(Body.class, body);
    }

    private String problemOf(Class<?> type, String body) {
        try {
            json.readValue(body, type);
        } catch (Exception e) {
            String problem = JsonProblems.describe(new HttpMessageNotReadableException("unreadable", e, null));
            assertThat(problem).doesNotContain("java.", "io.nurture", "`", "Source", "Exception");
            return problem;
        }
        return fail("accepted: " + body);
    }

    private static ObjectMapper applicationMapper() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new JsonReadLimits().jsonReadLimitsCustomizer().customize(builder);
        return builder.build();
    }
}
