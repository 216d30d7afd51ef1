package io.nurture.migration;

/** A migration batch under way: {@code instances} of {@code fromVersion} moving to {@code toVersion}. */
public record MigrationStarted(String batchId, String campaign, int fromVersion, int toVersion, int instances) {
}
