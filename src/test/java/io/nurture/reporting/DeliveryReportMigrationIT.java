package io.nurture.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.nurture.TestPostgres;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.MoveFacts;
import io.nurture.lifecycle.TestFunnels;

/**
 * A database of the days before the report facts (V5) with a contact's sends and reactions, migrated to today on H2
 * and on PostgreSQL: the frozen V6_1 fills the facts in where V6 put them, V8 moves them to reporting's
 * {@code delivery_report} and drops them from channel's {@code delivery}, and they are the facts that today's
 * {@link ReportFacts} works out.
 */
class DeliveryReportMigrationIT {

    private static final String SCHEMA = "delivery_report_migration";
    private static final Instant SENT = Instant.parse("2020-05-04T09:00:00Z");
    private static final Instant MQL_AT = SENT.plusSeconds(86_400);
    private static final Instant LATER = MQL_AT.plusSeconds(86_400);

    private final Funnel funnel = TestFunnels.defaults();

    @Test
    void onH2() {
        migrate(new DriverManagerDataSource("jdbc:h2:mem:delivery-report-migration;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void onPostgres() throws SQLException {
        try (Connection connection = new DriverManagerDataSource(TestPostgres.URL, "postgres", "").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException unreachable) {
            String message = "PostgreSQL at " + TestPostgres.URL + " is unreachable: " + unreachable.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI must test PostgreSQL)");
            }
            Assumptions.abort(message + " - skipping the migration test on PostgreSQL");
        }
        String url = TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        try {
            migrate(new DriverManagerDataSource(url, "postgres", ""));
        } finally {
            JdbcClient.create(new DriverManagerDataSource(TestPostgres.URL, "postgres", ""))
                    .sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
        }
    }

    private void migrate(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        flyway(dataSource, "5").migrate();
        String contact = "c-" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO contact (id, email, lifecycle_stage, created_at, updated_at)
                VALUES (?, ?, 'MQL', ?, ?)""")
                .params(contact, contact + "@example.com", at(SENT), at(SENT)).update();
        move(jdbc, contact, null, "LEAD", SENT.minusSeconds(3600));
        move(jdbc, contact, "LEAD", "MQL", MQL_AT);
        String reacted = send(jdbc, contact, "Task_Welcome", SENT);
        event(jdbc, contact, reacted, "email_clicked", null, SENT.plusSeconds(60)); // the pixel was blocked
        event(jdbc, contact, reacted, "unsubscribed", null, SENT.plusSeconds(120));
        String bounced = send(jdbc, contact, "Task_Tips", LATER);
        event(jdbc, contact, bounced, "email_bounced", "{\"bounceType\":\"hard\"}", LATER.plusSeconds(60));
        String silent = send(jdbc, contact, "Task_Story", LATER);

        flyway(dataSource, "latest").migrate();

        List<String> moved = facts(jdbc, reacted, bounced, silent);
        assertThat(moved).containsExactly( // Task_Tips before Task_Welcome; Task_Story has no facts
                bounced + " opened null clicked null unsubscribed null bounced " + LATER.plusSeconds(60)
                        + " hard true converted null of " + contact + "/Task_Tips sent " + LATER,
                reacted + " opened " + SENT.plusSeconds(60) + " clicked " + SENT.plusSeconds(60) + " unsubscribed "
                        + SENT.plusSeconds(120) + " bounced null hard false converted " + MQL_AT + " of " + contact
                        + "/Task_Welcome sent " + SENT);
        assertThat(jdbc.sql("SELECT to_stage || '>' || next_stage FROM stage_transition WHERE contact_id = ?"
                + " AND next_stage IS NOT NULL").param(contact).query(String.class).list()).containsExactly("LEAD>MQL");
        assertThatThrownBy(() -> jdbc.sql("SELECT opened_at FROM delivery").query().listOfRows())
                .isInstanceOf(BadSqlGrammarException.class);

        new ReportFacts(new MoveFacts(jdbc), new DeliveryFacts(jdbc, funnel)).fillAll();
        assertThat(facts(jdbc, reacted, bounced, silent)).isEqualTo(moved);
    }

    private Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("nurture_schema_history").javaMigrations(new V6_1__FillReportFacts(funnel)).target(target)
                .load();
    }

    private static List<String> facts(JdbcClient jdbc, String... deliveryIds) {
        return jdbc.sql("""
                SELECT delivery_id, opened_at, clicked_at, unsubscribed_at, bounced_at, hard_bounced, converted_at,
                       contact_id, step, sent_at
                FROM delivery_report WHERE delivery_id IN (?, ?, ?) ORDER BY delivery_id""")
                .params((Object[]) deliveryIds)
                .query((rs, row) -> rs.getString(1) + " opened " + instant(rs.getTimestamp(2)) + " clicked "
                        + instant(rs.getTimestamp(3)) + " unsubscribed " + instant(rs.getTimestamp(4)) + " bounced "
                        + instant(rs.getTimestamp(5)) + " hard " + rs.getBoolean(6) + " converted "
                        + instant(rs.getTimestamp(7)) + " of " + rs.getString(8) + "/" + rs.getString(9) + " sent "
                        + instant(rs.getTimestamp(10)))
                .list();
    }

    private static void move(JdbcClient jdbc, String contact, String from, String to, Instant at) {
        jdbc.sql("""
                INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at)
                VALUES (?, ?, ?, 1, 'seeded', 'test', ?)""").params(contact, from, to, at(at)).update();
    }

    private static String send(JdbcClient jdbc, String contact, String step, Instant sentAt) {
        String id = "d-" + step + "-" + System.nanoTime();
        jdbc.sql("""
                INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, status, attempts, created_at,
                                      sent_at, campaign, step)
                VALUES (?, ?, ?, 'email', 'tpl', 'SENT', 1, ?, ?, 'welcome', ?)""")
                .params(id, id, contact, at(sentAt), at(sentAt), step).update();
        return id;
    }

    private static void event(JdbcClient jdbc, String contact, String deliveryId, String type, String properties,
            Instant at) {
        jdbc.sql("""
                INSERT INTO contact_event (id, contact_id, type, occurred_at, received_at, properties, delivery_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params("e-" + System.nanoTime(), contact, type, at(at), at(at), properties, deliveryId).update();
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
