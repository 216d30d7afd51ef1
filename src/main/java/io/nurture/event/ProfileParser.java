package io.nurture.event;

import java.util.Map;

import io.nurture.contact.ContactProfile;
import io.nurture.web.InvalidInputException;

/** Reads the contact profile out of an event's free-form properties, refusing values of the wrong type. */
final class ProfileParser {

    private ProfileParser() {
    }

    static ContactProfile parse(Map<String, Object> properties) {
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
                flag(consent, "email"), flag(consent, "sms"));
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
