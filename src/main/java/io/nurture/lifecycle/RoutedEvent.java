package io.nurture.lifecycle;

import io.nurture.event.EventType;

/** An event as the stage rules see it: its type, the source it names (or null) and the routing of that source. */
public record RoutedEvent(EventType type, String source, LeadRouting routing, String actor) {

    String reason() {
        return "event " + type.wireName();
    }
}
