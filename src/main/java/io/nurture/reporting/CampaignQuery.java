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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageRole;
import io.nurture.reporting.CampaignReport.Campaign;
import io.nurture.reporting.CampaignReport.Sends;
import io.nurture.reporting.CampaignReport.Step;

/**
 * Campaign instances come from Camunda's history (ACT_HI_PROCINST, business key = contact id), sends
 * from the delivery log, each with its reactions and conversion as report facts ({@link SendFigures}).
 */
@Repository
class CampaignQuery {

    static final String GOAL_END_EVENT_PREFIX = "EndEvent_Goal";
    static final String GOAL_EVENT_SUB_PROCESS_PREFIX = "SubProcess_Goal";

    /**
     * An instance exited on goal when it ended at a top-level end event {@code EndEvent_Goal...} or through an
     * interrupting event sub-process {@code SubProcess_Goal...} (the usual "left on MQL"): the history then names
     * the sub-process as the instance's end activity.
     */
    private static final String INSTANCES = """
            SELECT i.campaign,
                   SUM(i.started) AS enrolled,
                   SUM(CASE WHEN i.end_time IS NULL THEN 1 ELSE 0 END) AS active,
                   SUM(CASE WHEN i.ended = 1 AND i.goal = 0 AND i.state = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
                   SUM(CASE WHEN i.ended = 1 AND i.goal = 1 THEN 1 ELSE 0 END) AS exited_on_goal,
                   SUM(CASE WHEN i.ended = 1 AND i.goal = 0 AND i.state <> 'COMPLETED' THEN 1 ELSE 0 END) AS cancelled
            FROM (SELECT p.PROC_DEF_KEY_ AS campaign, p.END_TIME_ AS end_time, p.STATE_ AS state,
                         CASE WHEN p.START_TIME_ >= :start AND p.START_TIME_ < :end THEN 1 ELSE 0 END AS started,
                         CASE WHEN p.END_TIME_ >= :start AND p.END_TIME_ < :end THEN 1 ELSE 0 END AS ended,
                         CASE WHEN p.END_ACT_ID_ LIKE :goal OR p.END_ACT_ID_ LIKE :goalSubProcess
                              THEN 1 ELSE 0 END AS goal
                  FROM ACT_HI_PROCINST p
                  WHERE p.PROC_DEF_KEY_ NOT IN (:excluded) AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL
                    AND (p.END_TIME_ IS NULL OR p.END_TIME_ >= :start)) i
            GROUP BY i.campaign""";

    /** Instances started in the period whose contact (the business key) entered MQL after the start. */
    private static final String CONVERTED_INSTANCES = """
            SELECT p.PROC_DEF_KEY_ AS campaign, COUNT(*) AS converted FROM ACT_HI_PROCINST p
            WHERE p.START_TIME_ >= :start AND p.START_TIME_ < :end
              AND p.PROC_DEF_KEY_ NOT IN (:excluded) AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL
              AND EXISTS (SELECT 1 FROM stage_transition s
                          WHERE s.contact_id = p.BUSINESS_KEY_ AND s.to_stage = :qualified AND s.at >= p.START_TIME_)
            GROUP BY p.PROC_DEF_KEY_""";

    /** Per step and branch: the sends of the period. */
    private static final String SENDS = """
            SELECT d.campaign, d.step, d.variant, COUNT(*) AS sent FROM delivery d
            WHERE d.campaign IS NOT NULL AND d.sent_at >= :start AND d.sent_at < :end
            GROUP BY d.campaign, d.step, d.variant""";

    /** Per step and branch: the facts of the period's sends. */
    private static final String FACTS = """
            SELECT r.campaign, r.step, r.variant, {factCounts} FROM delivery_report r
            WHERE r.campaign IS NOT NULL AND r.sent_at >= :start AND r.sent_at < :end
            GROUP BY r.campaign, r.step, r.variant""".replace("{factCounts}", SendFigures.FACT_COUNTS);

    private static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

    private final JdbcClient jdbc;
    private final ReportingProperties properties;
    private final String qualifiedStage;

