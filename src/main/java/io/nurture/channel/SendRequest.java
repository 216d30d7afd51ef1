package io.nurture.channel;

import java.util.Map;

/**
 * One send a campaign step asks for. {@code campaign}, {@code step} and {@code variant} go to the delivery row
 * (process definition key, activity id, A/B branch) for the reports.
 */
public record SendRequest(String idempotencyKey, String contactId, String channel, String template,
        Map<String, Object> inputs, String campaign, String step, String variant, boolean transactional) {

    public SendRequest {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }
}
