package io.nurture.audience;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.web.RefuseUnknownFields;

/** {@code POST /api/segments/preview}: how many contacts a rule would hold now, and {@code sample} of them (10). */
@RefuseUnknownFields
public record PreviewRequest(JsonNode rule, Integer sample) {
}
