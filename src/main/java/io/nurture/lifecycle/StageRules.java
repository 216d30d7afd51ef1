package io.nurture.lifecycle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.nurture.event.EventType;

/**
 * The configured stage list and event rules ({@link LifecycleProperties}), validated when the application starts:
 * which stage a contact starts in, and which stage an event moves it towards.
 */
@Component
public class StageRules {

    private final Set<LifecycleStage> stages;
    private final LifecycleStage anonymousStage;
    private final LifecycleStage knownStage;
    private final Map<EventType, Target> targets = new EnumMap<>(EventType.class);
    private final LifecycleStage recycleStage;
    private final int recyclePenalty;

    StageRules(LifecycleProperties properties) {
        List<String> problems = new ArrayList<>();
        this.stages = stagesOf(properties.stages(), problems);
        this.anonymousStage = configured("anonymous-stage", properties.anonymousStage(), problems);
        this.knownStage = configured("known-stage", properties.knownStage(), problems);
        for (LifecycleStage required : List.of(LifecycleStage.LEAD, LifecycleStage.MQL)) {
            if (!stages.contains(required)) {
                problems.add("stages must contain " + required + " (the hand-off and the campaigns rely on it)");
            }
        }
        for (int i = 0; i < properties.rules().size(); i++) {
            readRule("rules[" + i + "]", properties.rules().get(i), problems);
        }
        this.recycleStage = configured("recycling.stage", properties.recycling().stage(), problems);
        this.recyclePenalty = properties.recycling().scorePenalty();
        if (recyclePenalty < 0) {
            problems.add("recycling.score-penalty must be zero or positive, was " + recyclePenalty);
        }
        if (!problems.isEmpty()) {
            throw new InvalidLifecycleConfigurationException(String.join("; ", problems));
        }
    }

    /** The stage a brand-new contact starts in. */
    public LifecycleStage initialStage(EventType type, boolean knownByEmail) {
        LifecycleStage floor = knownByEmail ? knownStage : anonymousStage;
        Target target = targets.get(type);
        return target != null && target.from() == null && floor.isBefore(target.to()) ? target.to() : floor;
    }

    /** The stage an event moves an existing contact towards, if any (moves are forward only). */
    public Optional<LifecycleStage> targetFor(EventType type, LifecycleStage current, boolean knownByEmail) {
        Target target = targets.get(type);
        if (target != null && (target.from() == null || current.isAtLeast(target.from()))) {
            return Optional.of(target.to());
        }
        return knownByEmail ? Optional.of(knownStage) : Optional.empty();
    }

    public boolean isConfigured(LifecycleStage stage) {
        return stages.contains(stage);
    }

    public List<LifecycleStage> stages() {
        return List.copyOf(stages);
    }

    LifecycleStage recycleStage() {
        return recycleStage;
    }

    int recyclePenalty() {
        return recyclePenalty;
    }

    private void readRule(String where, LifecycleProperties.Rule rule, List<String> problems) {
        LifecycleStage to = configured(where + ".to", rule.to(), problems);
        LifecycleStage from = rule.from() == null ? null : configured(where + ".from", rule.from(), problems);
        if (to == LifecycleStage.MQL) {
            problems.add(where + ": MQL comes from the decision tables lead-routing and mql-qualification, not from"
                    + " an event rule");
        }
        if (rule.events() == null || rule.events().isEmpty()) {
            problems.add(where + ".events must list at least one event type");
            return;
        }
        for (String name : rule.events()) {
            Optional<EventType> type = EventType.fromWireName(name);
            if (type.isEmpty()) {
                problems.add(where + ".events: unknown event type '" + name + "'; known types: "
                        + EventType.allWireNames());
            } else if (targets.containsKey(type.get())) {
                problems.add(where + ".events: '" + name + "' already has a rule");
            } else if (to != null) {
                targets.put(type.get(), new Target(to, from));
            }
        }
    }

    private static Set<LifecycleStage> stagesOf(List<String> names, List<String> problems) {
        Set<LifecycleStage> result = new LinkedHashSet<>();
        LifecycleStage previous = null;
        for (String name : names) {
            Optional<LifecycleStage> stage = known(name);
            if (stage.isEmpty()) {
                problems.add("stages: unknown stage '" + name + "'; known stages: " + knownNames());
                continue;
            }
            if (!result.add(stage.get())) {
                problems.add("stages: '" + name + "' is listed twice");
            } else if (previous != null && stage.get().isBefore(previous)) {
                problems.add("stages: '" + name + "' must come after '" + previous.name() + "' (funnel order "
                        + knownNames() + ")");
            }
            previous = stage.get();
        }
        return result;
    }

    private LifecycleStage configured(String key, String name, List<String> problems) {
        Optional<LifecycleStage> stage = known(name);
        if (stage.isEmpty() || !stages.contains(stage.get())) {
            problems.add(key + ": '" + name + "' is not one of the configured stages " + stages);
            return null;
        }
        return stage.get();
    }

    private static Optional<LifecycleStage> known(String name) {
        for (LifecycleStage stage : LifecycleStage.values()) {
            if (stage.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    private static String knownNames() {
        return java.util.Arrays.stream(LifecycleStage.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private record Target(LifecycleStage to, LifecycleStage from) {
    }
}
