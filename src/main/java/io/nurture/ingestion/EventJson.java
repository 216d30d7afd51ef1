package io.nurture.ingestion;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/** How the fields of an event are read: as what they say they are, without Jackson's helpful coercions. */
final class EventJson {

    private EventJson() {
    }

    /**
     * An ISO-8601 date-time with an offset ({@code 2026-11-23T10:00:00Z}, {@code …+01:00}), never a bare number:
     * whether 1700000000 means seconds or milliseconds is a guess.
     */
    static final class Timestamp extends StdScalarDeserializer<Instant> {

        Timestamp() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText().trim();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time");
            }
        }
    }

    /**
     * The free-form properties, read as usual. Only a parser limit (a 450-deep object) is re-thrown from where the
     * parser stopped, so that the answer can name the property ({@code properties.cartUrl.a.a…}), not just
     * {@code properties}.
     */
    static final class Properties extends StdDeserializer<Map<String, Object>> {

        Properties() {
            super(Map.class);
        }

        @Override
        public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return context.readValue(parser, context.getTypeFactory().constructMapType(LinkedHashMap.class,
                        String.class, Object.class));
            } catch (StreamConstraintsException limit) {
                throw new JsonParseException(parser, limit.getOriginalMessage(), limit);
            } catch (JsonMappingException e) {
                if (e.getCause() instanceof StreamConstraintsException limit) {
                    throw new JsonParseException(parser, limit.getOriginalMessage(), limit);
                }
                throw e;
            }
        }
    }
}
