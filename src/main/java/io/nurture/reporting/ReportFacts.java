package io.nurture.reporting;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/**
 * Works out the report facts from the ledger and the tracking events: each move's next move and the contact's
 * previous entry into the same stage, and each send's first reactions and the contact's first entry into the
 * qualified stage (MQL) after it (what each of those means: {@link SendFigures}). As things happen the facts are
 * written one by one (the stage ledger writes a move's, {@link DeliveryFacts} a send's reactions and conversion); this
 * fills them in for rows that came another way: two contacts merged, or rows loaded straight into the tables.
 */
@Component
public class ReportFacts {

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

    private final JdbcClient jdbc;
    private final DeliveryFacts sends;

    ReportFacts(JdbcClient jdbc, DeliveryFacts sends) {
        this.jdbc = jdbc;
        this.sends = sends;
    }

    /** All facts from scratch, e.g. after loading rows into the tables by SQL. */
    public void fillAll() {
        jdbc.sql(MOVE_FACTS).update();
        sends.fillAll();
    }

    /** One contact's facts: its ledger and deliveries were just combined with another contact's. */
    @EventListener
    void on(ContactsMerged merged) {
        jdbc.sql(MOVE_FACTS + " WHERE t.contact_id = :contact").param("contact", merged.survivorId()).update();
        sends.fillFor(merged.survivorId());
    }
}
