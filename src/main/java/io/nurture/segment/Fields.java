package io.nurture.segment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.web.InvalidInputException;

/**
 * Reads the fields of one object of a Segment message as what they must be, naming the field by its path in the
 * message ({@code traits.company.name}) when it is not. Absent and JSON null are both "not given".
 */
final class Fields {

    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final ObjectNode node;
    private final String path;

    private Fields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Fields of(ObjectNode message) {
        return new Fields(message, "");
    }

    /** An object that was not given. */
    static Fields none() {
        return new Fields(EMPTY, "");
    }

    String pathOf(String name) {
        return path + name;
    }

    boolean has(String name) {
        return given(name) != null;
    }

    /** A string, trimmed; blank is not given. */
    String text(String name) {
        JsonNode value = given(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(pathOf(name) + " must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** An id: a string, or a whole number as Segment's libraries also accept. */
    String id(String name) {
        JsonNode value = given(name);
        if (value != null && value.isIntegralNumber()) {
            return value.asText();
        }
        if (value != null && !value.isTextual()) {
            throw new InvalidInputException(pathOf(name) + " must be a string");
        }
        return text(name);
    }

    /** A whole number ≥ 0, also written as digits in a string ("250"). */
    Long wholeNumber(String name) {
        JsonNode value = given(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual() && value.asText().trim().matches("[0-9]{1,15}")) {
            return Long.parseLong(value.asText().trim());
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return value.asLong();
        }
        if (value.isFloatingPointNumber() && value.asDouble() >= 0 && value.asDouble() < 1e15) {
            return Math.round(value.asDouble());
        }
        throw new InvalidInputException(pathOf(name) + " must be a non-negative number");
    }

    Boolean flag(String name) {
        JsonNode value = given(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(pathOf(name) + " must be true or false");
        }
        return value.asBoolean();
    }

    /** An ISO-8601 date-time with an offset, as Segment's libraries send it ({@code 2026-11-23T10:00:00.000Z}). */
    Instant time(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(pathOf(name) + " must be an ISO-8601 date-time like "
                    + "2026-11-23T10:00:00.000Z, was '" + text + "'");
        }
    }

    /** The object under {@code name}, or null when not given. */
    ObjectNode object(String name) {
        JsonNode value = given(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidInputException(pathOf(name) + " must be an object");
        }
        return (ObjectNode) value;
    }

    /** The fields of the object under {@code name}; none when it is not given. */
    Fields fields(String name) {
        ObjectNode object = object(name);
        return new Fields(object == null ? EMPTY : object, pathOf(name) + ".");
    }

    JsonNode raw(String name) {
        return given(name);
    }

    private JsonNode given(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
