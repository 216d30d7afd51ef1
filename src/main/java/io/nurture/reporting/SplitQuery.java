package io.nurture.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per branch of a campaign's A/B splits (the campaign module's {@code ab_assignment}, since it started): its contacts,
 * the sends its instances made in the branch with their opens and clicks, and its instances that exited on goal, each
 * counted as the campaign report counts it ({@link SendFigures}, {@link CampaignInstances}).
 */
@Repository
class SplitQuery {

    /** One branch of one split. */
    record Branch(String splitId, String variant) {
    }

    /** One branch of a split with its results: contacts, sends, opens, clicks and goal exits. */
    record BranchResult(String splitId, String variant, long contacts, long sent, long opened, long clicked,
            long reachedGoal) {
    }

    /** A send belongs to the branch when its instance made it there: its key starts with the instance's id. */
    private static final String BRANCHES = """
            SELECT a.split_id, a.variant, COUNT(DISTINCT a.contact_id) AS contacts, COUNT(d.id) AS sent, {factCounts}
            FROM ab_assignment a
            LEFT JOIN delivery d ON d.campaign = a.campaign AND d.contact_id = a.contact_id AND d.variant = a.variant
                                 AND d.idempotency_key LIKE a.process_instance_id || ':%' AND d.sent_at IS NOT NULL
            LEFT JOIN delivery_report r ON r.delivery_id = d.id
            WHERE a.campaign = ?
            GROUP BY a.split_id, a.variant
            ORDER BY a.split_id, a.variant"""
            .replace("{factCounts}", SendFigures.FACT_COUNTS);

    /** The sends, opens and clicks of the campaign's pruned sends per branch ({@link SendRollup}). */
    private static final String PRUNED = """
            SELECT split_id, variant, SUM(sent) AS sent, SUM(opened) AS opened, SUM(clicked) AS clicked
            FROM split_send_totals WHERE campaign = ? GROUP BY split_id, variant""";

    private final JdbcClient jdbc;
    private final CampaignInstances instances;

    SplitQuery(JdbcClient jdbc, CampaignInstances instances) {
        this.jdbc = jdbc;
        this.instances = instances;
    }

    List<BranchResult> results(String campaign) {
        Map<Branch, Long> goalExits = instances.goalExitsPerBranch(campaign);
        Map<Branch, long[]> pruned = new HashMap<>();
        jdbc.sql(PRUNED).param(campaign).query(rs -> {
            pruned.put(new Branch(rs.getString("split_id"), rs.getString("variant")),
                    new long[] { rs.getLong("sent"), rs.getLong("opened"), rs.getLong("clicked") });
        });
        return jdbc.sql(BRANCHES).param(campaign)
                .query((rs, row) -> {
                    Branch branch = new Branch(rs.getString("split_id"), rs.getString("variant"));
                    SendFigures.Counts sends = SendFigures.Counts.of(rs.getLong("sent"), rs);
                    long[] before = pruned.getOrDefault(branch, new long[3]);
                    return new BranchResult(branch.splitId(), branch.variant(), rs.getLong("contacts"),
                            sends.sent() + before[0], sends.opened() + before[1], sends.clicked() + before[2],
                            goalExits.getOrDefault(branch, 0L));
                })
                .list();
    }
}
