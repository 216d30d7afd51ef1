package io.nurture.reporting;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Everything that happened to one contact, newest first: events, sends, opens and clicks, stage moves and score
 * changes, plus its process instances with links into Cockpit.
 */
record ContactTimeline(ContactSearch.Match contact, List<ProcessInstance> processes, List<Entry> entries)
        implements Tabular {

    /** kind: event, send, open, click, bounce, unsubscribe, stage, score. */
    record Entry(Instant at, String kind, String title, String detail) {
    }

    /** {@code steps}: where a running instance waits, or the step a finished one ended at, by name. */
    record ProcessInstance(String id, String processKey, String state, Instant started, Instant ended,
            List<String> steps, String cockpitPath) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("at", "kind", "title", "detail");
    }

    @Override
    public List<List<Object>> csvRows() {
        return entries.stream().map(e -> Arrays.<Object>asList(e.at(), e.kind(), e.title(), e.detail())).toList();
    }

    @Override
    public String csvName() {
        return "timeline-" + contact.id();
    }
}
