package io.nurture.contact;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A lifecycle stage by name, upper case ({@code PQL}, {@code MQL}). Which stages exist and in which order is
 * configuration (the lifecycle module's {@code Funnel}); the constants are the default names of the built-in
 * roles, so code that means a role asks the funnel, not a constant.
 */
public record LifecycleStage(String name) {

    /** Stored in {@code contact.lifecycle_stage} and {@code stage_transition.*_stage}, both VARCHAR(20). */
    public static final int MAX_LENGTH = 20;
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public static final LifecycleStage VISITOR = new LifecycleStage("VISITOR");
    public static final LifecycleStage LEAD = new LifecycleStage("LEAD");
    public static final LifecycleStage MQL = new LifecycleStage("MQL");
    public static final LifecycleStage SQL = new LifecycleStage("SQL");
    public static final LifecycleStage OPPORTUNITY = new LifecycleStage("OPPORTUNITY");
    public static final LifecycleStage CUSTOMER = new LifecycleStage("CUSTOMER");
    public static final LifecycleStage EVANGELIST = new LifecycleStage("EVANGELIST");

    public LifecycleStage {
        Objects.requireNonNull(name, "name");
        name = normalise(name);
        if (!isValidName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a stage name: letters, digits and _, starting"
                    + " with a letter, at most " + MAX_LENGTH + " characters");
        }
    }

    public static LifecycleStage of(String name) {
        return new LifecycleStage(name);
    }

    /** Whether {@code name}, once trimmed and upper-cased, can name a stage. */
    public static boolean isValidName(String name) {
        String normalised = normalise(name);
        return normalised.length() <= MAX_LENGTH && NAME.matcher(normalised).matches();
    }

    public static String normalise(String name) {
        return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
