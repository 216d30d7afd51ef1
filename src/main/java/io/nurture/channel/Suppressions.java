package io.nurture.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.contact.Contact;

/** The suppression list: hard bounces, complaints and sunset contacts, plus the marketing status shown on a contact. */
@Repository
public class Suppressions {

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: suppressing twice for the same reason keeps the first. */
    public void add(String contactId, SuppressionReason reason, String detail) {
        if (!of(contactId).contains(reason)) {
            jdbc.sql("INSERT INTO contact_suppression (contact_id, reason, detail, at) VALUES (?, ?, ?, ?)")
                    .params(contactId, reason.name(), detail, Timestamp.from(Instant.now())).update();
        }
    }

    public Set<SuppressionReason> of(String contactId) {
        Set<SuppressionReason> reasons = EnumSet.noneOf(SuppressionReason.class);
        jdbc.sql("SELECT reason FROM contact_suppression WHERE contact_id = ?").param(contactId)
                .query(String.class).list().forEach(reason -> reasons.add(SuppressionReason.valueOf(reason)));
        return reasons;
    }

    /** Every reason this contact gets no marketing, in lower case: unsubscribed, disqualified, hard_bounce… */
    public List<String> reasonsFor(Contact contact) {
        List<String> reasons = new ArrayList<>();
        if (contact.unsubscribed()) {
            reasons.add("unsubscribed");
        }
        if (contact.disqualified()) {
            reasons.add("disqualified");
        }
        of(contact.id()).forEach(reason -> reasons.add(reason.name().toLowerCase()));
        return reasons;
    }

    /** Why this contact must not get marketing on this channel, or null when nothing suppresses it. */
    String suppressing(Contact contact, String channel) {
        if (contact.disqualified()) {
            return "disqualified";
        }
        if (contact.unsubscribed()) {
            return "unsubscribed";
        }
        return of(contact.id()).stream().filter(reason -> reason.blocks(channel)).findFirst()
                .map(reason -> reason.name().toLowerCase()).orElse(null);
    }
}
