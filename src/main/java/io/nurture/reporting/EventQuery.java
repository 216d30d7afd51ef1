package io.nurture.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.event.EventType;
import io.nurture.reporting.EventReport.TypeCount;

@Repository
class EventQuery {

    // ix_contact_event_type_at (type, occurred_at) serves the period per type
    private static final String BY_TYPE = """
            SELECT type, COUNT(*) AS events, COUNT(DISTINCT contact_id) AS contacts FROM contact_event
            WHERE occurred_at >= ? AND occurred_at < ? GROUP BY type ORDER BY events DESC, type""";

    private final JdbcClient jdbc;

    EventQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    EventReport report(ReportPeriod period) {
        return new EventReport(period.from(), period.to(), jdbc.sql(BY_TYPE).params(period.start(), period.end())
                .query((rs, row) -> new TypeCount(rs.getString("type"),
                        EventType.fromWireName(rs.getString("type")).map(EventType::isBuiltIn).orElse(false),
                        rs.getLong("events"), rs.getLong("contacts")))
                .list());
    }
}
