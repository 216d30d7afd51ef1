package io.nurture.contact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.nurture.web.InvalidInputException;

/**
 * Custom properties to write on a contact, checked: names of {@value #MAX_NAME_LENGTH} characters at most, a letter
 * then letters, digits or _ ({@code plan}, {@code seats}, {@code trial_ends}); values a string of at most
 * {@value #MAX_TEXT_LENGTH} characters, a number between -10^15 and 10^15, or true/false. A null (or a blank string)
 * removes the property. {@code path} is where the sender wrote them (e.g. {@code traits}), for the refusals.
 */
public record PropertyValues(String path, Map<String, Object> values) {

    public static final int MAX_NAME_LENGTH = 40;
    public static final int MAX_TEXT_LENGTH = 500;
    /** How many a contact may have, and so how many one write may carry. */
    public static final int MAX_PER_CONTACT = 50;
    public static final double MAX_MAGNITUDE = 1e15;
    private static final String MAX_MAGNITUDE_TEXT = "10^15";
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    public static final PropertyValues NONE = new PropertyValues("", Map.of());

    public PropertyValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Refuses, naming {@code path.name}, what is not a scalar or breaks a limit. */
    public static PropertyValues of(String path, Map<String, ?> given) {
        if (given == null || given.isEmpty()) {
            return NONE;
        }
        if (given.size() > MAX_PER_CONTACT) {
            throw new InvalidInputException(path + " must hold at most " + MAX_PER_CONTACT + " properties, held "
                    + given.size());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((name, value) -> values.put(checkedName(path, name), checkedValue(path + "." + name, value)));
        return new PropertyValues(path, values);
    }

    /** Whether this can be stored as a property value at all (not an object or a list). */
    public static boolean isScalar(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Number;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A property's name checked as {@link #of} checks each, refused naming {@code path.name}. */
    public static String checkedName(String path, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(path + "." + shortened(name) + ": a custom property's name is a letter "
                    + "then letters, digits or _, at most " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    /**
     * One value checked as {@link #of} checks each (a string stripped, blank as null, a number as a double), refused
     * naming {@code where}: for a writer that names the source of each value itself (an import names the column).
     */
    public static Object checkedValue(String where, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String trimmed = text.strip();
            if (trimmed.length() > MAX_TEXT_LENGTH) {
                throw new InvalidInputException(where + " must be at most " + MAX_TEXT_LENGTH + " characters");
            }
            if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                throw new InvalidInputException(where + " must not hold control characters");
            }
            return trimmed.isEmpty() ? null : trimmed;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d) || Math.abs(d) > MAX_MAGNITUDE) {
                throw new InvalidInputException(where + " must be a number between -" + MAX_MAGNITUDE_TEXT + " and "
                        + MAX_MAGNITUDE_TEXT);
            }
            return d;
        }
        throw new InvalidInputException(where + " must be a string, a number, true or false (or null to remove it)");
    }

    /** A stored number as JSON shows it: 12, not 12.0. */
    static Object shown(double number) {
        return number == Math.rint(number) && Math.abs(number) <= MAX_MAGNITUDE ? (Object) (long) number : number;
    }

    private static String shortened(String text) {
        return text == null ? "null" : text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
