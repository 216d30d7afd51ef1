package io.nurture.migration;

/**
 * A migration batch's jobs (one per instance): {@code completed} of {@code total}, {@code failed} ones (out of
 * retries, an incident in Cockpit; they count as {@code remaining}) and whether every instance has moved
 * ({@code finished}).
 */
public record MigrationProgress(String batchId, long total, long completed, long failed, long remaining,
        boolean finished) {
}
