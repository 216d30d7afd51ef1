package io.nurture.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.nurture.event.EventType;
import io.nurture.event.EventTypes;

/**
 * The forms of {@code nurture.forms.<form>.*}, checked at start-up: a mistake stops the application with a message
 * naming the setting, rather than turning away the people who fill the form.
 */
@Component
class Forms {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** What a browser sends as Origin: scheme, host and port, no path; {@code *} and {@code [*]} as CORS patterns. */
    static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9*.\\[\\]-]+(:([0-9]{1,5}|\\[\\*\\]))?");
    /** The properties a fill sets itself or that Nurture reads with a meaning of their own. */
    static final Set<String> RESERVED = Set.of("consent", "source", "form", "consentText", "page", "url", "referrer",
            "anonymousId", "contactId", "eventId", "minutes", "score", "comment", "timeZone", "deliveryId",
            "bounceType", "revenue", "techStack", "funding");
    static final String DEFAULT_HONEYPOT = "website_url";

    private final Map<String, Form> forms;

    Forms(Environment environment, EventTypes types) {
        Map<String, FormProperties> configured = Binder.get(environment)
                .bind("nurture.forms", Bindable.mapOf(String.class, FormProperties.class))
                .map(TreeMap::new).orElseGet(TreeMap::new);
        List<String> problems = new ArrayList<>();
        Map<String, Form> checked = new TreeMap<>();
        configured.forEach((name, properties) -> check(name, properties, types, problems)
                .ifPresent(form -> checked.put(name, form)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid form configuration: " + String.join("; ", problems));
        }
        this.forms = Map.copyOf(checked);
    }

    Optional<Form> named(String name) {
        return Optional.ofNullable(forms.get(name));
    }

    private static Optional<Form> check(String name, FormProperties form, EventTypes types, List<String> problems) {
        String prefix = "nurture.forms." + name;
        int before = problems.size();
        if (!NAME.matcher(name).matches()) {
            problems.add(prefix + ": a form name is 1 to 40 lower-case letters, digits, - or _");
        }
        Set<String> fields = new LinkedHashSet<>(form.fields() == null ? List.of() : form.fields());
        if (!fields.contains("email")) {
            problems.add(prefix + ".fields must list email (a fill makes a lead, known by its e-mail)");
        }
        for (String field : fields) {
            if (!FIELD.matcher(field).matches()) {
                problems.add(prefix + ".fields: '" + field + "' is not a field name (a letter, then letters, digits,"
                        + " - or _, at most 64)");
            } else if (RESERVED.contains(field)) {
                problems.add(prefix + ".fields: '" + field + "' is set by Nurture itself; name the field otherwise");
            }
        }
        Set<String> required = new LinkedHashSet<>(form.required() == null ? List.of("email") : form.required());
        if (!required.contains("email")) {
            problems.add(prefix + ".required must include email");
        }
        required.stream().filter(field -> !fields.contains(field)).forEach(field -> problems.add(
                prefix + ".required: '" + field + "' is not one of the form's fields"));
        String honeypot = form.honeypot() == null ? DEFAULT_HONEYPOT : form.honeypot();
        checkExtraField(prefix + ".honeypot", honeypot, fields, problems);
        String consentField = blankToNull(form.consentField());
        String consentText = blankToNull(form.consentText());
        if (consentField != null) {
            checkExtraField(prefix + ".consent-field", consentField, fields, problems);
            if (consentField.equals(honeypot)) {
                problems.add(prefix + ".consent-field must not be the honeypot field");
            }
        }
        if ((consentField == null) != (consentText == null)) {
            problems.add(prefix + ": consent-field and consent-text go together (the text is what the person agrees"
                    + " to by ticking the box)");
        } else if (consentText != null && consentText.length() > 1_000) {
            problems.add(prefix + ".consent-text must be at most 1000 characters");
        }
        URI redirect = redirect(prefix, form.redirect(), problems);
        List<String> origins = form.allowedOrigins() == null ? List.of() : List.copyOf(form.allowedOrigins());
        for (String origin : origins) {
            if (origin == null || !ORIGIN.matcher(origin).matches()) {
                problems.add(prefix + ".allowed-origins: '" + origin + "' is not an origin like"
                        + " https://www.example.com (scheme, host and port; no path, no trailing /)");
            }
        }
        Optional<EventType> type = types.resolve(form.eventType() == null ? "form_submitted" : form.eventType());
        if (type.isEmpty()) {
            problems.add(prefix + ".event-type: '" + form.eventType() + "' is not an event type");
        }
        String source = form.source() == null ? name : form.source().trim();
        if (source.isEmpty() || source.length() > 100) {
            problems.add(prefix + ".source must be 1 to 100 characters");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Form(name, Collections.unmodifiableSet(fields), Collections.unmodifiableSet(required),
                consentField, consentText, redirect, origins, type.get(), source, honeypot));
    }

    private static void checkExtraField(String setting, String field, Set<String> fields, List<String> problems) {
        if (!FIELD.matcher(field).matches()) {
            problems.add(setting + ": '" + field + "' is not a field name");
        } else if (fields.contains(field)) {
            problems.add(setting + ": '" + field + "' must not also be one of the fields");
        }
    }

    private static URI redirect(String prefix, String redirect, List<String> problems) {
        if (redirect == null || redirect.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(redirect.trim());
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(prefix + ".redirect: '" + redirect + "' must be an absolute http(s) URL, the thank-you page");
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
