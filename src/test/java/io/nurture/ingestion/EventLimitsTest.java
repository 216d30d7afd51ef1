package io.nurture.ingestion;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nurture.contact.ContactProfile;
import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.web.InvalidInputException;

/** Each limit holds at its number and refuses one more, naming the property. */
class EventLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void valuesAreCountedNestedOnesAndListItemsIncluded() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < EventLimits.MAX_VALUES - 3; i++) {
            properties.put("p" + i, i);
        }
        properties.put("list", List.of(1, 2)); // the list and its two items
        accepted(properties);

        properties.put("one", "too many");
        refused(properties, "properties must hold at most 500 values");
    }

    @Test
    void fiveLevelsBelowPropertiesAndNoMore() {
        accepted(Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", 1))))));
        refused(Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", Map.of("f", 1)))))),
                "properties.a.b.c.d.e is nested too deeply");
        refused(Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", List.of(1)))))),
                "properties.a.b.c.d.e is nested too deeply");
    }

    @Test
    void propertyNamesAreShortIdentifiers() {
        accepted(Map.of("k".repeat(EventLimits.MAX_KEY_LENGTH), 1, "$current_url", "x", "og:title", "y",
                "utm-source.v2", "z", "_id", 1));
        refused(Map.of("k".repeat(EventLimits.MAX_KEY_LENGTH + 1), 1), "at most 64 characters");
        refused(Map.of("first name", "Ada"), "properties.first name: property names");
        refused(Map.of("", "empty"), "properties.: property names");
        refused(Map.of("9lives", 1), "properties.9lives: property names");
        refused(Map.of("consent", Map.of("e\u0000mail", true)), "property names");
    }

    @Test
    void stringsAreLongerForAddressesThanForText() {
        accepted(Map.of("title", "t".repeat(1_000), "page", "/" + "p".repeat(1_999),
                "url", "u".repeat(2_000), "referrer", "r".repeat(2_000), "cartUrl", "c".repeat(2_000)));
        refused(Map.of("title", "t".repeat(1_001)), "properties.title must be at most 1000 characters");
        for (String url : List.of("page", "url", "referrer", "cartUrl")) {
            refused(Map.of(url, "x".repeat(2_001)), "properties." + url + " must be at most 2000 characters");
        }
        refused(Map.of("products", List.of(Map.of("url", "x".repeat(2_001)))),
                "properties.products[0].url must be at most 2000 characters");
    }

    @Test
    void controlCharactersOnlyAsLineBreaksAndTabs() {
        accepted(Map.of("comment", "line one\r\nline two\tend"));
        refused(Map.of("comment", "nul\u0000"), "properties.comment must not contain control characters");
        refused(Map.of("firstName", "esc\u001b[31m"), "properties.firstName must not contain control characters");
        refused(Map.of("tags", List.of("ok", "bell\u0007")), "properties.tags[1] must not contain control characters");
    }

    @Test
    void listsHoldAHundredItems() {
        accepted(Map.of("tags", Collections.nCopies(100, "t")));
        refused(Map.of("tags", Collections.nCopies(101, "t")), "properties.tags must have at most 100 items");
    }

    @Test
    void numbersFitALongAndADoubleExactly() {
        accepted(Map.of("a", 1_000_000_000_000_000L, "b", -1_000_000_000_000_000L, "c", 49.9, "d", 0, "e",
                Integer.MIN_VALUE, "f", 1e15));
        refused(Map.of("n", 1_000_000_000_000_001L), "properties.n must be a number from -10^15 to 10^15");
        refused(Map.of("n", Long.MIN_VALUE), "properties.n must be a number");
        refused(Map.of("n", 1e16), "properties.n must be a number");
        refused(Map.of("n", Double.POSITIVE_INFINITY), "properties.n must be a number");
        refused(Map.of("n", Double.NaN), "properties.n must be a number");
        refused(Map.of("n", new BigInteger("123456789012345678901234567890")), "properties.n must be a number");
        refused(Map.of("n", new BigDecimal("1.5")), "properties.n must be a number");
    }

    @Test
    void occurredAtFrom2000ToADayAhead() {
        accepted(event(EventLimits.EARLIEST, Map.of()));
        accepted(event(NOW.plus(Duration.ofDays(1)), Map.of()));
        refused(event(EventLimits.EARLIEST.minusSeconds(1), Map.of()), "occurredAt must be between");
        refused(event(NOW.plus(Duration.ofDays(1)).plusSeconds(1), Map.of()), "occurredAt must be between");
        refused(event(Instant.parse("+300000000-01-01T00:00:00Z"), Map.of()), "was +300000000-01-01T00:00:00Z");
    }

    @Test
    void identitiesFitTheirColumnsAndHoldNoControlCharacters() {
        accepted(identities("e".repeat(200), "a@" + "b".repeat(316) + ".c", "x".repeat(100), "c".repeat(36)));
        refused(identities("e".repeat(201), null, null, null), "eventId must be at most 200 characters");
        refused(identities(null, "a@b.c" + "c".repeat(316), null, null), "email must be at most 320");
        refused(identities(null, null, "x".repeat(101), null), "anonymousId must be at most 100");
        refused(identities(null, null, null, "c".repeat(37)), "contactId must be at most 36");
        refused(identities("id\u0000", null, null, null), "eventId must not contain control characters");
        refused(identities(null, "a@b.c\r\nBcc: x@y.z", null, null), "email must not contain control characters");
        refused(identities(null, null, "anon\u007f", null), "anonymousId must not contain control characters");
    }

    private static void accepted(Map<String, Object> properties) {
        accepted(event(NOW, properties));
    }

    private static void accepted(IncomingEvent event) {
        assertThatCode(() -> EventLimits.check(event, NOW)).doesNotThrowAnyException();
    }

    private static void refused(Map<String, Object> properties, String detail) {
        refused(event(NOW, properties), detail);
    }

    private static void refused(IncomingEvent event, String detail) {
        assertThatThrownBy(() -> EventLimits.check(event, NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(detail);
    }

    private static IncomingEvent event(Instant occurredAt, Map<String, Object> properties) {
        return new IncomingEvent(null, EventType.PAGE_VIEW, "ada@example.com", null, null, occurredAt,
                ContactProfile.EMPTY, new LinkedHashMap<>(properties));
    }

    private static IncomingEvent identities(String eventId, String email, String anonymousId, String contactId) {
        return new IncomingEvent(eventId, EventType.PAGE_VIEW, email, anonymousId, contactId, NOW,
                ContactProfile.EMPTY, Map.of());
    }
}
