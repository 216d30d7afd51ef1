package io.nurture.event;

import java.util.Map;

import io.nurture.web.InvalidInputException;

/** Properties that some event types cannot do without, checked before anything is stored. */
final class EventPropertyCheck {

    private EventPropertyCheck() {
    }

    static void check(EventType type, Map<String, Object> properties) {
        if (type == EventType.NPS_SUBMITTED) {
            Object score = properties == null ? null : properties.get("score");
            if (!(score instanceof Integer value) || value < 0 || value > 10) {
                throw new InvalidInputException("nps_submitted needs properties.score, a whole number from 0 to 10");
            }
        }
        Object minutes = properties == null ? null : properties.get("minutes");
        if (minutes != null && (!(minutes instanceof Integer value) || value < 0)) {
            throw new InvalidInputException("properties.minutes must be a non-negative whole number");
        }
        Object page = properties == null ? null : properties.get("page");
        if (page != null && !(page instanceof String)) {
            throw new InvalidInputException("properties.page must be a string (the page path, e.g. /pricing)");
        }
    }
}
