package io.nurture.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.lifecycle.StageRole;
import io.nurture.reporting.NurtureReport.Bucket;
import io.nurture.reporting.NurtureReport.ScoreProfile;
import io.nurture.reporting.NurtureReport.SourceCount;

@Repository
class NurtureQuery {

    private static final String ENTRIES = """
            SELECT SUM(CASE WHEN to_stage = %1$s AND entry = 1 THEN 1 ELSE 0 END) AS new_leads,
                   SUM(CASE WHEN to_stage = %1$s AND entry > 1 THEN 1 ELSE 0 END) AS reopened_leads,
                   SUM(CASE WHEN to_stage = %2$s THEN 1 ELSE 0 END) AS mqls,
                   SUM(CASE WHEN to_stage = %2$s AND entry = 1 THEN 1 ELSE 0 END) AS new_mqls
            FROM stage_transition WHERE to_stage IN (%1$s, %2$s) AND at >= ? AND at < ?""";

    private static final String NEW_LEADS = """
            SELECT c.behaviour_score, c.fit_score, c.source
            FROM stage_transition t JOIN contact c ON c.id = t.contact_id
            WHERE t.to_stage = %1$s AND t.entry = 1 AND t.at >= ? AND t.at < ?""";

    private static final String SENT_PER_CAMPAIGN = """
            SELECT campaign, COUNT(*) FROM delivery
            WHERE sent_at >= :start AND sent_at < :end AND campaign IS NOT NULL GROUP BY campaign
            UNION ALL
            SELECT campaign, SUM(sent) FROM send_daily WHERE sent_day >= :from AND sent_day <= :to GROUP BY campaign""";

    private static final String UNKNOWN_SOURCE = "(unknown)";

    private final JdbcClient jdbc;
    private final ReportingProperties properties;
    private final CampaignQuery campaigns;
    private final String entriesSql;
    private final String newLeadsSql;

    NurtureQuery(JdbcClient jdbc, ReportingProperties properties, CampaignQuery campaigns, StageSql stageSql) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.campaigns = campaigns;
        String known = stageSql.literal(StageRole.KNOWN);
        this.entriesSql = ENTRIES.formatted(known, stageSql.literal(StageRole.QUALIFIED));
        this.newLeadsSql = NEW_LEADS.formatted(known);
    }

    NurtureReport report(ReportPeriod period) {
        long[] entries = new long[4];
        jdbc.sql(entriesSql).params(period.start(), period.end()).query(rs -> {
            for (int i = 0; i < entries.length; i++) {
                entries[i] = rs.getLong(i + 1);
            }
        });
        List<Integer> bounds = properties.scoreBuckets().stream().sorted().toList();
        long[] bucketCounts = new long[bounds.size() + 1]; // [0] holds scores below the lowest bound
        Map<String, Long> sources = new TreeMap<>();
        long[] sums = new long[3]; // behaviour, fit, leads
        jdbc.sql(newLeadsSql).params(period.start(), period.end()).query(rs -> {
            int behaviour = rs.getInt(1);
            int fit = rs.getInt(2);
            String source = rs.getString(3);
            bucketCounts[bucketOf(behaviour + fit, bounds)]++;
            sources.merge(source == null || source.isBlank() ? UNKNOWN_SOURCE : source, 1L, Long::sum);
            sums[0] += behaviour;
            sums[1] += fit;
            sums[2]++;
        });
        BigDecimal cost = totalCost(period);
        BigDecimal costPerMql = entries[2] == 0 ? null
                : cost.divide(BigDecimal.valueOf(entries[2]), 2, RoundingMode.HALF_UP);
        ScoreProfile scores = new ScoreProfile(sums[2] == 0 ? null : Ratios.round(sums[0] / (double) sums[2], 2),
                sums[2] == 0 ? null : Ratios.round(sums[1] / (double) sums[2], 2), buckets(bounds, bucketCounts));
        List<SourceCount> bySource = sources.entrySet().stream()
                .map(e -> new SourceCount(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparingLong(SourceCount::leads).reversed()
                        .thenComparing(SourceCount::source))
                .toList();
        return new NurtureReport(period.from(), period.to(), entries[0], entries[1], entries[2], entries[3], cost,
                costPerMql, scores, bySource);
    }

    private static int bucketOf(int score, List<Integer> bounds) {
        int bucket = 0;
        for (int i = 0; i < bounds.size(); i++) {
            if (score >= bounds.get(i)) {
                bucket = i + 1;
            }
        }
        return bucket;
    }

    private static List<Bucket> buckets(List<Integer> bounds, long[] counts) {
        List<Bucket> buckets = new ArrayList<>();
        if (counts[0] > 0) {
            buckets.add(new Bucket("< " + bounds.get(0), null, bounds.get(0) - 1, counts[0]));
        }
        for (int i = 0; i < bounds.size(); i++) {
            Integer min = bounds.get(i);
            Integer max = i + 1 < bounds.size() ? bounds.get(i + 1) - 1 : null;
            buckets.add(new Bucket(max == null ? min + "+" : min + "-" + max, min, max, counts[i + 1]));
        }
        return buckets;
    }

    /** Every configured campaign's cost plus the per-send cost of every campaign that sent in the period. */
    private BigDecimal totalCost(ReportPeriod period) {
        Map<String, Long> sent = new HashMap<>();
        jdbc.sql(SENT_PER_CAMPAIGN).params(CampaignQuery.periodParams(period))
                .query(rs -> {
                    sent.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        TreeSet<String> keys = new TreeSet<>(properties.campaigns().keySet());
        keys.addAll(sent.keySet());
        return keys.stream()
                .map(key -> campaigns.cost(key, sent.getOrDefault(key, 0L), period))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
