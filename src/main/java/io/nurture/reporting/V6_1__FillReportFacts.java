package io.nurture.reporting;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageRole;

/**
 * Fills in the report facts that V6 added for the rows written before it (Spring Boot hands this bean to Flyway).
 * Frozen: its SQL is the text of the day V6 shipped, against the columns V6 added (later migrations move them, V8 into
 * {@code delivery_report}), so it must not call the report code of today. Its one input is the name of the configured
 * qualified stage (MQL), as it was then.
 */
@Component
class V6_1__FillReportFacts extends BaseJavaMigration {

    private static final String LATER_MOVE = """
            FROM stage_transition n
            WHERE n.contact_id = t.contact_id AND (n.at > t.at OR (n.at = t.at AND n.id > t.id))""";

    private static final String MOVE_FACTS = """
            UPDATE stage_transition t SET
              next_stage = (SELECT n.to_stage %s ORDER BY n.at, n.id FETCH FIRST 1 ROW ONLY),
              next_at = (SELECT MIN(n.at) %s),
              previous_entry_at = (SELECT MAX(p.at) FROM stage_transition p
                                   WHERE p.contact_id = t.contact_id AND p.to_stage = t.to_stage
                                     AND (p.at < t.at OR (p.at = t.at AND p.id < t.id)))"""
            .formatted(LATER_MOVE, LATER_MOVE);

    private static final String SEND_FACTS = """
            UPDATE delivery d SET
              opened_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                           WHERE e.delivery_id = d.id AND e.type IN ('email_opened', 'email_clicked')),
              clicked_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                            WHERE e.delivery_id = d.id AND e.type = 'email_clicked'),
              unsubscribed_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                                 WHERE e.delivery_id = d.id AND e.type = 'unsubscribed'),
              bounced_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                            WHERE e.delivery_id = d.id AND e.type = 'email_bounced'),
              hard_bounced = EXISTS (SELECT 1 FROM contact_event e
                                     WHERE e.delivery_id = d.id AND e.type = 'email_bounced'
                                       AND e.properties LIKE '%"bounceType":"hard"%'),
              converted_at = (SELECT MIN(s.at) FROM stage_transition s
                              WHERE s.contact_id = d.contact_id AND s.to_stage = :qualified AND s.at >= d.sent_at)""";

    private final String qualifiedStage;

    V6_1__FillReportFacts(Funnel funnel) {
        this.qualifiedStage = funnel.require(StageRole.QUALIFIED).name();
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.sql(MOVE_FACTS).update();
        jdbc.sql(SEND_FACTS).param("qualified", qualifiedStage).update();
    }
}
