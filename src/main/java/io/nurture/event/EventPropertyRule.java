package io.nurture.event;

import java.util.Map;

/**
 * A module's own rule for the event properties it takes over (a campaign hands {@code cartUrl} to a process), run with
 * the ingestion's limits before anything is stored; it throws {@link io.nurture.web.InvalidInputException} naming the
 * property.
 */
public interface EventPropertyRule {

    void check(EventType type, Map<String, Object> properties);
}
