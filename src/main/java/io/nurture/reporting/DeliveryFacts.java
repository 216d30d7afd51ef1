package io.nurture.reporting;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nurture.event.ContactEventRecorded;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageChanged;
import io.nurture.lifecycle.StageRole;
import io.nurture.reporting.SendFigures.Reaction;

/**
 * Keeps each send's report facts in {@code delivery_report}, the only writer of that table: the earliest open, click,
 * unsubscribe and bounce the send got, whether it bounced hard, and when its contact next entered MQL (what each means:
 * {@link SendFigures}). Written as things happen, inside the transaction of the event or move (which holds the
 * contact's lock, so two reactions to one send never race for its row), or worked out from scratch for rows that came
 * another way.
 */
@Component
class DeliveryFacts {

    /** What the facts row carries along from the send: none of it changes once sent, but the contact on a merge. */
    private static final String SEND_COLUMNS = "delivery_id, contact_id, campaign, step, variant, sent_at";
    private static final String SEND = "d.id, d.contact_id, d.campaign, d.step, d.variant, d.sent_at";
    private static final String FACT_COLUMNS =
            "opened_at, clicked_at, unsubscribed_at, bounced_at, hard_bounced, converted_at";
    private static final String FACTS = String.join(", ", firstAt(Reaction.OPENED), firstAt(Reaction.CLICKED),
            firstAt(Reaction.UNSUBSCRIBED), firstAt(Reaction.BOUNCED), SendFigures.HARD_BOUNCED + " AS hard_bounced",
            SendFigures.CONVERTED_AT + " AS converted_at");

    private final JdbcClient jdbc;
    private final Funnel funnel;

    DeliveryFacts(JdbcClient jdbc, Funnel funnel) {
        this.jdbc = jdbc;
        this.funnel = funnel;
    }

    @EventListener
    void on(ContactEventRecorded event) {
        List<Reaction> reactions = Reaction.to(event.type());
        Object deliveryId = event.properties() == null ? null : event.properties().get("deliveryId");
        if (reactions.isEmpty() || !(deliveryId instanceof String id)) {
            return;
        }
        jdbc.sql(rowsForSends("d.id = :id")).param("id", id).update();
        // the earliest, also when events arrive out of order
        String earliest = reactions.stream()
                .map(reaction -> reaction.column + " = CASE WHEN " + reaction.column + " IS NULL OR " + reaction.column
                        + " > :at THEN :at ELSE " + reaction.column + " END")
                .collect(Collectors.joining(", "));
        boolean hardBounce = SendFigures.isHardBounce(event.type(), event.properties());
        jdbc.sql("UPDATE delivery_report SET " + earliest + (hardBounce ? ", hard_bounced = TRUE" : "")
                + " WHERE delivery_id = :id")
                .param("at", Timestamp.from(event.occurredAt())).param("id", id)
                .update();
    }

    @EventListener
    void on(StageChanged change) {
        if (!funnel.plays(change.to(), StageRole.QUALIFIED)) {
            return;
        }
        String sentBefore = "d.contact_id = :contact AND d.sent_at <= :at";
        jdbc.sql(rowsForSends(sentBefore))
                .param("at", Timestamp.from(change.at())).param("contact", change.contactId())
                .update();
        jdbc.sql("UPDATE delivery_report SET converted_at = :at WHERE converted_at IS NULL"
                + " AND delivery_id IN (SELECT d.id FROM delivery d WHERE " + sentBefore + ")")
                .param("at", Timestamp.from(change.at())).param("contact", change.contactId())
                .update();
    }

    /** All sends' facts from scratch, e.g. after loading rows into the tables by SQL. */
    void fillAll() {
        jdbc.sql("DELETE FROM delivery_report").update();
        jdbc.sql(factsFromScratch("TRUE")).param("qualified", qualifiedStage()).update();
    }

    /** The facts of one contact's sends from scratch: its ledger and sends were just combined with another's. */
    void fillFor(String contactId) {
        jdbc.sql("""
                DELETE FROM delivery_report
                WHERE delivery_id IN (SELECT d.id FROM delivery d WHERE d.contact_id = ?)""").param(contactId).update();
        jdbc.sql(factsFromScratch("d.contact_id = :contact")).param("qualified", qualifiedStage())
                .param("contact", contactId).update();
    }

    void deleteOf(String contactId) {
        jdbc.sql("DELETE FROM delivery_report WHERE contact_id = ?").param(contactId).update();
    }

    private String qualifiedStage() {
        return funnel.require(StageRole.QUALIFIED).name();
    }

    /** SQL: a facts row for each of these sends that has none yet; nothing for an unknown delivery id. */
    private static String rowsForSends(String sends) {
        return "INSERT INTO delivery_report (" + SEND_COLUMNS + ") SELECT " + SEND + " FROM delivery d WHERE " + sends
                + " AND NOT EXISTS (SELECT 1 FROM delivery_report r WHERE r.delivery_id = d.id)";
    }

    /** SQL: the facts of these sends worked out from the tracking events and the ledger, for those that have any. */
    private static String factsFromScratch(String sends) {
        return "INSERT INTO delivery_report (" + SEND_COLUMNS + ", " + FACT_COLUMNS + ")"
                + " SELECT * FROM (SELECT " + SEND + ", " + FACTS + " FROM delivery d WHERE " + sends + ") f"
                + " WHERE f.opened_at IS NOT NULL OR f.clicked_at IS NOT NULL OR f.unsubscribed_at IS NOT NULL"
                + " OR f.bounced_at IS NOT NULL OR f.hard_bounced OR f.converted_at IS NOT NULL";
    }

    private static String firstAt(Reaction reaction) {
        return reaction.firstAt() + " AS " + reaction.column;
    }
}
