package io.nurture.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactErased;
import io.nurture.contact.PrivacyHash;

/**
 * The suppression list: hard bounces, complaints and sunset contacts, plus the marketing status shown on a contact.
 * A hard bounce or complaint belongs to the address as much as to the person: it outlives the contact's erasure as a
 * keyed hash of the address, and a new contact with that address is suppressed for it too.
 */
@Repository
public class Suppressions {

    private final JdbcClient jdbc;
    private final PrivacyHash hash;

    Suppressions(JdbcClient jdbc, PrivacyHash hash) {
        this.jdbc = jdbc;
        this.hash = hash;
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
        of(contact).forEach(reason -> reasons.add(reason.name().toLowerCase()));
        return reasons;
    }

    /**
     * Why the contact may not be reached on {@code channel}, null when it may; its suppression reasons are asked for
     * only when it is neither disqualified nor unsubscribed.
     */
    static String suppressing(Contact contact, String channel, Supplier<Set<SuppressionReason>> reasons) {
        if (contact.disqualified()) {
            return "disqualified";
        }
        if (contact.unsubscribed()) {
            return "unsubscribed";
        }
        return reasons.get().stream().filter(reason -> reason.blocks(channel)).findFirst()
                .map(reason -> reason.name().toLowerCase()).orElse(null);
    }

    /** The contact's own reasons and those its address kept from an erased contact. */
    Set<SuppressionReason> of(Contact contact) {
        Set<SuppressionReason> reasons = of(contact.id());
        if (contact.email() != null) {
            jdbc.sql("SELECT reason FROM suppressed_address WHERE address_hash = ?")
                    .param(hash.ofEmail(contact.email())).query(String.class).list()
                    .forEach(reason -> reasons.add(SuppressionReason.valueOf(reason)));
        }
        return reasons;
    }

    /** Where both contacts are suppressed for the same reason, the survivor keeps its own row. */
    void reassign(String fromContactId, String toContactId) {
        jdbc.sql("""
                UPDATE contact_suppression SET contact_id = ? WHERE contact_id = ?
                AND reason NOT IN (SELECT reason FROM contact_suppression WHERE contact_id = ?)""")
                .params(toContactId, fromContactId, toContactId).update();
        jdbc.sql("DELETE FROM contact_suppression WHERE contact_id = ?").param(fromContactId).update();
    }

    /** First keeps what follows the address as a keyed hash, then deletes the contact's own reasons. */
    void erase(ContactErased erased) {
        keepTheAddressSuppressed(erased);
        erased.count("suppressions", jdbc.sql("DELETE FROM contact_suppression WHERE contact_id = ?")
                .param(erased.contactId()).update());
    }

    private void keepTheAddressSuppressed(ContactErased erased) {
        if (erased.email() == null) {
            return;
        }
        String address = hash.ofEmail(erased.email());
        long kept = 0;
        for (SuppressionReason reason : of(erased.contactId())) {
            if (!reason.followsTheAddress()) {
                continue;
            }
            kept++;
            if (jdbc.sql("SELECT COUNT(*) FROM suppressed_address WHERE address_hash = ? AND reason = ?")
                    .params(address, reason.name()).query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO suppressed_address (address_hash, reason, at) VALUES (?, ?, ?)")
                        .params(address, reason.name(), Timestamp.from(Instant.now())).update();
            }
        }
        erased.count("suppressionsKeptAsHash", kept);
    }
}
