package io.nurture.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.contact.ContactProfile;
import io.nurture.contact.PropertyValues;
import io.nurture.event.EventType;
import io.nurture.event.EventTypes;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.ingestion.EventLimits;
import io.nurture.ingestion.ProfileParser;
import io.nurture.web.InvalidInputException;

/**
 * One Segment message (https://segment.com/docs/connections/spec/) as what Nurture stores: page and screen are page
 * views, identify a profile update (its other traits the contact's custom properties), group the company's traits,
 * track an event by its name, alias a join of two ids. The message's {@code context} is kept on the event under
 * {@code context}.
 */
@Component
class SegmentMessages {

    /** The events only Nurture's own tracking links, mail provider hooks and preference page produce. */
    static final Set<EventType> RESERVED = Set.of(EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED,
            EventType.EMAIL_BOUNCED, EventType.EMAIL_COMPLAINED, EventType.UNSUBSCRIBED, EventType.RESUBSCRIBED,
            EventType.PROFILE_UPDATED, EventType.COMPANY_IDENTIFIED);

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final Map<String, String> UTM = Map.of("source", "utmSource", "medium", "utmMedium", "name",
            "utmCampaign", "term", "utmTerm", "content", "utmContent");

    private final ObjectMapper json;
    private final EventTypes types;

    SegmentMessages(ObjectMapper json, EventTypes types) {
        this.json = json;
        this.types = types;
    }

    /** Where the message came from and when: the source's name, the server's clock, the sender's address. */
    record Receipt(String sourceName, Instant receivedAt, String clientIp, Instant batchSentAt) {
    }

    SegmentCall toCall(CallType call, ObjectNode message, Receipt receipt) {
        Fields fields = Fields.of(message);
        if (call == CallType.ALIAS) {
            return alias(fields);
        }
        String userId = limited(fields, "userId", EventLimits.MAX_USER_ID_LENGTH);
        String anonymousId = limited(fields, "anonymousId", EventLimits.MAX_ANONYMOUS_ID_LENGTH);
        if (userId == null && anonymousId == null) {
            throw new InvalidInputException("A " + call.name().toLowerCase(java.util.Locale.ROOT)
                    + " message needs a userId or an anonymousId");
        }
        Fields context = fields.fields("context");
        Map<String, Object> properties = new LinkedHashMap<>();
        String email = context.fields("traits").text("email");
        ContactProfile profile = ContactProfile.EMPTY;
        PropertyValues custom = PropertyValues.NONE;
        EventType type;
        switch (call) {
        case PAGE, SCREEN -> {
            type = EventType.PAGE_VIEW;
            properties.putAll(pageView(fields, context));
        }
        case IDENTIFY -> {
            type = EventType.PROFILE_UPDATED;
            Fields traits = fields.fields("traits");
            email = traits.has("email") ? traits.text("email") : email;
            Map<String, Object> profileFields = Traits.ofPerson(traits);
            profile = ProfileParser.parse(profileFields);
            properties.putAll(profileFields);
            putObject(properties, "traits", fields);
            custom = PropertyValues.of("traits", Traits.custom(mapOf("traits", fields.object("traits"))));
        }
        case GROUP -> {
            type = EventType.COMPANY_IDENTIFIED;
            String groupId = limited(fields, "groupId", EventLimits.MAX_USER_ID_LENGTH);
            if (groupId == null) {
                throw new InvalidInputException("A group message needs a groupId");
            }
            Map<String, Object> profileFields = Traits.ofCompany(fields.fields("traits"));
            profile = ProfileParser.parse(profileFields);
            properties.put("groupId", groupId);
            properties.putAll(profileFields);
            putObject(properties, "traits", fields);
        }
        default -> {
            type = trackType(fields);
            properties.putAll(mapOf("properties", fields.object("properties")));
        }
        }
        if (email != null && !email.matches(EMAIL)) {
            throw new InvalidInputException((call == CallType.IDENTIFY && fields.fields("traits").has("email")
                    ? "traits.email" : "context.traits.email") + " must be a well-formed e-mail address");
        }
        properties.put("context", contextOf(fields, receipt));
        return new SegmentCall.Ingest(new IncomingEvent(eventId(fields, receipt), type, email, anonymousId, userId,
                null, occurredAt(fields, receipt), profile, properties, custom));
    }

