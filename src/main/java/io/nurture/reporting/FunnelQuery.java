package io.nurture.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.lifecycle.Funnel;

/**
 * The funnel from the transition ledger. An entry into a stage converted when the contact's next move (in ledger
 * order) went to a later stage; so a recycled MQL #1 does not count as converted while its MQL #2 may.
 */
@Repository
class FunnelQuery {

    /**
     * Each entry knows the contact's next move and previous entry into the stage (the report facts), so only the
     * period's entries are read; a contact counts once, at its first entry in the period.
     */
    private static final String ENTRIES = """
            SELECT t.to_stage AS stage, COUNT(*) AS entries, SUM(CASE WHEN t.entry > 1 THEN 1 ELSE 0 END) AS re_entries,
                   SUM(CASE WHEN t.previous_entry_at IS NULL OR t.previous_entry_at < ? THEN 1 ELSE 0 END)
                       AS contacts,
                   SUM(CASE WHEN %s > %s THEN 1 ELSE 0 END) AS converted,
                   SUM(CASE WHEN %s < %s THEN 1 ELSE 0 END) AS moved_back
            FROM stage_transition t
            WHERE t.at >= ? AND t.at < ?
            GROUP BY t.to_stage""";

    private final JdbcClient jdbc;
    private final Funnel funnel;
    private final String entriesSql;

    FunnelQuery(JdbcClient jdbc, Funnel funnel, StageSql stageSql) {
        this.jdbc = jdbc;
        this.funnel = funnel;
        this.entriesSql = ENTRIES.formatted(stageSql.rank("t.next_stage"), stageSql.rank("t.to_stage"),
                stageSql.rank("t.next_stage"), stageSql.rank("t.to_stage"));
    }

    FunnelReport report(ReportPeriod period) {
        Map<String, Long> current = new HashMap<>();
        jdbc.sql("SELECT lifecycle_stage, COUNT(*) FROM contact GROUP BY lifecycle_stage")
                .query(rs -> {
                    current.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, long[]> entries = new HashMap<>();
        jdbc.sql(entriesSql).params(period.start(), period.start(), period.end()).query(rs -> {
            entries.put(rs.getString("stage"), new long[] { rs.getLong("entries"), rs.getLong("re_entries"),
                    rs.getLong("contacts"), rs.getLong("converted"), rs.getLong("moved_back") });
        });
        List<FunnelReport.Stage> stages = funnel.stages().stream().map(stage -> {
            long[] e = entries.getOrDefault(stage.name(), new long[5]);
            boolean last = funnel.rankOf(stage) == funnel.stages().size() - 1;
            Double rate = e[0] == 0 || last ? null : Ratios.of(e[3], e[0]);
            return new FunnelReport.Stage(stage.name(), current.getOrDefault(stage.name(), 0L), e[0], e[1], e[2],
                    e[3], e[4], e[0] - e[3] - e[4], rate);
        }).toList();
        return new FunnelReport(period.from(), period.to(), stages);
    }
}
