package io.nurture.migration;

/** {@code POST /api/campaigns/{key}/migration}: move the instances of {@code fromVersion} to {@code toVersion} (default latest). */
public record MigrationRequest(Integer fromVersion, Integer toVersion) {
}
