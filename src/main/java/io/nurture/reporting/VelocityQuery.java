package io.nurture.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.contact.LifecycleStage;
import io.nurture.lifecycle.Funnel;

/**
 * Velocity from the ledger: every move straight from one stage to the next one in the funnel made in the period, timed
 * from the contact's entry into the stage it left (so a recycled MQL #2 is timed from its own LEAD re-entry). Moves
 * that skipped a stage or went backwards are left out. Each ledger row knows the contact's next move (the report
 * facts), so a move and the entry it is timed from are one row.
 */
@Repository
class VelocityQuery {

    private static final String MOVES = """
            SELECT t.next_stage AS to_stage, t.next_at AS reached_at, t.at AS entered_at
            FROM stage_transition t
            WHERE t.next_at >= ? AND t.next_at < ? AND t.to_stage = %s""";

    private static final double SECONDS_PER_DAY = 86_400d;

    private final JdbcClient jdbc;
    private final Funnel funnel;
    private final String movesSql;

    VelocityQuery(JdbcClient jdbc, Funnel funnel, StageSql stageSql) {
        this.jdbc = jdbc;
        this.funnel = funnel;
        this.movesSql = MOVES.formatted(stageSql.previous("t.next_stage"));
    }

    VelocityReport report(ReportPeriod period) {
        Map<LifecycleStage, List<Double>> overall = new HashMap<>();
        Map<YearMonth, Map<LifecycleStage, List<Double>>> months = new TreeMap<>();
        jdbc.sql(movesSql).params(period.start(), period.end()).query(rs -> {
            LifecycleStage to = LifecycleStage.of(rs.getString("to_stage"));
            Instant reached = rs.getTimestamp("reached_at").toInstant();
            double days = Duration.between(rs.getTimestamp("entered_at").toInstant(), reached).toSeconds()
                    / SECONDS_PER_DAY;
            overall.computeIfAbsent(to, s -> new ArrayList<>()).add(days);
            months.computeIfAbsent(YearMonth.from(reached.atZone(ZoneOffset.UTC)),
                    m -> new HashMap<>()).computeIfAbsent(to, s -> new ArrayList<>()).add(days);
        });
        List<VelocityReport.Month> series = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
                month = month.plusMonths(1)) {
            series.add(new VelocityReport.Month(month.toString(), steps(months.getOrDefault(month, Map.of()))));
        }
        return new VelocityReport(period.from(), period.to(), steps(overall), series);
    }

    /** One row per consecutive pair, in funnel order, also when nobody made that move. */
    private List<VelocityReport.Step> steps(Map<LifecycleStage, List<Double>> daysByTarget) {
        return funnel.stages().stream().skip(1).map(to -> {
            List<Double> days = daysByTarget.getOrDefault(to, List.of());
            return new VelocityReport.Step(funnel.previous(to).orElseThrow().name(), to.name(), days.size(),
                    average(days), median(days));
        }).toList();
    }

    private static Double average(List<Double> days) {
        return days.isEmpty() ? null
                : Ratios.round(days.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 2);
    }

    private static Double median(List<Double> days) {
        if (days.isEmpty()) {
            return null;
        }
        double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Ratios.round(median, 2);
    }
}