    private SegmentCall alias(Fields fields) {
        String userId = limited(fields, "userId", EventLimits.MAX_USER_ID_LENGTH);
        String previousId = limited(fields, "previousId", EventLimits.MAX_USER_ID_LENGTH);
        if (userId == null || previousId == null) {
            throw new InvalidInputException("An alias message needs a userId and a previousId");
        }
        return new SegmentCall.Alias(userId, previousId);
    }

    private EventType trackType(Fields fields) {
        String event = fields.text("event");
        if (event == null) {
            throw new InvalidInputException("A track message needs an event (its name, e.g. \"Trial Started\")");
        }
        EventType type = types.resolve(event).orElseThrow(() -> new InvalidInputException("event '" + shortened(event)
                + "' is not an event name: letters, digits, spaces or _, starting with a letter, at most "
                + EventType.MAX_LENGTH + " characters once written in lower snake case"));
        if (RESERVED.contains(type)) {
            throw new InvalidInputException("event '" + shortened(event) + "' (" + type
                    + ") is reserved for Nurture's own tracking");
        }
        return type;
    }

    /** The page's path, address, referrer, title and name, from the properties or else the context's page. */
    private Map<String, Object> pageView(Fields fields, Fields context) {
        Map<String, Object> page = new LinkedHashMap<>(mapOf("properties", fields.object("properties")));
        Fields given = fields.fields("properties");
        Fields contextPage = context.fields("page");
        putText(page, "page", given.has("path") ? given.text("path") : contextPage.text("path"));
        page.remove("path");
        for (String name : new String[] { "url", "referrer", "title" }) {
            putText(page, name, given.has(name) ? given.text(name) : contextPage.text(name));
        }
        putText(page, "name", fields.text("name"));
        Fields campaign = context.fields("campaign");
        UTM.forEach((field, property) -> putText(page, property, campaign.text(field)));
        return page;
    }

    private Map<String, Object> contextOf(Fields fields, Receipt receipt) {
        Map<String, Object> context = new LinkedHashMap<>(mapOf("context", fields.object("context")));
        if (!(context.get("ip") instanceof String ip) || ip.isBlank()) {
            context.put("ip", receipt.clientIp());
        }
        return context;
    }

    /**
     * Segment's clock-skew correction: the sender's clock was off by as much as its sentAt is from our now.
     * RudderStack's libraries name the sender's time {@code originalTimestamp}.
     */
    private static Instant occurredAt(Fields fields, Receipt receipt) {
        Instant timestamp = fields.has("timestamp") ? fields.time("timestamp") : fields.time("originalTimestamp");
        Instant sentAt = fields.has("sentAt") ? fields.time("sentAt") : receipt.batchSentAt();
        if (timestamp == null) {
            return receipt.receivedAt();
        }
        Instant corrected = sentAt == null ? timestamp
                : timestamp.plus(Duration.between(sentAt, receipt.receivedAt()));
        Instant latest = receipt.receivedAt().plus(EventLimits.MAX_AHEAD);
        if (corrected.isBefore(EventLimits.EARLIEST) || corrected.isAfter(latest)) {
            throw new InvalidInputException("timestamp, corrected by sentAt for the sender's clock, must be between "
                    + EventLimits.EARLIEST + " and a day from now, was " + corrected);
        }
        return corrected;
    }

    /** One source cannot claim another's ids: its name is part of the key. */
    private static String eventId(Fields fields, Receipt receipt) {
        String prefix = "segment:" + receipt.sourceName() + ":";
        String messageId = limited(fields, "messageId", EventLimits.MAX_EVENT_ID_LENGTH - prefix.length());
        return messageId == null ? null : prefix + messageId;
    }

    private static String limited(Fields fields, String name, int maxLength) {
        String value = fields.id(name);
        if (value != null && value.length() > maxLength) {
            throw new InvalidInputException(name + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    private void putObject(Map<String, Object> properties, String name, Fields fields) {
        Map<String, Object> value = mapOf(name, fields.object(name));
        if (!value.isEmpty()) {
            properties.put(name, value);
        }
    }

    private Map<String, Object> mapOf(String path, ObjectNode object) {
        if (object == null) {
            return Map.of();
        }
        return PropertyKeys.camelCased(path, json.convertValue(object, MAP));
    }

    private static void putText(Map<String, Object> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        } else {
            properties.remove(name);
        }
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
