package io.nurture.suspension;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.nurture.web.JsonText;
import io.nurture.web.RefuseUnknownFields;

/** {@code POST /api/campaigns/{key}/suspension}, optional: why the campaign is suspended, shown beside its state. */
@RefuseUnknownFields
public record SuspensionRequest(@JsonDeserialize(using = JsonText.class) String reason) {

    static final int MAX_REASON = 200;
}
