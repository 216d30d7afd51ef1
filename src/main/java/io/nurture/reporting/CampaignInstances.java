package io.nurture.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageRole;
import io.nurture.process.CampaignGoals;
import io.nurture.reporting.SplitQuery.Branch;

/**
 * The one place the reports read Camunda's history (ACT_HI_PROCINST, business key = contact id), and so the one
 * definition of a campaign instance. A campaign instance is a top-level instance of a process that is not one of
 * {@code nurture.reporting.non-campaign-processes}. Its goal exit is {@link CampaignGoals}'s (the segments' campaign
 * conditions use the same one).
 */
@Repository
class CampaignInstances {

    static final String GOAL_END_EVENT_PREFIX = CampaignGoals.GOAL_END_EVENT_PREFIX;
    static final String GOAL_EVENT_SUB_PROCESS_PREFIX = CampaignGoals.GOAL_EVENT_SUB_PROCESS_PREFIX;

    private static final String EXITED_ON_GOAL = "(p.END_ACT_ID_ LIKE :goal OR p.END_ACT_ID_ LIKE :goalSubProcess)";

    private static final String CAMPAIGN_INSTANCE =
            "p.PROC_DEF_KEY_ NOT IN (:excluded) AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL";

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
                         CASE WHEN {exitedOnGoal} THEN 1 ELSE 0 END AS goal
                  FROM ACT_HI_PROCINST p
                  WHERE {campaignInstance} AND (p.END_TIME_ IS NULL OR p.END_TIME_ >= :start)) i
            GROUP BY i.campaign"""
            .replace("{exitedOnGoal}", EXITED_ON_GOAL).replace("{campaignInstance}", CAMPAIGN_INSTANCE);

    /** Instances started in the period whose contact (the business key) entered MQL after the start. */
    private static final String CONVERTED_INSTANCES = """
            SELECT p.PROC_DEF_KEY_ AS campaign, COUNT(*) AS converted FROM ACT_HI_PROCINST p
            WHERE p.START_TIME_ >= :start AND p.START_TIME_ < :end AND {campaignInstance}
              AND EXISTS (SELECT 1 FROM stage_transition s
                          WHERE s.contact_id = p.BUSINESS_KEY_ AND s.to_stage = :qualified AND s.at >= p.START_TIME_)
            GROUP BY p.PROC_DEF_KEY_""".replace("{campaignInstance}", CAMPAIGN_INSTANCE);

    /** The instances of each branch of a campaign's A/B splits (in {@code ab_assignment}) that exited on goal. */
    private static final String GOAL_EXITS_PER_BRANCH = """
            SELECT a.split_id, a.variant, COUNT(*) AS goal
            FROM ab_assignment a JOIN ACT_HI_PROCINST p ON p.ID_ = a.process_instance_id
            WHERE a.campaign = :campaign AND {exitedOnGoal}
            GROUP BY a.split_id, a.variant""".replace("{exitedOnGoal}", EXITED_ON_GOAL);

    /**
     * @param enrolled instances started in the period
     * @param active instances running now
     * @param completed instances that ran to an ordinary end in the period
     * @param exitedOnGoal instances that exited on goal in the period
     * @param cancelled instances ended from outside (deleted, migrated away) in the period
     * @param convertedToMql instances started in the period whose contact entered MQL after their start
     */
    record Counts(long enrolled, long active, long completed, long exitedOnGoal, long cancelled, long convertedToMql) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts withConverted(long converted) {
            return new Counts(enrolled, active, completed, exitedOnGoal, cancelled, converted);
        }
    }

    private final JdbcClient jdbc;
    private final ReportingProperties properties;
    private final String qualifiedStage;

    CampaignInstances(JdbcClient jdbc, ReportingProperties properties, Funnel funnel) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.qualifiedStage = funnel.require(StageRole.QUALIFIED).name();
    }

    /** Per campaign (process definition key), its instances in the period. */
    Map<String, Counts> inPeriod(ReportPeriod period) {
        Map<String, Counts> campaigns = new TreeMap<>();
        jdbc.sql(INSTANCES)
                .param("start", period.start()).param("end", period.end())
                .param("goal", GOAL_END_EVENT_PREFIX + "%")
                .param("goalSubProcess", GOAL_EVENT_SUB_PROCESS_PREFIX + "%")
                .param("excluded", excluded())
                .query(rs -> {
                    campaigns.put(rs.getString("campaign"), new Counts(rs.getLong("enrolled"), rs.getLong("active"),
                            rs.getLong("completed"), rs.getLong("exited_on_goal"), rs.getLong("cancelled"), 0));
                });
        jdbc.sql(CONVERTED_INSTANCES)
                .param("start", period.start()).param("end", period.end()).param("excluded", excluded())
                .param("qualified", qualifiedStage)
                .query(rs -> {
                    campaigns.merge(rs.getString("campaign"), Counts.NONE.withConverted(rs.getLong("converted")),
                            (counts, converted) -> counts.withConverted(converted.convertedToMql()));
                });
        return campaigns;
    }

    /** Per branch of the campaign's A/B splits, its instances that exited on goal (so far, whenever they ended). */
    Map<Branch, Long> goalExitsPerBranch(String campaign) {
        Map<Branch, Long> exits = new HashMap<>();
        jdbc.sql(GOAL_EXITS_PER_BRANCH)
                .param("campaign", campaign)
                .param("goal", GOAL_END_EVENT_PREFIX + "%")
                .param("goalSubProcess", GOAL_EVENT_SUB_PROCESS_PREFIX + "%")
                .query(rs -> {
                    exits.put(new Branch(rs.getString("split_id"), rs.getString("variant")), rs.getLong("goal"));
                });
        return exits;
    }

    private List<String> excluded() {
        return properties.nonCampaignProcesses().isEmpty() ? List.of("") : properties.nonCampaignProcesses();
    }
}
