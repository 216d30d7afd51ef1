package io.nurture.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nurture.event.EventType;

/**
 * What each figure of a send means, said once for every report that counts sends (the campaign report and the A/B
 * split report) and for both ways its facts are written: as things happen and from scratch ({@link DeliveryFacts}).
 * A send is a {@code delivery} row with a {@code sent_at}; its facts are its {@code delivery_report} row, which
 * exists once the send has any and carries the send's contact, campaign, step, variant and {@code sent_at} along, so
 * a report groups the facts of a period's sends without joining the delivery log.
 */
final class SendFigures {

    /** A reaction to a send: the first event of one of these types that names the send (its {@code deliveryId}). */
    enum Reaction {
        /** A click counts as an open too: mail clients that block the pixel still follow links. */
        OPENED("opened_at", EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED),
        CLICKED("clicked_at", EventType.EMAIL_CLICKED),
        UNSUBSCRIBED("unsubscribed_at", EventType.UNSUBSCRIBED),
        BOUNCED("bounced_at", EventType.EMAIL_BOUNCED);

        final String column;
        private final Set<EventType> events;

        Reaction(String column, EventType... events) {
            this.column = column;
            this.events = Set.of(events);
        }

        /** The reactions an event of this type is: none, one, or for a click two. */
        static List<Reaction> to(EventType type) {
            return Arrays.stream(values()).filter(reaction -> reaction.events.contains(type)).toList();
        }

        /** SQL: when the send {@code d} first got this reaction, or null. */
        String firstAt() {
            String types = events.stream().map(type -> "'" + type.wireName() + "'").sorted()
                    .collect(Collectors.joining(", "));
            return "(SELECT MIN(e.occurred_at) FROM contact_event e WHERE e.delivery_id = d.id AND e.type IN (" + types
                    + "))";
        }
    }

    /** A bounce is hard when the provider says so; a hard-bounced send counts as sent but not as delivered. */
    static boolean isHardBounce(EventType type, Map<String, Object> properties) {
        return EventType.EMAIL_BOUNCED.equals(type) && properties != null && "hard".equals(properties.get("bounceType"));
    }

    /** SQL: whether the send {@code d} bounced hard. */
    static final String HARD_BOUNCED = """
            EXISTS (SELECT 1 FROM contact_event e
                    WHERE e.delivery_id = d.id AND e.type = 'email_bounced'
                      AND e.properties LIKE '%"bounceType":"hard"%')""";

    /**
     * SQL: when the contact of the send {@code d} first entered the qualified stage (MQL) at or after it, or null; a
     * send converted when it has such an entry. Takes the stage's name as {@code :qualified}.
     */
    static final String CONVERTED_AT = """
            (SELECT MIN(s.at) FROM stage_transition s
             WHERE s.contact_id = d.contact_id AND s.to_stage = :qualified AND s.at >= d.sent_at)""";

    /**
     * SQL: the reactions and conversions counted over a group of sends' facts {@code r} (their {@code delivery_report}
     * rows), read by {@link Counts#of}; conversions count contacts, not sends.
     */
    static final String FACT_COUNTS = """
            COUNT(r.opened_at) AS opened, COUNT(r.clicked_at) AS clicked, COUNT(r.unsubscribed_at) AS unsubscribed,
            COUNT(r.bounced_at) AS bounced, COUNT(CASE WHEN r.hard_bounced THEN 1 END) AS hard_bounced,
            COUNT(DISTINCT r.contact_id) FILTER (WHERE r.converted_at IS NOT NULL) AS converted""";

    /**
     * SQL: the facts of one send {@code r} as 0 or 1 per figure, the same figures as {@link #FACT_COUNTS} (a send
     * without a facts row has none); what pruned sends leave in {@code send_daily} ({@link SendRollup}).
     */
    static final String FACT_FLAGS = """
            CASE WHEN r.opened_at IS NULL THEN 0 ELSE 1 END AS opened,
            CASE WHEN r.clicked_at IS NULL THEN 0 ELSE 1 END AS clicked,
            CASE WHEN r.unsubscribed_at IS NULL THEN 0 ELSE 1 END AS unsubscribed,
            CASE WHEN r.bounced_at IS NULL THEN 0 ELSE 1 END AS bounced,
            CASE WHEN r.hard_bounced THEN 1 ELSE 0 END AS hard_bounced,
            CASE WHEN r.converted_at IS NULL THEN 0 ELSE 1 END AS converted""";

    /** SQL: {@link #FACT_COUNTS} over rows {@code f} of {@link #FACT_FLAGS} with their {@code contact_id}. */
    static final String FLAG_COUNTS = """
            SUM(f.opened) AS opened, SUM(f.clicked) AS clicked, SUM(f.unsubscribed) AS unsubscribed,
            SUM(f.bounced) AS bounced, SUM(f.hard_bounced) AS hard_bounced,
            COUNT(DISTINCT CASE WHEN f.converted > 0 THEN f.contact_id END) AS converted""";

    /** The figures of a group of sends. */
    record Counts(long sent, long opened, long clicked, long unsubscribed, long bounced, long hardBounced,
            long converted) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        /** The {@link #FACT_COUNTS} of {@code sent} sends. */
        static Counts of(long sent, ResultSet rs) throws SQLException {
            return new Counts(sent, rs.getLong("opened"), rs.getLong("clicked"), rs.getLong("unsubscribed"),
                    rs.getLong("bounced"), rs.getLong("hard_bounced"), rs.getLong("converted"));
        }

        Counts withSent(long sent) {
            return new Counts(sent, opened, clicked, unsubscribed, bounced, hardBounced, converted);
        }

        long delivered() {
            return sent - hardBounced;
        }
    }

    private SendFigures() {
    }
}
