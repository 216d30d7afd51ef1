package io.nurture.suspension;

import io.nurture.web.RefuseUnknownFields;

/** {@code POST /api/campaigns/{key}/suspension}, optional: why the campaign is suspended, shown beside its state. */
@RefuseUnknownFields
public record SuspensionRequest(String reason) {

    static final int MAX_REASON = 200;
}
