package io.nurture.segment;

import java.util.ArrayList;
import java.util.List;

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
 * Stores what Segment messages say, each message in a transaction of its own: a batch's good messages are stored
 * even when others are refused, and the answer lists the refused ones. Limits as Segment's.
 */
@Service
class SegmentTracking {

    static final int MAX_MESSAGE_BYTES = 32 * 1024;
    static final int MAX_BATCH_BYTES = 500 * 1024;
    static final int MAX_BATCH_MESSAGES = 2_500;

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
        SegmentCall parsed = messages.toCall(call, message, receipt);
        if (parsed instanceof SegmentCall.Ingest ingest) {
            ingestion.ingest(ingest.event(), "source:" + receipt.sourceName());
        } else if (parsed instanceof SegmentCall.Alias alias) {
            aliases.alias(alias.userId(), alias.previousId());
        }
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
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                storeItem(item, (ObjectNode) batchContext, receipt);
            } catch (InvalidInputException | ProblemException e) {
                JsonNode messageId = item.path("messageId");
                refused.add(new Refused(i, messageId.isTextual() ? messageId.asText() : null, e.getMessage()));
            }
        }
        return refused;
    }

    private void storeItem(JsonNode item, ObjectNode batchContext, Receipt receipt) {
        if (!(item instanceof ObjectNode message)) {
            throw new InvalidInputException("a message must be an object");
        }
        if (json.sizeOf(message) > MAX_MESSAGE_BYTES) {
            throw new InvalidInputException("a message must be at most " + MAX_MESSAGE_BYTES / 1024 + " KB");
        }
        withBatchContext(message, batchContext);
        String type = Fields.of(message).text("type");
        CallType call = CallType.of(type).orElseThrow(() -> new InvalidInputException(
                "type must be one of " + CallType.names() + (type == null ? "" : ", was '" + shortened(type) + "'")));
        store(call, message, receipt);
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
