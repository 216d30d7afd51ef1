package io.nurture.form;

import java.util.List;

/**
 * One form as configured under {@code nurture.forms.<form>.*}, before it is checked; null is "not set". See
 * application.yaml and the README ("Capturing leads with a form") for what each setting means.
 */
record FormProperties(List<String> fields, List<String> required, String consentField, String consentText,
        String redirect, List<String> allowedOrigins, String eventType, String source, String honeypot) {
}
