package io.nurture.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a simulation answers: the campaign as run ({@code source} is {@code deployed} or {@code uploaded}), one
 * timeline per persona with its summary (the row of the persona table), and every finding of all personas.
 */
public record SimulationResult(String campaign, String campaignName, Integer version, String source, Instant start,
        int days, List<PersonaTimeline> timelines, List<Finding> findings) {

    public record PersonaTimeline(String persona, Summary summary, List<TimelineEntry> entries) {
    }

    /** {@code exit}: the end event the contact left by, null when it was still in the campaign at the horizon. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(Map<String, Integer> sends, int skipped, int delayed, String exit, Double exitDay,
            int score, String stage, int findings) {
    }
}
