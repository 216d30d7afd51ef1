package io.nurture.lists;

import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.nurture.web.JsonText;
import io.nurture.web.RefuseUnknownFields;

/** The body of {@code POST /api/lists/{id}/members}: contacts by id, by e-mail, or both. */
@RefuseUnknownFields
record MembersRequest(@JsonDeserialize(contentUsing = JsonText.class) List<String> contactIds,
        @JsonDeserialize(contentUsing = JsonText.class) List<String> emails) {
}
