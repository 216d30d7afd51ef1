package io.nurture.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Per stage: contacts in it now, entries into it in the period (repeat entries counted as such) and what became of
 * those entries: left forward (converted), moved back, or still there.
 */
record FunnelReport(LocalDate from, LocalDate to, List<Stage> stages) implements Tabular {

    /**
     * @param current contacts in the stage now
     * @param entries moves into the stage in the period, MQL #2 counted like MQL #1
     * @param reEntries those of them that were a second or later entry (recycled contacts)
     * @param contacts distinct contacts behind the entries
     * @param converted entries whose next move went forward (to the next stage or beyond)
     * @param movedBack entries whose next move went backward (recycled, sent back to nurture, lost deal)
     * @param conversionRate converted / entries to the next stage, null without entries or after the last stage
     */
    record Stage(String stage, long current, long entries, long reEntries, long contacts, long converted,
            long movedBack, long stillInStage, Double conversionRate) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("stage", "current", "entries", "re_entries", "contacts", "converted", "moved_back",
                "still_in_stage", "conversion_rate");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Stage s : stages) {
            rows.add(java.util.Arrays.asList(s.stage(), s.current(), s.entries(), s.reEntries(), s.contacts(),
                    s.converted(), s.movedBack(), s.stillInStage(), s.conversionRate()));
        }
        return rows;
    }

    @Override
    public String csvName() {
        return "funnel-" + from + "-" + to;
    }
}
