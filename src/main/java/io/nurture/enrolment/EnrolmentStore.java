package io.nurture.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolments and their member snapshots: {@code audience_enrolment}, {@code audience_enrolment_member}. */
@Repository
class EnrolmentStore {

    static final String STARTED = "STARTED";
    static final String ALREADY_IN = "ALREADY_IN";
    static final String GONE = "GONE";
    static final String RUNNING = "RUNNING";
    static final String FINISHED = "FINISHED";

    /** Each count is a range of the (enrolment_id, outcome, contact_id) index. */
    private static final String SELECT = """
            SELECT e.*,
              (SELECT COUNT(*) FROM audience_enrolment_member m
               WHERE m.enrolment_id = e.id AND m.outcome = 'STARTED') started,
              (SELECT COUNT(*) FROM audience_enrolment_member m
               WHERE m.enrolment_id = e.id AND m.outcome = 'ALREADY_IN') already_in,
              (SELECT COUNT(*) FROM audience_enrolment_member m
               WHERE m.enrolment_id = e.id AND m.outcome = 'GONE') gone,
              (SELECT COUNT(*) FROM audience_enrolment_member m
               WHERE m.enrolment_id = e.id AND m.outcome IS NULL) pending
            FROM audience_enrolment e""";

    private final JdbcClient jdbc;

    EnrolmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, String campaign, Audience audience, int perMinute, String requestedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO audience_enrolment (id, campaign, audience_type, audience_id, audience_name, per_minute,
                  total, state, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, 0, 'RUNNING', ?, ?)""")
                .params(id, campaign, audience.type(), audience.id(), audience.name(), perMinute, requestedBy,
                        Timestamp.from(at))
                .update();
        int total = jdbc.sql("INSERT INTO audience_enrolment_member (enrolment_id, contact_id) "
                + "SELECT CAST(? AS VARCHAR(36)), contact_id " + audience.membersQuery()).params(id, audience.id())
                .update();
        jdbc.sql("UPDATE audience_enrolment SET total = ? WHERE id = ?").params(total, id).update();
    }

    Optional<Enrolment> find(String id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(EnrolmentStore::enrolment).optional();
    }

    List<Enrolment> ofCampaign(String campaign) {
        return jdbc.sql(SELECT + " WHERE e.campaign = ? ORDER BY e.requested_at DESC").param(campaign)
                .query(EnrolmentStore::enrolment).list();
    }

    List<Enrolment> running() {
        return jdbc.sql(SELECT + " WHERE e.state = 'RUNNING' ORDER BY e.requested_at").query(EnrolmentStore::enrolment)
                .list();
    }

    List<String> pending(String enrolmentId, int limit) {
        return jdbc.sql("""
                SELECT contact_id FROM audience_enrolment_member WHERE enrolment_id = ? AND outcome IS NULL
                ORDER BY contact_id FETCH FIRST ? ROWS ONLY""").params(enrolmentId, limit).query(String.class).list();
    }

    /** Takes the member for this node; false when another took it first. */
    boolean claim(String enrolmentId, String contactId, String outcome, Instant at) {
        return jdbc.sql("""
                UPDATE audience_enrolment_member SET outcome = ?, done_at = ?
                WHERE enrolment_id = ? AND contact_id = ? AND outcome IS NULL""")
                .params(outcome, Timestamp.from(at), enrolmentId, contactId).update() == 1;
    }

    void setOutcome(String enrolmentId, String contactId, String outcome) {
        jdbc.sql("UPDATE audience_enrolment_member SET outcome = ? WHERE enrolment_id = ? AND contact_id = ?")
                .params(outcome, enrolmentId, contactId).update();
    }

    void finishIfDone(String enrolmentId, Instant at) {
        jdbc.sql("""
                UPDATE audience_enrolment SET state = 'FINISHED', finished_at = ?
                WHERE id = ? AND state = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM audience_enrolment_member
                  WHERE enrolment_id = ? AND outcome IS NULL)""")
                .params(Timestamp.from(at), enrolmentId, enrolmentId).update();
    }

    /** A merged contact's pending places go to the survivor, unless it has one in that enrolment. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("""
                UPDATE audience_enrolment_member SET contact_id = ? WHERE contact_id = ?
                AND enrolment_id NOT IN (SELECT enrolment_id FROM audience_enrolment_member WHERE contact_id = ?)""")
                .params(toContactId, fromContactId, toContactId).update();
        deleteOf(fromContactId);
    }

    int deleteOf(String contactId) {
        return jdbc.sql("DELETE FROM audience_enrolment_member WHERE contact_id = ?").param(contactId).update();
    }

    private static Enrolment enrolment(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Enrolment(rs.getString("id"), rs.getString("campaign"), rs.getString("audience_type"),
                rs.getString("audience_id"), rs.getString("audience_name"), rs.getInt("per_minute"),
                rs.getInt("total"), rs.getInt("started"), rs.getInt("already_in"), rs.getInt("gone"),
                rs.getInt("pending"), rs.getString("state"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
