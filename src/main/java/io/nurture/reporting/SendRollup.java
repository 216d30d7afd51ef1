package io.nurture.reporting;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveriesPruning;
import io.nurture.contact.ContactErased;
import io.nurture.contact.ContactsMerged;

/**
 * Keeps the report figures of sends whose deliveries are pruned: per UTC day of sending, campaign, step, branch and
 * contact in {@code send_daily} (the campaign and nurture reports), per A/B branch in {@code split_send_totals} (the
 * split report), and their facts rows go. In the transaction that deletes the deliveries, so each send counts once,
 * raw or rolled up. A pruned send's figures are final: a conversion after the pruning no longer counts for it.
 */
@Component
class SendRollup {

    private static final String SENDS = """
            SELECT d.contact_id, d.campaign, d.step, d.variant, d.sent_at, {flags}
            FROM delivery d LEFT JOIN delivery_report r ON r.delivery_id = d.id
            WHERE d.id IN (:ids) AND d.campaign IS NOT NULL AND d.sent_at IS NOT NULL"""
            .replace("{flags}", SendFigures.FACT_FLAGS);

    /** The branches' sends as {@link SplitQuery} counts them. */
    private static final String BRANCHES = """
            SELECT a.campaign, a.split_id, a.variant, COUNT(d.id) AS sent, COUNT(r.opened_at) AS opened,
                   COUNT(r.clicked_at) AS clicked
            FROM ab_assignment a
            JOIN delivery d ON d.campaign = a.campaign AND d.contact_id = a.contact_id AND d.variant = a.variant
                            AND d.idempotency_key LIKE a.process_instance_id || ':%' AND d.sent_at IS NOT NULL
            LEFT JOIN delivery_report r ON r.delivery_id = d.id
            WHERE d.id IN (:ids)
            GROUP BY a.campaign, a.split_id, a.variant""";

    private static final String[] FIGURES = { "opened", "clicked", "unsubscribed", "bounced", "hard_bounced",
            "converted" };

    private record Day(LocalDate day, String campaign, String step, String variant, String contactId) {
    }

    private final JdbcClient jdbc;

    SendRollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DeliveriesPruning pruning) {
        Map<Day, long[]> days = new LinkedHashMap<>(); // sent, then FIGURES
        jdbc.sql(SENDS).param("ids", pruning.deliveryIds()).query(rs -> {
            Day day = new Day(LocalDate.ofInstant(rs.getTimestamp("sent_at").toInstant(), ZoneOffset.UTC),
                    rs.getString("campaign"), rs.getString("step"), rs.getString("variant"),
                    rs.getString("contact_id"));
            long[] sums = days.computeIfAbsent(day, d -> new long[FIGURES.length + 1]);
            sums[0]++;
            for (int i = 0; i < FIGURES.length; i++) {
                sums[i + 1] += rs.getLong(FIGURES[i]);
            }
        });
        days.forEach((day, sums) -> jdbc.sql("""
                INSERT INTO send_daily (sent_day, campaign, step, variant, contact_id, sent, opened, clicked,
                                        unsubscribed, bounced, hard_bounced, converted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(day.day(), day.campaign(), day.step(), day.variant(), day.contactId(), sums[0], sums[1],
                        sums[2], sums[3], sums[4], sums[5], sums[6])
                .update());
        List<Object[]> branches = jdbc.sql(BRANCHES).param("ids", pruning.deliveryIds())
                .query((rs, row) -> new Object[] { rs.getString("campaign"), rs.getString("split_id"),
                        rs.getString("variant"), rs.getLong("sent"), rs.getLong("opened"), rs.getLong("clicked") })
                .list();
        branches.forEach(branch -> jdbc.sql("""
                INSERT INTO split_send_totals (campaign, split_id, variant, sent, opened, clicked)
                VALUES (?, ?, ?, ?, ?, ?)""").params(Arrays.asList(branch)).update());
        jdbc.sql("DELETE FROM delivery_report WHERE delivery_id IN (:ids)").param("ids", pruning.deliveryIds())
                .update();
    }

    @EventListener
    void on(ContactsMerged merged) {
        jdbc.sql("UPDATE send_daily SET contact_id = ? WHERE contact_id = ?")
                .params(merged.survivorId(), merged.mergedId()).update();
    }

    /** The erased contact's share of the daily figures goes; the branch totals name nobody and stay. */
    @EventListener
    void on(ContactErased erased) {
        jdbc.sql("DELETE FROM send_daily WHERE contact_id = ?").param(erased.contactId()).update();
    }
}
