package io.nurture.contact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Some contacts' custom properties as read in one query ({@link ContactProperties#storedOf}), to tell what a bulk
 * write would do to each before it is made: whether it changes anything, or would break the per-contact limit. A
 * contact not read has none.
 */
public final class StoredProperties {

    private final Map<String, Map<String, Object>> byContact;

    StoredProperties(Map<String, Map<String, Object>> byContact) {
        this.byContact = byContact;
    }

    Map<String, Object> of(String contactId) {
        return byContact.getOrDefault(contactId, Map.of());
    }

    /** Whether writing these values would change the contact's properties. */
    public boolean wouldChange(String contactId, PropertyValues values) {
        Map<String, Object> stored = of(contactId);
        return values.values().entrySet().stream().anyMatch(entry -> entry.getValue() == null
                ? stored.containsKey(entry.getKey()) : !sameValue(stored.get(entry.getKey()), entry.getValue()));
    }

    /** Why writing these values is refused (the contact would have too many properties), if it is. */
    public Optional<String> refusal(String contactId, PropertyValues values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        int after = after(of(contactId), values).size();
        return after <= PropertyValues.MAX_PER_CONTACT ? Optional.empty()
                : Optional.of(values.path() + ": a contact has at most " + PropertyValues.MAX_PER_CONTACT
                        + " custom properties; this would make " + after + ". Remove some by setting them to null");
    }

    static Map<String, Object> after(Map<String, Object> stored, PropertyValues values) {
        Map<String, Object> after = new LinkedHashMap<>(stored);
        values.values().forEach((name, value) -> {
            if (value == null) {
                after.remove(name);
            } else {
                after.put(name, value);
            }
        });
        return after;
    }

    static boolean sameValue(Object stored, Object value) {
        if (stored instanceof Number a && value instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(stored, value);
    }
}
