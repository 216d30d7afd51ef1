package io.nurture.ingestion;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.nurture.event.EventPropertyRule;
import io.nurture.event.EventType;
import io.nurture.web.InvalidInputException;

/**
 * The properties Nurture itself reads, checked for what they must be before anything is stored: the ones that reach a
 * decision table (page, minutes) or a process variable (score, comment), and the ones the contact keeps (timeZone,
 * dates). Modules that take over more add an {@link EventPropertyRule}.
 */
final class EventPropertyCheck {

    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    static final int MAX_TIME_ZONE_LENGTH = 64;
    static final int MAX_DELIVERY_ID_LENGTH = 36;

    private EventPropertyCheck() {
    }

    static void check(EventType type, Map<String, Object> properties) {
        Map<String, Object> given = properties == null ? Map.of() : properties;
        if (EventType.NPS_SUBMITTED.equals(type)) {
            if (!(given.get("score") instanceof Integer value) || value < 0 || value > 10) {
                throw new InvalidInputException("nps_submitted needs properties.score, a whole number from 0 to 10");
            }
        }
        Object minutes = given.get("minutes");
        if (minutes != null && (!(minutes instanceof Integer value) || value < 0)) {
            throw new InvalidInputException("properties.minutes must be a non-negative whole number");
        }
        if (given.get("page") != null && !(given.get("page") instanceof String)) {
            throw new InvalidInputException("properties.page must be a string (the page path, e.g. /pricing)");
        }
        for (String name : new String[] { "url", "referrer", "comment", "bounceType" }) {
            if (given.get(name) != null && !(given.get(name) instanceof String)) {
                throw new InvalidInputException("properties." + name + " must be a string");
            }
        }
        text(given, "timeZone", MAX_TIME_ZONE_LENGTH, "an IANA time zone like Europe/Berlin");
        text(given, "deliveryId", MAX_DELIVERY_ID_LENGTH, "the id of the send it came from");
        if (given.get("dates") != null) {
            dates(given.get("dates"));
        }
    }

    private static void text(Map<String, Object> properties, String name, int maxLength, String what) {
        Object value = properties.get(name);
        if (value != null && (!(value instanceof String text) || text.length() > maxLength)) {
            throw new InvalidInputException("properties." + name + " must be " + what + " (a string of at most "
                    + maxLength + " characters)");
        }
    }

    private static void dates(Object dates) {
        if (!(dates instanceof Map<?, ?> map)) {
            throw new InvalidInputException("properties.dates must be an object like {\"birthday\": \"1990-05-17\"}");
        }
        map.forEach((name, value) -> {
            LocalDate date = null;
            if (value instanceof String text) {
                try {
                    date = LocalDate.parse(text);
                } catch (DateTimeParseException notADate) {
                    // answered below
                }
            }
            if (date == null || date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                throw new InvalidInputException("properties.dates." + name + " must be a date like 1990-05-17 from "
                        + EARLIEST_DATE + " to " + LATEST_DATE);
            }
        });
    }
}
