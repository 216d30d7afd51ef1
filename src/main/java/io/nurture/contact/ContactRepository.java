package io.nurture.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;


@Repository
public class ContactRepository {

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<Contact> findById(String id) {
        return jdbc.sql("SELECT * FROM contact WHERE id = ?").param(id).query(ContactRepository::map).optional();
    }

    public Contact getById(String id) {
        return findById(id).orElseThrow(() -> new ContactNotFoundException(id));
    }

    /** Reads the contact and locks its row until the transaction ends, so concurrent events queue up. */
    public Contact lockById(String id) {
        return jdbc.sql("SELECT * FROM contact WHERE id = ? FOR UPDATE").param(id).query(ContactRepository::map)
                .optional().orElseThrow(() -> new ContactNotFoundException(id));
    }

    public Optional<Contact> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM contact WHERE email = ?").param(normalizeEmail(email))
                .query(ContactRepository::map).optional();
    }

    public Optional<Contact> findByAnonymousId(String anonymousId) {
        return jdbc.sql("""
                SELECT c.* FROM contact c JOIN contact_anonymous_id a ON a.contact_id = c.id
                WHERE a.anonymous_id = ?""").param(anonymousId).query(ContactRepository::map).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM contact").query(Long.class).single() == 0;
    }

    public String create(String email, LifecycleStage stage) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO contact (id, email, lifecycle_stage, created_at, updated_at, last_engaged_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, normalizeEmail(email), stage.name(), now, now, now).update();
        return id;
    }

    /** Merge and erasure only, once every module has moved or deleted its rows of the contact. */
    void delete(String id) {
        jdbc.sql("DELETE FROM contact WHERE id = ?").param(id).update();
    }

    public void linkAnonymousId(String contactId, String anonymousId) {
        jdbc.sql("INSERT INTO contact_anonymous_id (anonymous_id, contact_id) VALUES (?, ?)")
                .params(anonymousId, contactId).update();
    }

    void reassignAnonymousIds(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE contact_anonymous_id SET contact_id = ? WHERE contact_id = ?")
                .params(toContactId, fromContactId).update();
    }

    int deleteAnonymousIds(String contactId) {
        return jdbc.sql("DELETE FROM contact_anonymous_id WHERE contact_id = ?").param(contactId).update();
    }

    public void setEmail(String contactId, String email) {
        jdbc.sql("UPDATE contact SET email = ?, updated_at = ? WHERE id = ?")
                .params(normalizeEmail(email), Timestamp.from(Instant.now()), contactId).update();
    }

    public void updateProfile(String contactId, ContactProfile p) {
        jdbc.sql("""
                UPDATE contact SET
                  first_name = COALESCE(?, first_name), last_name = COALESCE(?, last_name),
                  company = COALESCE(?, company), industry = COALESCE(?, industry),
                  company_size = COALESCE(?, company_size), country = COALESCE(?, country),
                  source = COALESCE(source, ?), phone = COALESCE(?, phone),
                  consent_email = COALESCE(?, consent_email), consent_sms = COALESCE(?, consent_sms),
                  revenue = COALESCE(?, revenue), tech_stack = COALESCE(?, tech_stack), funding = COALESCE(?, funding),
                  updated_at = ?
                WHERE id = ?""")
                .params(p.firstName(), p.lastName(), p.company(), p.industry(), p.companySize(), p.country(),
                        p.source(), p.phone(), p.consentEmail(), p.consentSms(), p.revenue(), p.techStack(),
                        p.funding(), Timestamp.from(Instant.now()), contactId)
                .update();
    }

    public void setStage(String contactId, LifecycleStage stage) {
        jdbc.sql("UPDATE contact SET lifecycle_stage = ?, updated_at = ? WHERE id = ?")
                .params(stage.name(), Timestamp.from(Instant.now()), contactId).update();
    }

    /** Read by the decay: a contact that engaged recently keeps its behaviour score. */
    public void markEngaged(String contactId, Instant at) {
        jdbc.sql("""
                UPDATE contact SET last_engaged_at = ? WHERE id = ?
                AND (last_engaged_at IS NULL OR last_engaged_at < ?)""")
                .params(Timestamp.from(at), contactId, Timestamp.from(at)).update();
    }

    public void markUnsubscribed(String contactId) {
        jdbc.sql("UPDATE contact SET unsubscribed = TRUE, consent_email = FALSE, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), contactId).update();
    }

    /** Lifts an unsubscribe; suppressions (bounce, complaint, sunset) and a disqualification stay. */
    public void markResubscribed(String contactId) {
        jdbc.sql("UPDATE contact SET unsubscribed = FALSE, consent_email = TRUE, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), contactId).update();
    }

    public void markDisqualified(String contactId, String reason) {
        jdbc.sql("UPDATE contact SET disqualified = TRUE, disqualified_reason = ?, updated_at = ? WHERE id = ?")
                .params(reason, Timestamp.from(Instant.now()), contactId).update();
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("company"), rs.getString("industry"),
                (Integer) rs.getObject("company_size"), rs.getString("country"), rs.getString("source"),
                rs.getString("phone"), (Boolean) rs.getObject("consent_email"), (Boolean) rs.getObject("consent_sms"),
                LifecycleStage.of(rs.getString("lifecycle_stage")), rs.getInt("behaviour_score"),
                rs.getInt("fit_score"), rs.getBoolean("unsubscribed"), rs.getBoolean("disqualified"),
                rs.getString("disqualified_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                (Long) rs.getObject("revenue", Long.class), rs.getString("tech_stack"), rs.getString("funding"),
                instantOrNull(rs.getTimestamp("last_engaged_at")));
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
