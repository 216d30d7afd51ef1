package io.nurture.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of {@code contact}: each write of a contact's profile, consent, stage, scores or status publishes
 * {@link ContactChanged} in the writing transaction.
 */
@Repository
public class ContactRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate batches;

    ContactRepository(JdbcClient jdbc, ApplicationEventPublisher events, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.events = events;
        this.batches = batches;
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

    /** The contact with this e-mail, locked as {@link #lockById} locks it: one statement for both. */
    public Optional<Contact> lockByEmail(String email) {
        return jdbc.sql("SELECT * FROM contact WHERE email = ? FOR UPDATE").param(normalizeEmail(email))
                .query(ContactRepository::map).optional();
    }

    /**
     * Locks those of these contacts that no other transaction holds and answers their ids, without waiting for the
     * others: housekeeping in batches (retention) leaves a busy contact for later instead of queueing behind it.
     */
    public List<String> lockAvailable(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM contact WHERE id IN (:ids) FOR UPDATE SKIP LOCKED").param("ids", ids)
                .query(String.class).list();
    }

    /**
     * The contacts with these e-mails (normalised), locked as {@link #lockByEmail} locks one, in the order of their
     * e-mails so that two bulk writers never wait for each other in a cycle. For imports, a chunk at a time.
     */
    public Map<String, Contact> lockByEmails(Collection<String> emails) {
        return byEmail("SELECT * FROM contact WHERE email IN (:emails) ORDER BY email FOR UPDATE", emails);
    }

    /** {@link #lockByEmails} without the locks: what a dry run compares with. */
    public Map<String, Contact> findByEmails(Collection<String> emails) {
        return byEmail("SELECT * FROM contact WHERE email IN (:emails)", emails);
    }

    private Map<String, Contact> byEmail(String sql, Collection<String> emails) {
        Map<String, Contact> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        List<String> normalised = emails.stream().map(ContactRepository::normalizeEmail).distinct().toList();
        jdbc.sql(sql).param("emails", normalised).query(ContactRepository::map).list()
                .forEach(contact -> found.put(contact.email(), contact));
        return found;
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

    public Optional<Contact> findByUserId(String userId) {
        return jdbc.sql("""
                SELECT c.* FROM contact c JOIN contact_user_id u ON u.contact_id = c.id
                WHERE u.user_id = ?""").param(userId).query(ContactRepository::map).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM contact").query(Long.class).single() == 0;
    }

    /** How many contacts are in each stage now (one indexed, grouped count). */
    public Map<String, Long> countByStage() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT lifecycle_stage, COUNT(*) FROM contact GROUP BY lifecycle_stage")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * A new contact with the profile given, locked by its own insert until the transaction ends; the answer is the
     * contact as stored, so the caller reads it no more.
     */
    public Contact create(String email, LifecycleStage stage, ContactProfile p) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the timestamp column keeps it
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                INSERT INTO contact (id, email, lifecycle_stage, created_at, updated_at, last_engaged_at,
                                     first_name, last_name, company, industry, company_size, country, source, phone,
                                     consent_email, consent_sms, revenue, tech_stack, funding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, normalizeEmail(email), stage.name(), at, at, at, p.firstName(), p.lastName(), p.company(),
                        p.industry(), p.companySize(), p.country(), p.source(), p.phone(), p.consentEmail(),
                        p.consentSms(), p.revenue(), p.techStack(), p.funding())
                .update();
        changed(id);
        return new Contact(id, normalizeEmail(email), null, null, null, null, null, null, null, null, null, null,
                stage, 0, 0, false, false, null, now, now, null, null, null, now).withProfile(p, now);
    }

    private static final int[] NEW_CONTACT_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.BOOLEAN, Types.BOOLEAN, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP,
            Types.TIMESTAMP };

    /** A contact to create in bulk ({@link #createAll}): its e-mail, first stage and profile. */
    public record NewContact(String email, LifecycleStage stage, ContactProfile profile) {
    }

    /**
     * Creates these contacts in one batch and answers their ids in the same order. A concurrent request that created
     * one of the e-mails first makes it fail on the unique e-mail (a {@code DuplicateKeyException}): the caller retries
     * its transaction, which then finds that contact.
     */
    public List<String> createAll(List<NewContact> contacts) {
        Timestamp now = Timestamp.from(Instant.now());
        List<String> ids = contacts.stream().map(contact -> UUID.randomUUID().toString()).toList();
        List<Object[]> rows = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            NewContact c = contacts.get(i);
            ContactProfile p = c.profile();
            rows.add(new Object[] { ids.get(i), normalizeEmail(c.email()), c.stage().name(), p.firstName(),
                    p.lastName(), p.company(), p.industry(), p.companySize(), p.country(), p.source(), p.phone(),
                    p.consentEmail(), p.consentSms(), p.revenue(), p.techStack(), p.funding(), now, now, now });
        }
        batches.batchUpdate("""
                INSERT INTO contact (id, email, lifecycle_stage, first_name, last_name, company, industry, company_size,
                                     country, source, phone, consent_email, consent_sms, revenue, tech_stack, funding,
                                     created_at, updated_at, last_engaged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, NEW_CONTACT_TYPES);
        ids.forEach(this::changed); // an imported contact enters its live segments as one created by an event does
        return ids;
    }

    /** Whether this profile changes the contact: {@link #updateProfile(Contact, ContactProfile)} writes only then. */
    public static boolean wouldChange(Contact contact, ContactProfile profile) {
        return !contact.withProfile(profile, contact.updatedAt()).equals(contact);
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

    void linkUserId(String contactId, String userId) {
        jdbc.sql("INSERT INTO contact_user_id (user_id, contact_id) VALUES (?, ?)").params(userId, contactId).update();
    }

    void reassignUserIds(String fromContactId, String toContactId) {
        jdbc.sql("UPDATE contact_user_id SET contact_id = ? WHERE contact_id = ?").params(toContactId, fromContactId)
                .update();
    }

    int deleteUserIds(String contactId) {
        return jdbc.sql("DELETE FROM contact_user_id WHERE contact_id = ?").param(contactId).update();
    }

    public void setEmail(String contactId, String email) {
        jdbc.sql("UPDATE contact SET email = ?, updated_at = ? WHERE id = ?")
                .params(normalizeEmail(email), Timestamp.from(Instant.now()), contactId).update();
        changed(contactId);
    }

    /**
     * Writes the profile fields given; {@code locked} is the contact as read under its lock ({@link #lockById}), and
     * the answer is the contact as now stored, so the caller reads it no more.
     */
    public Contact updateProfile(Contact locked, ContactProfile profile) {
        if (!wouldChange(locked, profile)) {
            return locked; // a page view, or traits as they were: nothing to write
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as the timestamp column keeps it
        updateProfile(locked.id(), profile, now);
        return locked.withProfile(profile, now);
    }

    public void updateProfile(String contactId, ContactProfile profile) {
        updateProfile(contactId, profile, Instant.now());
    }

    private void updateProfile(String contactId, ContactProfile p, Instant now) {
        // the same merge as Contact.withProfile: what is given replaces, except the source, which stays the first
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
                        p.funding(), Timestamp.from(now), contactId)
                .update();
        changed(contactId);
    }

    public void setStage(String contactId, LifecycleStage stage) {
        jdbc.sql("UPDATE contact SET lifecycle_stage = ?, updated_at = ? WHERE id = ?")
                .params(stage.name(), Timestamp.from(Instant.now()), contactId).update();
        changed(contactId);
    }

    /**
     * Adds (or, when negative, takes away) behaviour points in one update that never goes below zero, so concurrent
     * changes all count; the row is locked first, so what was applied is exact.
     */
    public ScoreUpdate addBehaviour(String contactId, int delta) {
        StoredScores before = lockScores(contactId);
        jdbc.sql("UPDATE contact SET behaviour_score = GREATEST(0, behaviour_score + ?), updated_at = ? WHERE id = ?")
                .params(delta, Timestamp.from(Instant.now()), contactId).update();
        changed(contactId);
        int behaviour = Math.max(0, before.behaviour() + delta);
        return new ScoreUpdate(behaviour - before.behaviour(), behaviour + before.fit());
    }

    /**
     * Adds an event's behaviour points to {@code locked}, the contact as read under its lock in this transaction, and
     * marks it engaged at {@code engagedAt} (the decay waits from then) unless it engaged later: one update, as the
     * lock makes the scores read with it exact (where {@link #addBehaviour} reads them again). The decay keeps the
     * behaviour score of a contact that engaged recently.
     */
    public ScoreUpdate addEngagement(Contact locked, int delta, Instant engagedAt) {
        Timestamp engaged = Timestamp.from(engagedAt);
        jdbc.sql("""
                UPDATE contact SET behaviour_score = GREATEST(0, behaviour_score + ?), updated_at = ?,
                last_engaged_at = CASE WHEN last_engaged_at IS NULL OR last_engaged_at < ? THEN ?
                ELSE last_engaged_at END
                WHERE id = ?""")
                .params(delta, Timestamp.from(Instant.now()), engaged, engaged, locked.id()).update();
        changed(locked.id());
        int behaviour = Math.max(0, locked.behaviourScore() + delta);
        return new ScoreUpdate(behaviour - locked.behaviourScore(), behaviour + locked.fitScore());
    }

    /** Sets the fit score; an unchanged fit is not written (applied 0). */
    public ScoreUpdate setFit(String contactId, int fit) {
        StoredScores before = lockScores(contactId);
        if (before.fit() != fit) {
            jdbc.sql("UPDATE contact SET fit_score = ?, updated_at = ? WHERE id = ?")
                    .params(fit, Timestamp.from(Instant.now()), contactId).update();
            changed(contactId);
        }
        return new ScoreUpdate(fit - before.fit(), before.behaviour() + fit);
    }

    /** The decay's marker: it took points off at this time, so it waits a whole inactivity period again. */
    public void markDecayed(String contactId, Instant at) {
        jdbc.sql("UPDATE contact SET last_decayed_at = ? WHERE id = ?").params(Timestamp.from(at), contactId).update();
    }


    public void markUnsubscribed(String contactId) {
        jdbc.sql("UPDATE contact SET unsubscribed = TRUE, consent_email = FALSE, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), contactId).update();
        changed(contactId);
    }

    /** Lifts an unsubscribe; suppressions (bounce, complaint, sunset) and a disqualification stay. */
    public void markResubscribed(String contactId) {
        jdbc.sql("UPDATE contact SET unsubscribed = FALSE, consent_email = TRUE, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), contactId).update();
        changed(contactId);
    }

    public void markDisqualified(String contactId, String reason) {
        jdbc.sql("UPDATE contact SET disqualified = TRUE, disqualified_reason = ?, updated_at = ? WHERE id = ?")
                .params(reason, Timestamp.from(Instant.now()), contactId).update();
        changed(contactId);
    }

    private void changed(String contactId) {
        events.publishEvent(new ContactChanged(contactId));
    }

    private StoredScores lockScores(String contactId) {
        return jdbc.sql("SELECT behaviour_score, fit_score FROM contact WHERE id = ? FOR UPDATE").param(contactId)
                .query((rs, row) -> new StoredScores(rs.getInt("behaviour_score"), rs.getInt("fit_score"))).single();
    }

    private record StoredScores(int behaviour, int fit) {
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
