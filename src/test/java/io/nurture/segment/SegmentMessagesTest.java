package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.event.EventType;
import io.nurture.event.EventTypes;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.segment.SegmentMessages.Receipt;
import io.nurture.web.InvalidInputException;

class SegmentMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Receipt RECEIPT = new Receipt("website", NOW, "203.0.113.9", null);

    private final SegmentMessages messages = new SegmentMessages(JSON, typesWithTheDefaultAlias());

    /** The event module's lookup, with its alias of Segment's "Order Completed". */
    private static EventTypes typesWithTheDefaultAlias() {
        EventTypes types = mock(EventTypes.class);
        when(types.resolve(anyString())).thenAnswer(call -> EventType.normalise(call.getArgument(0))
                .map(type -> type.wireName().equals("order_completed") ? EventType.PURCHASE : type));
        return types;
    }

    @Test
    void aPageIsAPageViewWithItsAddressesAndTheCampaign() {
        IncomingEvent event = ingest(CallType.PAGE, """
                {"messageId": "m-1", "anonymousId": "a-1", "name": "Pricing",
                 "context": {"page": {"path": "/pricing", "url": "https://shop.test/pricing", "title": "Pricing"},
                             "campaign": {"source": "google", "term": "crm"}}}""");

        assertThat(event.type()).isEqualTo(EventType.PAGE_VIEW);
        assertThat(event.eventId()).isEqualTo("segment:website:m-1");
        assertThat(event.anonymousId()).isEqualTo("a-1");
        assertThat(event.properties()).containsEntry("page", "/pricing")
                .containsEntry("url", "https://shop.test/pricing").containsEntry("title", "Pricing")
                .containsEntry("name", "Pricing").containsEntry("utmSource", "google").containsEntry("utmTerm", "crm");
        assertThat(event.properties().get("context")).isEqualTo(Map.of("page", Map.of("path", "/pricing",
                "url", "https://shop.test/pricing", "title", "Pricing"), "campaign", Map.of("source", "google",
                "term", "crm"), "ip", "203.0.113.9"));
    }

    @Test
    void anIdentifysOtherScalarTraitsAreCustomPropertiesAndItsReservedOnesObjectsAndListsAreNot() {
        IncomingEvent event = ingest(CallType.IDENTIFY, """
                {"userId": "u-1", "traits": {"email": "ada@example.com", "firstName": "Ada", "name": "Ada L",
                 "createdAt": "2026-01-01T00:00:00Z", "website": "https://ada.test", "address": {"city": "London"},
                 "Plan Name": "pro", "seats": 12, "beta": false, "churnedAt": null, "tags": ["a"],
                 "preferences": {"mail": "weekly"}}}""");

        assertThat(event.contactProperties().path()).isEqualTo("traits");
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("planName", "pro");
        expected.put("seats", 12.0);
        expected.put("beta", false);
        expected.put("churnedAt", null);
        assertThat(event.contactProperties().values()).containsExactlyEntriesOf(expected);
        assertThat(ingest(CallType.TRACK, """
                {"userId": "u-1", "event": "Trial Started", "properties": {"plan": "pro"}}""").contactProperties()
                .isEmpty()).as("only identify sets custom properties").isTrue();
        assertThat(ingest(CallType.GROUP, """
                {"userId": "u-1", "groupId": "g-1", "traits": {"name": "Acme", "seats": 3}}""").contactProperties()
                .isEmpty()).as("a group's traits are the company's").isTrue();
    }

    @Test
    void anIdentifyReadsSegmentsTraitsIntoTheProfile() {
        IncomingEvent event = ingest(CallType.IDENTIFY, """
                {"userId": 42, "traits": {"email": "ada@example.com", "firstName": "Ada", "last_name": "Lovelace",
                 "company": "Analytical", "industry": "software", "employees": "250",
                 "address": {"country": "Germany"}, "consent": {"sms": false}}}""");

        assertThat(event.type()).isEqualTo(EventType.PROFILE_UPDATED);
        assertThat(event.userId()).isEqualTo("42");
        assertThat(event.email()).isEqualTo("ada@example.com");
        assertThat(event.profile().firstName()).isEqualTo("Ada");
        assertThat(event.profile().lastName()).isEqualTo("Lovelace");
        assertThat(event.profile().company()).isEqualTo("Analytical");
        assertThat(event.profile().companySize()).isEqualTo(250);
        assertThat(event.profile().country()).as("not an ISO code").isNull();
        assertThat(event.profile().consentSms()).isFalse();
        assertThat(event.profile().consentEmail()).isNull();
    }

    @Test
    void aGroupsTraitsAreTheCompanysProfile() {
        IncomingEvent event = ingest(CallType.GROUP, """
                {"anonymousId": "a-1", "groupId": "g-1", "traits": {"name": "Acme", "employees": 80,
                 "revenue": 1200000.0, "country": "de", "plan": "team"}}""");

        assertThat(event.type()).isEqualTo(EventType.COMPANY_IDENTIFIED);
        assertThat(event.profile().company()).isEqualTo("Acme");
        assertThat(event.profile().companySize()).isEqualTo(80);
        assertThat(event.profile().revenue()).isEqualTo(1_200_000L);
        assertThat(event.profile().country()).isEqualTo("DE");
        assertThat(event.properties()).containsEntry("groupId", "g-1").containsEntry("plan", "team");
    }

    @Test
    void trackNamesAreResolvedAndTheContextsEmailIdentifies() {
        IncomingEvent event = ingest(CallType.TRACK, """
                {"anonymousId": "a-1", "event": "Order Completed", "properties": {"Order Id": "o-1"},
                 "context": {"traits": {"email": "ada@example.com"}}}""");

        assertThat(event.type()).isEqualTo(EventType.PURCHASE);
        assertThat(event.email()).isEqualTo("ada@example.com");
        assertThat(event.properties()).containsEntry("orderId", "o-1");
        assertThat(ingest(CallType.TRACK, "{\"anonymousId\": \"a\", \"event\": \"Trial Started\"}").type())
                .isEqualTo(EventType.fromWireName("trial_started").orElseThrow());
    }

    @Test
    void theTimestampIsCorrectedByTheSendersClock() {
        Instant corrected = ingest(CallType.PAGE, """
                {"anonymousId": "a", "timestamp": "2026-11-23T11:55:00.000Z", "sentAt": "2026-11-23T12:00:00Z"}""")
                .occurredAt();
        Instant uncorrected = ingest(CallType.PAGE, """
                {"anonymousId": "a", "timestamp": "2026-11-23T09:55:00Z"}""").occurredAt();

        assertThat(corrected).isEqualTo(Instant.parse("2026-11-23T09:55:00Z"));
        assertThat(uncorrected).isEqualTo(Instant.parse("2026-11-23T09:55:00Z"));
        Instant rudderStacks = ingest(CallType.PAGE, """
                {"anonymousId": "a", "originalTimestamp": "2026-11-23T11:55:00Z", "sentAt": "2026-11-23T12:00:00Z"}""")
                .occurredAt();

        assertThat(rudderStacks).isEqualTo(Instant.parse("2026-11-23T09:55:00Z"));
        assertThat(ingest(CallType.PAGE, "{\"anonymousId\": \"a\"}").occurredAt()).isEqualTo(NOW);
    }

    @Test
    void anAliasNeedsBothIds() {
        assertThat(messages.toCall(CallType.ALIAS, json("{\"userId\": \"u\", \"previousId\": \"p\"}"), RECEIPT))
                .isEqualTo(new SegmentCall.Alias("u", "p"));
        assertThatThrownBy(() -> messages.toCall(CallType.ALIAS, json("{\"userId\": \"u\"}"), RECEIPT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("previousId");
    }

    @Test
    void refusalsNameTheField() {
        assertRefused(CallType.TRACK, "{\"event\": \"X\"}", "needs a userId or an anonymousId");
        assertRefused(CallType.TRACK, "{\"anonymousId\": \"a\", \"event\": \"Unsubscribed\"}",
                "reserved for Nurture's own tracking");
        assertRefused(CallType.TRACK, "{\"anonymousId\": \"a\"}", "needs an event");
        assertRefused(CallType.IDENTIFY, "{\"userId\": \"u\", \"traits\": {\"company\": {\"name\": 7}}}",
                "traits.company.name must be a string");
        assertRefused(CallType.IDENTIFY, "{\"userId\": \"u\", \"traits\": {\"consent\": {\"email\": \"yes\"}}}",
                "traits.consent.email must be true or false");
        assertRefused(CallType.PAGE, "{\"anonymousId\": \"a\", \"properties\": {\"url\": 5}}",
                "properties.url must be a string");
        assertRefused(CallType.PAGE, "{\"anonymousId\": \"a\", \"timestamp\": \"1999-12-31T00:00:00Z\"}",
                "timestamp, corrected by sentAt");
        assertRefused(CallType.PAGE, "{\"anonymousId\": \"" + "a".repeat(101) + "\"}",
                "anonymousId must be at most 100");
    }

    private void assertRefused(CallType call, String message, String detail) {
        assertThatThrownBy(() -> messages.toCall(call, json(message), RECEIPT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(detail);
    }

    private IncomingEvent ingest(CallType call, String message) {
        return ((SegmentCall.Ingest) messages.toCall(call, json(message), RECEIPT)).event();
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
