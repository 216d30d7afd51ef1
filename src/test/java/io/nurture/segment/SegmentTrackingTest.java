package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.contact.ContactAliases;
import io.nurture.event.EventType;
import io.nurture.event.EventTypes;
import io.nurture.ingestion.EventIngestionService;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.segment.SegmentMessages.Receipt;
import io.nurture.web.InvalidInputException;

/** How a batch is cut into transactions, and what happens when one of them fails. */
class SegmentTrackingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Receipt RECEIPT = new Receipt("website", Instant.now(), "203.0.113.9", null);

    private final EventIngestionService ingestion = mock(EventIngestionService.class);
    private final ContactAliases aliases = mock(ContactAliases.class);
    private final SegmentTracking tracking = new SegmentTracking(new SegmentMessages(JSON, types()),
            new SegmentJson(JSON), ingestion, aliases);

    private static EventTypes types() {
        EventTypes types = mock(EventTypes.class);
        when(types.resolve(anyString())).thenAnswer(call -> EventType.normalise(call.getArgument(0)));
        return types;
    }

    @Test
    void aBatchsEventsAreStoredAHundredToATransactionInTheirOrder() throws Exception {
        List<String> refused = refusedOf(tracking.storeBatch(pages(250), null, RECEIPT));

        assertThat(refused).isEmpty();
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<IncomingEvent>> groups = ArgumentCaptor.forClass(List.class);
        verify(ingestion, times(3)).ingestTogether(groups.capture(), any());
        assertThat(groups.getAllValues()).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(groups.getAllValues().stream().flatMap(List::stream).map(IncomingEvent::eventId))
                .containsExactlyElementsOf(IntStream.range(0, 250).mapToObj(i -> "segment:website:m" + i).toList());
        verify(ingestion, never()).ingest(any(), any());
    }

    @Test
    void whenAGroupFailsEachOfItsMessagesIsStoredOnItsOwnAndOnlyTheBadOneIsRefused() throws Exception {
        doThrow(new IllegalStateException("a campaign job moved the same instance")).when(ingestion)
                .ingestTogether(anyList(), any());
        doThrow(new InvalidInputException("refused on its own")).when(ingestion)
                .ingest(argThat(event -> event != null && "segment:website:m2".equals(event.eventId())), any());

        List<String> refused = refusedOf(tracking.storeBatch(pages(4), null, RECEIPT));

        assertThat(refused).containsExactly("2 m2: refused on its own");
        verify(ingestion, times(4)).ingest(any(), any());
    }

    @Test
    void messagesRefusedByTheChecksNeverReachAGroupAndAnAliasSplitsTheGroups() throws Exception {
        doThrow(new InvalidInputException("too old")).when(ingestion)
                .check(argThat(event -> event != null && "segment:website:m1".equals(event.eventId())));
        JsonNode batch = JSON.readTree("""
                [{"type": "page", "messageId": "m0", "anonymousId": "a"},
                 {"type": "page", "messageId": "m1", "anonymousId": "a"},
                 {"type": "pages", "messageId": "m2", "anonymousId": "a"},
                 {"type": "alias", "messageId": "m3", "previousId": "a", "userId": "u"},
                 {"type": "page", "messageId": "m4", "userId": "u"}]""");

        List<String> refused = refusedOf(tracking.storeBatch(batch, null, RECEIPT));

        assertThat(refused).hasSize(2);
        assertThat(refused.get(0)).isEqualTo("1 m1: too old");
        assertThat(refused.get(1)).startsWith("2 m2: type must be one of");
        InOrder order = inOrder(ingestion, aliases);
        order.verify(ingestion).ingestTogether(argThat(group -> eventIds(group).equals("segment:website:m0")),
                any());
        order.verify(aliases).alias("u", "a");
        order.verify(ingestion).ingestTogether(argThat(group -> eventIds(group).equals("segment:website:m4")),
                any());
    }

    private static String eventIds(List<IncomingEvent> group) {
        return group == null ? "" : group.stream().map(IncomingEvent::eventId).collect(Collectors.joining(","));
    }

    private static JsonNode pages(int count) throws Exception {
        return JSON.readTree(IntStream.range(0, count).mapToObj("""
                {"type": "page", "messageId": "m%d", "anonymousId": "visitor"}"""::formatted)
                .collect(Collectors.joining(",", "[", "]")));
    }

    private static List<String> refusedOf(List<SegmentTracking.Refused> refused) {
        return refused.stream().map(r -> r.index() + " " + r.messageId() + ": " + r.detail()).toList();
    }
}
