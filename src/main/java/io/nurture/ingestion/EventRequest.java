package io.nurture.ingestion;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.nurture.web.JsonText;
import io.nurture.web.RefuseUnknownFields;

/**
 * The body of {@code POST /api/events}; anything else a sender has goes into {@code properties}, and what it knows
 * about the person beyond the profile into {@code contactProperties} (custom properties: scalars, null removes one).
 */
@RefuseUnknownFields
record EventRequest(
        @JsonDeserialize(using = JsonText.class) @Size(max = EventLimits.MAX_EVENT_ID_LENGTH) String eventId,
        @JsonDeserialize(using = JsonText.class) @NotBlank @Size(max = EventLimits.MAX_TYPE_LENGTH) String type,
        @JsonDeserialize(using = JsonText.class)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a well-formed e-mail address")
        @Size(max = EventLimits.MAX_EMAIL_LENGTH) String email,
        @JsonDeserialize(using = JsonText.class) @Size(max = EventLimits.MAX_ANONYMOUS_ID_LENGTH)
        String anonymousId,
        @JsonDeserialize(using = JsonText.class) @Size(max = EventLimits.MAX_USER_ID_LENGTH) String userId,
        @JsonDeserialize(using = JsonText.class) @Size(max = EventLimits.MAX_CONTACT_ID_LENGTH) String contactId,
        @JsonDeserialize(using = EventJson.Timestamp.class) Instant occurredAt,
        @JsonDeserialize(using = EventJson.Properties.class) Map<String, Object> properties,
        @JsonDeserialize(using = EventJson.Properties.class) Map<String, Object> contactProperties) {

    boolean hasIdentity() {
        return !isBlank(email) || !isBlank(anonymousId) || !isBlank(userId) || !isBlank(contactId);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
