package io.nurture.reporting;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nurture.event.ContactEventRecorded;
import io.nurture.event.EventType;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.StageChanged;
import io.nurture.lifecycle.StageRole;

/**
 * Writes a send's report facts as they happen, inside the transaction of the event or move: the earliest open,
 * click, unsubscribe and bounce it got, and when its contact next entered MQL. {@link ReportFacts} works out the same
 * facts from scratch.
 */
@Component
class DeliveryFacts {

    /** A click counts as an open too: mail clients that block the pixel still follow links. */
    private static final Map<EventType, List<String>> FIRST_REACTIONS = Map.of(
            EventType.EMAIL_OPENED, List.of("opened_at"),
            EventType.EMAIL_CLICKED, List.of("opened_at", "clicked_at"),
            EventType.UNSUBSCRIBED, List.of("unsubscribed_at"),
            EventType.EMAIL_BOUNCED, List.of("bounced_at"));

    private final JdbcClient jdbc;
    private final Funnel funnel;

    DeliveryFacts(JdbcClient jdbc, Funnel funnel) {
        this.jdbc = jdbc;
        this.funnel = funnel;
    }

    @EventListener
    void on(ContactEventRecorded event) {
        List<String> columns = FIRST_REACTIONS.get(event.type());
        Object deliveryId = event.properties() == null ? null : event.properties().get("deliveryId");
        if (columns == null || !(deliveryId instanceof String id)) {
            return;
        }
        // the earliest, also when events arrive out of order
        String earliest = columns.stream()
                .map(column -> column + " = CASE WHEN " + column + " IS NULL OR " + column + " > :at THEN :at ELSE "
                        + column + " END")
                .collect(Collectors.joining(", "));
        boolean hardBounce = event.type() == EventType.EMAIL_BOUNCED
                && "hard".equals(event.properties().get("bounceType"));
        jdbc.sql("UPDATE delivery SET " + earliest + (hardBounce ? ", hard_bounced = TRUE" : "") + " WHERE id = :id")
                .param("at", Timestamp.from(event.occurredAt())).param("id", id)
                .update();
    }

    @EventListener
    void on(StageChanged change) {
        if (!funnel.plays(change.to(), StageRole.QUALIFIED)) {
            return;
        }
        jdbc.sql("""
                UPDATE delivery SET converted_at = :at
                WHERE contact_id = :contact AND converted_at IS NULL AND sent_at <= :at""")
                .param("at", Timestamp.from(change.at())).param("contact", change.contactId())
                .update();
    }
}
