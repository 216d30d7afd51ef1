package io.nurture.ingestion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.nurture.contact.ContactProfile;
import io.nurture.web.InvalidInputException;

/**
 * Reads the contact profile out of an event's free-form properties, refusing values of the wrong type; public for the
 * other ways events come in (forms, the tracking API).
 */
public final class ProfileParser {

    private ProfileParser() {
    }

    public static ContactProfile parse(Map<String, Object> properties) {
        if (properties == null || properties.isEmpty()) {
            return ContactProfile.EMPTY;
        }
        Map<?, ?> consent = properties.get("consent") == null ? Map.of() : asMap(properties.get("consent"));
        String country = text(properties, "country", 2);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new InvalidInputException("properties.country must be a two-letter ISO 3166 code, was '" + country + "'");
        }
        String phone = text(properties, "phone", 32);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{5,31}")) {
            throw new InvalidInputException("properties.phone must be a phone number, was '" + phone + "'");
        }
        return new ContactProfile(text(properties, "firstName", 100), text(properties, "lastName", 100),
                text(properties, "company", 200), text(properties, "industry", 100), companySize(properties),
                country == null ? null : country.toUpperCase(), text(properties, "source", 100), phone,
                flag(consent, "email"), flag(consent, "sms"), revenue(properties), techStack(properties),
                lowerCase(text(properties, "funding", 50)));
    }

    private static Long revenue(Map<String, Object> properties) {
        Object value = properties.get("revenue");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0) {
            throw new InvalidInputException("properties.revenue must be a non-negative whole number (annual revenue)");
        }
        return ((Number) value).longValue();
    }

    /** A string ("salesforce, hubspot") or a list of strings; stored comma-separated in lower case. */
    private static String techStack(Map<String, Object> properties) {
        Object value = properties.get("techStack");
        if (value instanceof List<?> list) {
            if (!list.stream().allMatch(String.class::isInstance)) {
                throw new InvalidInputException("properties.techStack must be a string or a list of strings");
            }
            value = String.join(",", list.stream().map(String.class::cast).toList());
        }
        String joined = text(Map.of("techStack", value == null ? "" : value), "techStack", 500);
        if (joined == null) {
            return null;
        }
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String text(Map<String, Object> properties, String key, int maxLength) {
        Object value = properties.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new InvalidInputException("properties." + key + " must be a string");
        }
        if (s.length() > maxLength) {
            throw new InvalidInputException("properties." + key + " must be at most " + maxLength + " characters");
        }
        return s.isBlank() ? null : s.trim();
    }

    private static Integer companySize(Map<String, Object> properties) {
        Object value = properties.get("companySize");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer size) || size < 0) {
            throw new InvalidInputException("properties.companySize must be a non-negative whole number");
        }
        return size;
    }

    private static Boolean flag(Map<?, ?> consent, String channel) {
        Object value = consent.get(channel);
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidInputException("properties.consent." + channel + " must be true or false");
        }
        return (Boolean) value;
    }

    private static Map<?, ?> asMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException("properties.consent must be an object like {\"email\": true}");
        }
        return map;
    }
}