    CampaignQuery(JdbcClient jdbc, ReportingProperties properties, Funnel funnel) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.qualifiedStage = funnel.require(StageRole.QUALIFIED).name();
    }

    CampaignReport report(ReportPeriod period) {
        Map<String, long[]> instances = new TreeMap<>();
        jdbc.sql(INSTANCES)
                .param("start", period.start()).param("end", period.end())
                .param("goal", GOAL_END_EVENT_PREFIX + "%")
                .param("goalSubProcess", GOAL_EVENT_SUB_PROCESS_PREFIX + "%")
                .param("excluded", excluded())
                .query(rs -> {
                    instances.put(rs.getString("campaign"), new long[] { rs.getLong("enrolled"), rs.getLong("active"),
                            rs.getLong("completed"), rs.getLong("exited_on_goal"), rs.getLong("cancelled"), 0 });
                });
        jdbc.sql(CONVERTED_INSTANCES)
                .param("start", period.start()).param("end", period.end()).param("excluded", excluded())
                .param("qualified", qualifiedStage)
                .query(rs -> {
                    instances.computeIfAbsent(rs.getString("campaign"), c -> new long[6])[5] = rs.getLong("converted");
                });
        Map<List<String>, SendFigures.Counts> counts = new HashMap<>();
        jdbc.sql(FACTS).param("start", period.start()).param("end", period.end()).query(rs -> {
            counts.put(step(rs), SendFigures.Counts.of(0, rs));
        });
        jdbc.sql(SENDS).param("start", period.start()).param("end", period.end()).query(rs -> {
            counts.merge(step(rs), SendFigures.Counts.NONE.withSent(rs.getLong("sent")),
                    (facts, sends) -> facts.withSent(sends.sent()));
        });
        Map<String, List<Step>> steps = new TreeMap<>();
        counts.forEach((key, n) -> steps.computeIfAbsent(key.get(0), c -> new ArrayList<>())
                .add(new Step(key.get(1), key.get(2), new Sends(n.sent(), n.delivered(), n.opened(), n.clicked(),
                        n.unsubscribed(), n.bounced()), n.converted())));
        TreeSet<String> keys = new TreeSet<>(instances.keySet());
        keys.addAll(steps.keySet());
        keys.removeAll(properties.nonCampaignProcesses());
        List<Campaign> campaigns = keys.stream()
                .map(key -> campaign(key, instances.getOrDefault(key, new long[6]),
                        steps.getOrDefault(key, List.of()), period))
                .toList();
        return new CampaignReport(period.from(), period.to(), campaigns);
    }

    private static List<String> step(ResultSet rs) throws SQLException {
        return Arrays.asList(rs.getString("campaign"), rs.getString("step"), rs.getString("variant"));
    }

    private Campaign campaign(String key, long[] i, List<Step> steps, ReportPeriod period) {
        List<Step> ordered = steps.stream()
                .sorted(Comparator.comparing((Step s) -> String.valueOf(s.step()))
                        .thenComparing(s -> String.valueOf(s.variant())))
                .toList();
        Sends sends = ordered.stream().map(Step::sends).reduce(Sends.NONE, Sends::plus);
        BigDecimal cost = cost(key, sends.sent(), period);
        BigDecimal costPerMql = i[5] == 0 ? null : cost.divide(BigDecimal.valueOf(i[5]), 2, RoundingMode.HALF_UP);
        return new Campaign(key, i[0], i[1], i[2], i[3], i[4], sends, i[5], cost, costPerMql, ordered);
    }

    /** The campaign's monthly cost prorated to the period's days, plus its cost per message sent. */
    BigDecimal cost(String campaign, long sent, ReportPeriod period) {
        ReportingProperties.CampaignCost cost = properties.costOf(campaign);
        return cost.perMonth().multiply(BigDecimal.valueOf(period.days())).divide(DAYS_PER_MONTH, 10, RoundingMode.HALF_UP)
                .add(cost.perSend().multiply(BigDecimal.valueOf(sent)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    private List<String> excluded() {
        return properties.nonCampaignProcesses().isEmpty() ? List.of("") : properties.nonCampaignProcesses();
    }
}
