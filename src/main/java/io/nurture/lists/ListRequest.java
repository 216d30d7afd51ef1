package io.nurture.lists;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.nurture.web.JsonText;
import io.nurture.web.RefuseUnknownFields;

/** The body of {@code POST /api/lists}. */
@RefuseUnknownFields
record ListRequest(@JsonDeserialize(using = JsonText.class) String name) {
}
