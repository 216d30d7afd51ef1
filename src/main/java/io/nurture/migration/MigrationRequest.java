package io.nurture.migration;

import io.nurture.web.RefuseUnknownFields;

/** {@code POST /api/campaigns/{key}/migration}: move the instances of {@code fromVersion} to {@code toVersion} (default latest). */
@RefuseUnknownFields
public record MigrationRequest(Integer fromVersion, Integer toVersion) {
}
