package io.nurture.imports;

import java.time.Instant;

/**
 * An import's progress and result: rows done of all, and of those how many made a new contact, changed one, found
 * one as it was, or were refused (see {@code /api/imports/{id}/errors}). A dry run counts what it would do.
 */
public record ImportReport(String id, String fileName, ImportStatus status, boolean dryRun, String listId,
        boolean startCampaigns, int totalRows, int processedRows, int percent, int created, int updated,
        int unchanged, int refused, String failure, String createdBy, Instant createdAt, Instant finishedAt) {
}
