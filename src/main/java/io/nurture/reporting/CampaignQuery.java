package io.nurture.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.process.StepNames;
import io.nurture.reporting.CampaignReport.Campaign;
import io.nurture.reporting.CampaignReport.Sends;
import io.nurture.reporting.CampaignReport.Step;

/**
 * Per campaign: its instances from Camunda's history ({@link CampaignInstances}), and its sends from the delivery log,
 * per step and A/B branch, each with its reactions and conversion as report facts ({@link SendFigures}); a step is
 * shown by its name in the diagram ({@link StepNames}).
 */
@Repository
class CampaignQuery {

    /** Per step and branch: the sends of the period, in the delivery log and pruned from it ({@link SendRollup}). */
    private static final String SENDS = """
            SELECT d.campaign, d.step, d.variant, COUNT(*) AS sent FROM delivery d
            WHERE d.campaign IS NOT NULL AND d.sent_at >= :start AND d.sent_at < :end
            GROUP BY d.campaign, d.step, d.variant
            UNION ALL
            SELECT s.campaign, s.step, s.variant, SUM(s.sent) AS sent FROM send_daily s
            WHERE s.sent_day >= :from AND s.sent_day <= :to
            GROUP BY s.campaign, s.step, s.variant""";

    /**
     * Per step and branch: the facts of the period's sends. Those of pruned sends are in {@code send_daily} per
     * contact, so a contact converted by a kept and by a pruned send still counts once.
     */
    private static final String FACTS = """
            SELECT f.campaign, f.step, f.variant, {flagCounts} FROM (
                SELECT r.campaign, r.step, r.variant, r.contact_id, {flags} FROM delivery_report r
                WHERE r.campaign IS NOT NULL AND r.sent_at >= :start AND r.sent_at < :end
                UNION ALL
                SELECT s.campaign, s.step, s.variant, s.contact_id, s.opened, s.clicked, s.unsubscribed, s.bounced,
                       s.hard_bounced, s.converted FROM send_daily s
                WHERE s.sent_day >= :from AND s.sent_day <= :to) f
            GROUP BY f.campaign, f.step, f.variant"""
            .replace("{flagCounts}", SendFigures.FLAG_COUNTS).replace("{flags}", SendFigures.FACT_FLAGS);

    private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

    private final JdbcClient jdbc;
    private final CampaignInstances instances;
    private final ReportingProperties properties;
    private final StepNames stepNames;

    CampaignQuery(JdbcClient jdbc, CampaignInstances instances, ReportingProperties properties, StepNames stepNames) {
        this.jdbc = jdbc;
        this.instances = instances;
        this.properties = properties;
        this.stepNames = stepNames;
    }

    CampaignReport report(ReportPeriod period) {
        Map<String, CampaignInstances.Counts> instancesOf = instances.inPeriod(period);
        Map<List<String>, SendFigures.Counts> counts = new HashMap<>();
        jdbc.sql(FACTS).params(periodParams(period)).query(rs -> {
            counts.put(step(rs), SendFigures.Counts.of(0, rs));
        });
        jdbc.sql(SENDS).params(periodParams(period)).query(rs -> {
            counts.merge(step(rs), SendFigures.Counts.NONE.withSent(rs.getLong("sent")),
                    (facts, sends) -> facts.withSent(facts.sent() + sends.sent()));
        });
        Map<String, List<Step>> steps = new TreeMap<>();
        Map<String, UnaryOperator<String>> namesIn = new HashMap<>();
        counts.forEach((key, n) -> steps.computeIfAbsent(key.get(0), c -> new ArrayList<>())
                .add(new Step(key.get(1), namesIn.computeIfAbsent(key.get(0), stepNames::in).apply(key.get(1)),
                        key.get(2), sends(n), n.converted())));
        TreeSet<String> keys = new TreeSet<>(instancesOf.keySet());
        keys.addAll(steps.keySet());
        keys.removeAll(properties.nonCampaignProcesses());
        List<Campaign> campaigns = keys.stream()
                .map(key -> campaign(key, instancesOf.getOrDefault(key, CampaignInstances.Counts.NONE),
                        steps.getOrDefault(key, List.of()), period))
                .toList();
        return new CampaignReport(period.from(), period.to(), campaigns);
    }

    /** The period as instants for the raw rows and as days for the pruned ones. */
    static Map<String, Object> periodParams(ReportPeriod period) {
        return Map.of("start", period.start(), "end", period.end(), "from", period.from(), "to", period.to());
    }

    private static List<String> step(ResultSet rs) throws SQLException {
        return Arrays.asList(rs.getString("campaign"), rs.getString("step"), rs.getString("variant"));
    }

    private static Sends sends(SendFigures.Counts n) {
        return new Sends(n.sent(), n.delivered(), n.opened(), n.clicked(), n.unsubscribed(), n.bounced());
    }

    private Campaign campaign(String key, CampaignInstances.Counts i, List<Step> steps, ReportPeriod period) {
        List<Step> ordered = steps.stream()
                .sorted(Comparator.comparing((Step s) -> String.valueOf(s.step()))
                        .thenComparing(s -> String.valueOf(s.variant())))
                .toList();
        Sends sends = ordered.stream().map(Step::sends).reduce(Sends.NONE, Sends::plus);
        BigDecimal cost = cost(key, sends.sent(), period);
        BigDecimal costPerMql = i.convertedToMql() == 0 ? null
                : cost.divide(BigDecimal.valueOf(i.convertedToMql()), 2, RoundingMode.HALF_UP);
        return new Campaign(key, i.enrolled(), i.active(), i.completed(), i.exitedOnGoal(), i.cancelled(), sends,
                i.convertedToMql(), cost, costPerMql, ordered);
    }

    /** The campaign's monthly cost prorated to the period's days, plus its cost per message sent. */
    BigDecimal cost(String campaign, long sent, ReportPeriod period) {
        ReportingProperties.CampaignCost cost = properties.costOf(campaign);
        return cost.perMonth().multiply(BigDecimal.valueOf(period.days())).divide(DAYS_PER_MONTH, 10, RoundingMode.HALF_UP)
                .add(cost.perSend().multiply(BigDecimal.valueOf(sent)))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
