package io.nurture.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The marketing programme's Monday numbers: new and reopened (recycled) leads, MQLs, what an MQL cost, and the score
 * profile and sources of the new leads.
 *
 * @param newLeads first entries into LEAD in the period
 * @param reopenedLeads second or later entries into LEAD (recycled from MQL or later, lost deals)
 * @param mqls entries into MQL in the period, recycled MQLs included
 * @param newMqls first entries into MQL
 * @param cost what the campaigns cost in the period ({@code nurture.reporting.campaigns.*})
 * @param costPerMql cost / mqls, null without MQLs
 */
record NurtureReport(LocalDate from, LocalDate to, long newLeads, long reopenedLeads, long mqls, long newMqls,
        BigDecimal cost, BigDecimal costPerMql, ScoreProfile newLeadScores, List<SourceCount> newLeadsBySource)
        implements Tabular {

    /** Scores (behaviour + fit, as they are now) of the period's new leads. */
    record ScoreProfile(Double averageBehaviour, Double averageFit, List<Bucket> buckets) {
    }

    /** Leads whose score lies in {@code [min, max]}; max is null for the open-ended top bucket. */
    record Bucket(String range, Integer min, Integer max, long leads) {
    }

    record SourceCount(String source, long leads) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("metric", "key", "value");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("new_leads", null, newLeads));
        rows.add(Arrays.asList("reopened_leads", null, reopenedLeads));
        rows.add(Arrays.asList("mqls", null, mqls));
        rows.add(Arrays.asList("new_mqls", null, newMqls));
        rows.add(Arrays.asList("cost", null, cost));
        rows.add(Arrays.asList("cost_per_mql", null, costPerMql));
        rows.add(Arrays.asList("new_lead_average_behaviour_score", null, newLeadScores.averageBehaviour()));
        rows.add(Arrays.asList("new_lead_average_fit_score", null, newLeadScores.averageFit()));
        newLeadScores.buckets().forEach(b -> rows.add(Arrays.asList("new_leads_by_score", b.range(), b.leads())));
        newLeadsBySource.forEach(s -> rows.add(Arrays.asList("new_leads_by_source", s.source(), s.leads())));
        return rows;
    }

    @Override
    public String csvName() {
        return "nurture-" + from + "-" + to;
    }
}
