package io.nurture.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per campaign (process definition key) and per step and A/B branch: who entered, who is still in, how it ended,
 * what was sent and what the contacts did with it.
 */
record CampaignReport(LocalDate from, LocalDate to, List<Campaign> campaigns) implements Tabular {

    /** Counts of messages; "delivered" is sent minus hard bounces, rates are per delivered message. */
    record Sends(long sent, long delivered, long opened, long clicked, long unsubscribed, long bounced) {

        static final Sends NONE = new Sends(0, 0, 0, 0, 0, 0);

        Sends plus(Sends other) {
            return new Sends(sent + other.sent, delivered + other.delivered, opened + other.opened,
                    clicked + other.clicked, unsubscribed + other.unsubscribed, bounced + other.bounced);
        }

        @JsonProperty
        public Double openRate() {
            return Ratios.of(opened, delivered);
        }

        @JsonProperty
        public Double clickRate() {
            return Ratios.of(clicked, delivered);
        }
    }

    /**
     * @param enrolled instances started in the period
     * @param active instances running now
     * @param completed instances that ran to an ordinary end in the period
     * @param exitedOnGoal instances that reached a goal end event ({@code EndEvent_Goal...}) in the period
     * @param cancelled instances ended from outside (deleted, migrated away) in the period
     * @param convertedToMql contacts of the instances started in the period who entered MQL after their start
     */
    record Campaign(String campaign, long enrolled, long active, long completed, long exitedOnGoal, long cancelled,
            Sends sends, long convertedToMql, BigDecimal cost, BigDecimal costPerMql, List<Step> steps) {
    }

    /**
     * One send step of a campaign (BPMN activity id, and its name in the diagram: the id when it has none), per A/B
     * branch when it has any.
     */
    record Step(String step, String name, String variant, Sends sends, long convertedToMql) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("campaign", "step", "step_name", "variant", "enrolled", "active", "completed", "exited_on_goal",
                "cancelled", "sent", "delivered", "opened", "clicked", "unsubscribed", "bounced", "open_rate",
                "click_rate", "converted_to_mql", "cost", "cost_per_mql");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (Campaign c : campaigns) {
            List<Object> row = new ArrayList<>(Arrays.asList(c.campaign(), null, null, null, c.enrolled(), c.active(),
                    c.completed(), c.exitedOnGoal(), c.cancelled()));
            row.addAll(sendCells(c.sends()));
            row.addAll(Arrays.asList(c.convertedToMql(), c.cost(), c.costPerMql()));
            rows.add(row);
            for (Step s : c.steps()) {
                List<Object> stepRow = new ArrayList<>(Arrays.asList(c.campaign(), s.step(), s.name(), s.variant(),
                        null, null, null, null, null));
                stepRow.addAll(sendCells(s.sends()));
                stepRow.addAll(Arrays.asList(s.convertedToMql(), null, null));
                rows.add(stepRow);
            }
        }
        return rows;
    }

    private static List<Object> sendCells(Sends s) {
        return Arrays.asList(s.sent(), s.delivered(), s.opened(), s.clicked(), s.unsubscribed(), s.bounced(),
                s.openRate(), s.clickRate());
    }

    @Override
    public String csvName() {
        return "campaigns-" + from + "-" + to;
    }
}
