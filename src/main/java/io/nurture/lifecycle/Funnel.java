package io.nurture.lifecycle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.nurture.contact.LifecycleStage;

/**
 * The configured stages in funnel order ({@code nurture.lifecycle.stages}) and the stage that plays each
 * {@link StageRole} ({@code nurture.lifecycle.roles.*}), checked when the application starts. Every "is this stage
 * before that one" goes through here. In BPMN, {@code ${funnel.stageFor('sales-accepted')}} names the stage of a role.
 */
@Component("funnel")
public class Funnel {

    private final List<LifecycleStage> stages;
    private final Map<LifecycleStage, Integer> ranks = new HashMap<>();
    private final Map<StageRole, LifecycleStage> roles = new EnumMap<>(StageRole.class);

    Funnel(LifecycleProperties properties) {
        List<String> problems = new ArrayList<>();
        this.stages = stagesOf(properties.stages(), problems);
        for (int i = 0; i < stages.size(); i++) {
            ranks.put(stages.get(i), i);
        }
        for (StageRole role : StageRole.values()) {
            readRole(role, properties, problems);
        }
        checkRoleOrder(problems);
        if (roles.containsKey(StageRole.OPPORTUNITY) && !roles.containsKey(StageRole.CUSTOMER)) {
            problems.add("roles.customer: an opportunity stage needs a customer stage for won deals");
        }
        if (!problems.isEmpty()) {
            throw new InvalidLifecycleConfigurationException(String.join("; ", problems));
        }
    }

    public List<LifecycleStage> stages() {
        return stages;
    }

    public boolean isConfigured(LifecycleStage stage) {
        return ranks.containsKey(stage);
    }

    /** The stage's position in the funnel, from 0. */
    public int rankOf(LifecycleStage stage) {
        Integer rank = ranks.get(stage);
        if (rank == null) {
            throw unknown(stage.name());
        }
        return rank;
    }

    public boolean isBefore(LifecycleStage stage, LifecycleStage other) {
        return rankOf(stage) < rankOf(other);
    }

    public boolean isAtLeast(LifecycleStage stage, LifecycleStage other) {
        return rankOf(stage) >= rankOf(other);
    }

    /** The stage before this one in the funnel; empty for the first. */
    public Optional<LifecycleStage> previous(LifecycleStage stage) {
        int rank = rankOf(stage);
        return rank == 0 ? Optional.empty() : Optional.of(stages.get(rank - 1));
    }

    /** A configured stage by name, in any case; otherwise an {@link UnknownStageException} naming the stages. */
    public LifecycleStage parse(String name) {
        if (!LifecycleStage.isValidName(name)) {
            throw unknown(name);
        }
        LifecycleStage stage = LifecycleStage.of(name);
        if (!isConfigured(stage)) {
            throw unknown(name);
        }
        return stage;
    }

    /** The stage that plays this role; empty for an optional role the stage list leaves out. */
    public Optional<LifecycleStage> stageOf(StageRole role) {
        return Optional.ofNullable(roles.get(role));
    }

    /** The stage of a role that is always configured (anonymous, known, qualified) or that the caller relies on. */
    public LifecycleStage require(StageRole role) {
        return stageOf(role).orElseThrow(() -> new IllegalStateException("No stage plays the role " + role.key()
                + " (nurture.lifecycle.roles." + role.key() + "); stages are " + stages));
    }

    public boolean plays(LifecycleStage stage, StageRole role) {
        return stage.equals(roles.get(role));
    }

    /** For diagrams: the name of the stage that plays the role with this key, e.g. {@code sales-accepted}. */
    public String stageFor(String roleKey) {
        return require(StageRole.ofKey(roleKey)).name();
    }

    private UnknownStageException unknown(String name) {
        return new UnknownStageException("Unknown stage '" + name + "'; the configured stages"
                + " (nurture.lifecycle.stages) are " + stages);
    }

    private static List<LifecycleStage> stagesOf(List<String> names, List<String> problems) {
        List<LifecycleStage> result = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                problems.add("stages: a stage name is blank");
            } else if (!LifecycleStage.isValidName(name)) {
                problems.add("stages: '" + name + "' is not a stage name (letters, digits and _, starting with a"
                        + " letter, at most " + LifecycleStage.MAX_LENGTH + " characters)");
            } else if (result.contains(LifecycleStage.of(name))) {
                problems.add("stages: '" + name + "' is listed twice");
            } else {
                result.add(LifecycleStage.of(name));
            }
        }
        return List.copyOf(result);
    }

    private void readRole(StageRole role, LifecycleProperties properties, List<String> problems) {
        String key = "roles." + role.key();
        String configured = configuredName(role, properties, problems);
        if (configured != null) {
            if (!LifecycleStage.isValidName(configured) || !isConfigured(LifecycleStage.of(configured))) {
                problems.add(key + ": '" + configured + "' is not one of the configured stages " + stages);
            } else {
                roles.put(role, LifecycleStage.of(configured));
            }
        } else if (isConfigured(role.defaultStage())) {
            roles.put(role, role.defaultStage());
        } else if (role == StageRole.ANONYMOUS && roles.containsKey(StageRole.KNOWN)) {
            roles.put(role, roles.get(StageRole.KNOWN)); // no visitor stage: anonymous contacts start as leads
        } else if (role.isRequired()) {
            problems.add("stages must contain " + role.defaultStage() + ", or " + key + " must name the stage that"
                    + " plays this role");
        }
    }

    /** {@code roles.anonymous}/{@code roles.known}, or their older names {@code anonymous-stage}/{@code known-stage}. */
    private static String configuredName(StageRole role, LifecycleProperties properties, List<String> problems) {
        String configured = properties.roles().of(role);
        String older = switch (role) {
            case ANONYMOUS -> properties.anonymousStage();
            case KNOWN -> properties.knownStage();
            default -> null;
        };
        if (older == null) {
            return configured;
        }
        if (configured != null && !LifecycleStage.normalise(configured).equals(LifecycleStage.normalise(older))) {
            problems.add("roles." + role.key() + " is '" + configured + "' but its older name " + role.key()
                    + "-stage is '" + older + "'; keep one");
        }
        return configured != null ? configured : older;
    }

    private void checkRoleOrder(List<String> problems) {
        StageRole previous = null;
        for (StageRole role : StageRole.values()) {
            LifecycleStage stage = roles.get(role);
            if (stage == null) {
                continue;
            }
            if (previous != null) {
                LifecycleStage before = roles.get(previous);
                boolean sharedStart = previous == StageRole.ANONYMOUS && role == StageRole.KNOWN;
                if (sharedStart ? isBefore(stage, before) : !isBefore(before, stage)) {
                    problems.add("roles: the " + role.key() + " stage " + stage + " must come after the "
                            + previous.key() + " stage " + before + " in stages " + stages);
                }
            }
            previous = role;
        }
    }
}
