package io.nurture.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.event.EventType;
import io.nurture.reporting.EventReport.TypeCount;

@Repository
class EventQuery {

    /**
     * The period's events, raw and pruned: an event is either a {@code contact_event} row or counted in its day's
     * {@code contact_event_daily} row (the event module moves it in one transaction), so the sums and the distinct
     * contacts are the same before and after pruning. ix_contact_event_type_at and ix_contact_event_daily_day serve
     * the period.
     */
    private static final String BY_TYPE = """
            SELECT type, SUM(events) AS events, COUNT(DISTINCT contact_id) AS contacts FROM (
                SELECT type, contact_id, 1 AS events FROM contact_event WHERE occurred_at >= ? AND occurred_at < ?
                UNION ALL
                SELECT type, contact_id, event_count AS events FROM contact_event_daily
                WHERE event_day >= ? AND event_day <= ?) e
            GROUP BY type ORDER BY events DESC, type""";

    private final JdbcClient jdbc;

    EventQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    EventReport report(ReportPeriod period) {
        return new EventReport(period.from(), period.to(), jdbc.sql(BY_TYPE)
                .params(period.start(), period.end(), period.from(), period.to())
                .query((rs, row) -> new TypeCount(rs.getString("type"),
                        EventType.fromWireName(rs.getString("type")).map(EventType::isBuiltIn).orElse(false),
                        rs.getLong("events"), rs.getLong("contacts")))
                .list());
    }
}
