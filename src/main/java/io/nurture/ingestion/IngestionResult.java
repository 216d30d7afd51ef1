package io.nurture.ingestion;

import io.nurture.contact.LifecycleStage;

/** The 202 answer of {@code POST /api/events}. */
public record IngestionResult(String contactId, LifecycleStage lifecycleStage, int score, boolean duplicate) {
}
