package io.nurture.event;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/events}. */
record EventRequest(
        @Size(max = 200) String eventId,
        @NotBlank String type,
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
        @Size(max = 320) String email,
        @Size(max = 100) String anonymousId,
        @Size(max = 36) String contactId,
        Instant occurredAt,
        Map<String, Object> properties) {

    boolean hasIdentity() {
        return !isBlank(email) || !isBlank(anonymousId) || !isBlank(contactId);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
