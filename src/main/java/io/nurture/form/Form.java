package io.nurture.form;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.web.cors.CorsConfiguration;

import io.nurture.event.EventType;

/**
 * A checked form: the fields it accepts (in their order), those it requires, its consent checkbox and the text the
 * person agrees to by ticking it, where a browser goes afterwards (null: Nurture's own thank-you page), the origins
 * it may be posted from, the event a fill is, the lead source and the honeypot field.
 */
record Form(String name, Set<String> fields, Set<String> required, String consentField, String consentText,
        URI redirect, List<String> allowedOrigins, EventType eventType, String source, String honeypot) {

    String actor() {
        return "form:" + name;
    }

    /** {@code origin} as a browser sends it ({@code https://www.example.com}); patterns as CORS has them. */
    boolean allowsOrigin(String origin) {
        CorsConfiguration origins = new CorsConfiguration();
        origins.setAllowedOriginPatterns(allowedOrigins);
        return origins.checkOrigin(origin) != null;
    }

    boolean accepts(String field) {
        return fields.contains(field) || field.equals(honeypot) || field.equals(consentField);
    }
}
