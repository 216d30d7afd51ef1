package io.nurture.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventType;

/**
 * The configured event rules and recycling ({@link LifecycleProperties}), validated when the application starts
 * against the {@link Funnel}: which stage a contact starts in, and which stage an event moves it towards.
 */
@Component
public class StageRules {

    private final Funnel funnel;
    private final Map<EventType, Target> targets = new HashMap<>();
    private final LifecycleStage recycleStage;
    private final int recyclePenalty;

    StageRules(LifecycleProperties properties, Funnel funnel) {
        this.funnel = funnel;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < properties.rules().size(); i++) {
            readRule("rules[" + i + "]", properties.rules().get(i), problems);
        }
        String recycling = properties.recycling().stage();
        this.recycleStage = recycling == null ? funnel.require(StageRole.KNOWN)
                : configured("recycling.stage", recycling, problems);
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
        LifecycleStage floor = funnel.require(knownByEmail ? StageRole.KNOWN : StageRole.ANONYMOUS);
        Target target = targets.get(type);
        return target != null && target.from() == null && funnel.isBefore(floor, target.to()) ? target.to() : floor;
    }

    /** The stage an event moves an existing contact towards, if any (moves are forward only). */
    public Optional<LifecycleStage> targetFor(EventType type, LifecycleStage current, boolean knownByEmail) {
        Target target = targets.get(type);
        if (target != null && (target.from() == null || funnel.isAtLeast(current, target.from()))) {
            return Optional.of(target.to());
        }
        return knownByEmail ? Optional.of(funnel.require(StageRole.KNOWN)) : Optional.empty();
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
        if (to != null && funnel.plays(to, StageRole.QUALIFIED)) {
            problems.add(where + ": " + to + " (the qualified stage) comes from the decision tables lead-routing and"
                    + " mql-qualification, not from an event rule");
        }
        if (rule.events() == null || rule.events().isEmpty()) {
            problems.add(where + ".events must list at least one event type");
            return;
        }
        for (String name : rule.events()) {
            Optional<EventType> type = EventType.fromWireName(name);
            if (type.isEmpty()) {
                problems.add(where + ".events: '" + name + "' is not an event type in lower snake case (e.g. "
                        + "trial_started; built in: " + EventType.allWireNames() + ")");
            } else if (targets.containsKey(type.get())) {
                problems.add(where + ".events: '" + name + "' already has a rule");
            } else if (to != null) {
                targets.put(type.get(), new Target(to, from));
            }
        }
    }

    private LifecycleStage configured(String key, String name, List<String> problems) {
        if (name == null || !LifecycleStage.isValidName(name) || !funnel.isConfigured(LifecycleStage.of(name))) {
            problems.add(key + ": '" + name + "' is not one of the configured stages " + funnel.stages());
            return null;
        }
        return LifecycleStage.of(name);
    }

    private record Target(LifecycleStage to, LifecycleStage from) {
    }
}
