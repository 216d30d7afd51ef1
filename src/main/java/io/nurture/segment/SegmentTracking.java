package io.nurture.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.contact.ContactAliases;
import io.nurture.ingestion.EventIngestionService;
import io.nurture.segment.SegmentMessages.Receipt;
import io.nurture.web.InvalidInputException;
import io.nurture.web.ProblemException;

/**
 * Stores what Segment messages say. A batch's events are stored up to {@link #MAX_EVENTS_PER_TRANSACTION} in a
 * transaction; when one of them fails, that group is stored again message by message, so a batch's good messages
 * are stored even when others are refused, and the answer lists the refused ones. Limits as Segment's.
 */
@Service
class SegmentTracking {

    static final int MAX_MESSAGE_BYTES = 32 * 1024;
    static final int MAX_BATCH_BYTES = 500 * 1024;
    static final int MAX_BATCH_MESSAGES = 2_500;
    /** Bounds how long one batch holds its contacts' locks. */
    static final int MAX_EVENTS_PER_TRANSACTION = 100;

    private static final Logger log = LoggerFactory.getLogger(SegmentTracking.class);

    private final SegmentMessages messages;
    private final SegmentJson json;
    private final EventIngestionService ingestion;
    private final ContactAliases aliases;

    SegmentTracking(SegmentMessages messages, SegmentJson json, EventIngestionService ingestion,
            ContactAliases aliases) {
        this.messages = messages;
        this.json = json;
        this.ingestion = ingestion;
        this.aliases = aliases;
    }

    /** A message refused from a batch, by its place in the batch. */
    record Refused(int index, String messageId, String detail) {
    }

    void store(CallType call, ObjectNode message, Receipt receipt) {
        execute(messages.toCall(call, message, receipt), receipt);
    }

    private void execute(SegmentCall call, Receipt receipt) {
        if (call instanceof SegmentCall.Ingest ingest) {
            ingestion.ingest(ingest.event(), actor(receipt));
        } else if (call instanceof SegmentCall.Alias alias) {
            aliases.alias(alias.userId(), alias.previousId());
        }
    }

    private static String actor(Receipt receipt) {
        return "source:" + receipt.sourceName();
    }

    /** A batch's message that passed its checks, by its place in the batch. */
    private record Accepted(int index, String messageId, SegmentCall call) {
    }

    /** {@code batchContext}: the batch's own {@code context}, which its messages share where they say nothing else. */
    List<Refused> storeBatch(JsonNode batch, JsonNode batchContext, Receipt receipt) {
        if (batchContext != null && !batchContext.isNull() && !(batchContext instanceof ObjectNode)) {
            throw new InvalidInputException("context must be an object");
        }
        if (!(batch instanceof ArrayNode items)) {
            throw new InvalidInputException("batch must be a list of messages");
        }
        if (items.size() > MAX_BATCH_MESSAGES) {
            throw new InvalidInputException("batch must hold at most " + MAX_BATCH_MESSAGES + " messages, held "
                    + items.size());
        }
        List<Refused> refused = new ArrayList<>();
        List<Accepted> group = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String messageId = item.path("messageId").isTextual() ? item.path("messageId").asText() : null;
            Accepted accepted;
            try {
                accepted = new Accepted(i, messageId, checked(item, (ObjectNode) batchContext, receipt));
            } catch (InvalidInputException | ProblemException e) {
                refused.add(new Refused(i, messageId, e.getMessage()));
                continue;
            }
            if (accepted.call() instanceof SegmentCall.Ingest) {
                group.add(accepted);
                if (group.size() == MAX_EVENTS_PER_TRANSACTION) {
                    storeTogether(group, receipt, refused);
                }
            } else { // an alias joins two people: the events after it see them as one
                storeTogether(group, receipt, refused);
                storeAlone(accepted, receipt, refused);
            }
        }
        storeTogether(group, receipt, refused);
        refused.sort(Comparator.comparingInt(Refused::index));
        return refused;
    }

    private void storeTogether(List<Accepted> group, Receipt receipt, List<Refused> refused) {
        if (group.isEmpty()) {
            return;
        }
        try {
            ingestion.ingestTogether(group.stream().map(accepted -> ((SegmentCall.Ingest) accepted.call()).event())
                    .toList(), actor(receipt));
        } catch (RuntimeException failure) {
            log.debug("Storing {} batch messages one by one: {}", group.size(), failure.toString());
            group.forEach(accepted -> storeAlone(accepted, receipt, refused));
        }
        group.clear();
    }

    private void storeAlone(Accepted accepted, Receipt receipt, List<Refused> refused) {
        try {
            execute(accepted.call(), receipt);
        } catch (InvalidInputException | ProblemException e) {
            refused.add(new Refused(accepted.index(), accepted.messageId(), e.getMessage()));
        }
    }

    /**
     * The message's call, held to the same checks as a single call; what fails them is refused before anything is
     * stored.
     */
    private SegmentCall checked(JsonNode item, ObjectNode batchContext, Receipt receipt) {
        if (!(item instanceof ObjectNode message)) {
            throw new InvalidInputException("a message must be an object");
        }
        if (json.sizeOf(message) > MAX_MESSAGE_BYTES) {
            throw new InvalidInputException("a message must be at most " + MAX_MESSAGE_BYTES / 1024 + " KB");
        }
        withBatchContext(message, batchContext);
        String typeName = Fields.of(message).text("type");
        CallType type = CallType.of(typeName).orElseThrow(() -> new InvalidInputException("type must be one of "
                + CallType.names() + (typeName == null ? "" : ", was '" + shortened(typeName) + "'")));
        SegmentCall call = messages.toCall(type, message, receipt);
        if (call instanceof SegmentCall.Ingest ingest) {
            ingestion.check(ingest.event());
        }
        return call;
    }

    /** The batch's context fields the message does not set itself; a message's context that is no object is its own. */
    private static void withBatchContext(ObjectNode message, ObjectNode batchContext) {
        if (batchContext == null || batchContext.isEmpty()) {
            return;
        }
        JsonNode own = message.get("context");
        if (own == null || own.isNull()) {
            message.set("context", batchContext.deepCopy());
        } else if (own instanceof ObjectNode context) {
            batchContext.properties().forEach(field -> {
                if (!context.has(field.getKey())) {
                    context.set(field.getKey(), field.getValue().deepCopy());
                }
            });
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
