package io.nurture.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.ingestion.ProfileParser;
import io.nurture.web.InvalidInputException;

/**
 * One submission of a form, read into the event it is: every field once and known to the form, the required ones
 * filled, text without control characters and within its length. Fields named like a profile property (firstName,
 * company…) fill the profile, any other is kept as a text property of the event; the ticked consent box is
 * {@code consent.email} plus the text agreed to. A filled honeypot makes it {@link #spam() spam}.
 */
record FormFill(boolean spam, IncomingEvent event) {

    static final Set<String> PROFILE_FIELDS = Set.of("firstName", "lastName", "company", "industry", "companySize",
            "country", "phone");
    static final int MAX_EMAIL_LENGTH = 320;
    static final int MAX_TEXT_LENGTH = 1_000;
    static final int MAX_URL_LENGTH = 2_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> UNTICKED = Set.of("false", "off", "no", "0");

    /**
     * @param values each field name with every value it came with, as a form body has them (JSON: one each)
     * @param referer the page the form was on, if the browser said so
     */
    static FormFill read(Form form, Map<String, List<Object>> values, String referer) {
        // a bot that filled the honeypot learns nothing, not even what else was wrong
        if (values.getOrDefault(form.honeypot(), List.of()).stream()
                .anyMatch(value -> value != null && !(value instanceof String text && text.isBlank()))) {
            return new FormFill(true, null);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        values.forEach((field, list) -> {
            if (!form.accepts(field)) {
                throw new InvalidInputException("Unknown field " + shown(field) + ": this form takes "
                        + String.join(", ", form.fields()));
            }
            if (list.size() > 1) {
                throw new InvalidInputException("Field " + field + " was given " + list.size() + " times; give it once");
            }
            Object value = list.isEmpty() ? null : list.get(0);
            if (value != null && !(value instanceof String text && text.isBlank())) {
                given.put(field, value);
            }
        });
        form.required().stream().filter(field -> !given.containsKey(field)).findFirst().ifPresent(field -> {
            throw new InvalidInputException("Field " + field + " is required");
        });
        Map<String, Object> properties = new LinkedHashMap<>();
        String email = null;
        for (String field : form.fields()) {
            if (!given.containsKey(field)) {
                continue;
            }
            if (field.equals("email")) {
                email = email(text(field, given.get(field), MAX_EMAIL_LENGTH));
            } else if (field.equals("companySize")) {
                properties.put(field, wholeNumber(field, given.get(field)));
            } else {
                properties.put(field, text(field, given.get(field), MAX_TEXT_LENGTH));
            }
        }
        properties.put("source", form.source());
        properties.put("form", form.name());
        if (form.consentField() != null && ticked(form.consentField(), given.get(form.consentField()))) {
            properties.put("consent", Map.of("email", true));
            properties.put("consentText", form.consentText());
        }
        page(referer, properties);
        return new FormFill(false, new IncomingEvent(null, form.eventType(), email, null, null, Instant.now(),
                ProfileParser.parse(properties), properties));
    }

    private static String email(String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("Field email must be a well-formed e-mail address");
        }
        return email;
    }

    private static String text(String field, Object value, int maxLength) {
        if (!(value instanceof String text)) {
            throw new InvalidInputException("Field " + field + " must be text");
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException("Field " + field + " must be at most " + maxLength + " characters");
        }
        boolean multiLine = !field.equals("email") && !PROFILE_FIELDS.contains(field); // a message from a textarea
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n'
                || c == '\r')))) {
            throw new InvalidInputException("Field " + field + " must not contain control characters");
        }
        return trimmed;
    }

    private static Integer wholeNumber(String field, Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        String text = value instanceof String s ? s.strip() : "";
        if (!text.matches("[0-9]{1,9}")) {
            throw new InvalidInputException("Field " + field + " must be a whole number");
        }
        return Integer.valueOf(text);
    }

    /** A checkbox sends its value only when ticked ("on" unless it names one); JSON may send true or false. */
    private static boolean ticked(String field, Object value) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = text(field, value, 100);
        return !UNTICKED.contains(text.toLowerCase(Locale.ROOT));
    }

    /** The page the form was on, as the timeline shows page views; a Referer that is no http(s) URL is left out. */
    private static void page(String referer, Map<String, Object> properties) {
        if (referer == null || referer.length() > MAX_URL_LENGTH || referer.chars().anyMatch(Character::isISOControl)) {
            return;
        }
        try {
            URI uri = new URI(referer);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                properties.put("url", referer);
                properties.put("page", uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
            }
        } catch (URISyntaxException e) {
            // not a URL: no page
        }
    }

    /** A field name as an error message may repeat it: printable and short. */
    private static String shown(String field) {
        String printable = field.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (printable.length() > 64 ? printable.substring(0, 64) + "…" : printable) + "'";
    }
}
