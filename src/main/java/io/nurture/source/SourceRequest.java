package io.nurture.source;

import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.nurture.web.JsonText;

import io.nurture.web.RefuseUnknownFields;

/** The body of {@code POST /api/sources}; checked by {@link SourceRules}. */
@RefuseUnknownFields
record SourceRequest(@JsonDeserialize(using = JsonText.class) String name,
        @JsonDeserialize(contentUsing = JsonText.class) List<String> allowedOrigins) {
}
