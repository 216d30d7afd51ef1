package io.nurture.source;

import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.nurture.web.RefuseUnknownFields;

/** The body of {@code POST /api/sources}; checked by {@link SourceRules}. */
@RefuseUnknownFields
record SourceRequest(@JsonDeserialize(using = StrictText.class) String name,
        @JsonDeserialize(contentUsing = StrictText.class) List<String> allowedOrigins) {
}
