package io.nurture.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The type an event name a sender uses stands for: normalised ({@code Trial Started} → {@code trial_started}), then
 * looked up in the configured aliases ({@code Order Completed} → {@code purchase}). A name that normalises to a
 * built-in type is that type; every other one is a custom type of its own. The aliases are checked at start-up.
 */
@Component
@EnableConfigurationProperties(EventTypeProperties.class)
public class EventTypes {

    private final Map<EventType, EventType> aliases = new HashMap<>();

    EventTypes(EventTypeProperties properties) {
        List<String> problems = new ArrayList<>();
        properties.aliases().forEach((name, target) -> {
            Optional<EventType> from = EventType.fromWireName(name);
            Optional<EventType> to = EventType.normalise(target);
            if (from.isEmpty()) {
                problems.add("nurture.events.aliases: '" + name + "' is not a lower snake case event name");
            } else if (to.isEmpty()) {
                problems.add("nurture.events.aliases." + name + ": '" + target + "' is not an event type");
            } else {
                aliases.put(from.get(), to.get());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    /** The type {@code name} stands for, or empty when it cannot be an event type (see {@link EventType#normalise}). */
    public Optional<EventType> resolve(String name) {
        return EventType.normalise(name).map(type -> aliases.getOrDefault(type, type));
    }
}
