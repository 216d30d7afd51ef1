package io.nurture.audience;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.web.RefuseUnknownFields;

/**
 * {@code POST /api/segments} (both required) and {@code PUT /api/segments/{id}} (either or both): the segment's name
 * and its rule, e.g. {@code {"all": [{"field": "country", "op": "eq", "value": "DE"}]}}.
 */
@RefuseUnknownFields
public record SegmentRequest(String name, JsonNode rule) {
}
