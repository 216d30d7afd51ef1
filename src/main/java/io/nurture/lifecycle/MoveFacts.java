package io.nurture.lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report facts of the stage ledger worked out from scratch: each move's next move and the contact's previous
 * entry into the same stage. {@link StageLedger} writes them as moves happen; this fills them in for rows that came
 * another way: older rows (migration V6_1), two ledgers merged, or rows loaded straight into the table.
 */
@Component
public class MoveFacts {

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

    /** Public for the report facts, which a migration runs on its own connection. */
    public MoveFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every move's facts, e.g. after loading rows into the ledger by SQL. */
    public void fillMoveFacts() {
        jdbc.sql(MOVE_FACTS).update();
    }

    /** One contact's: its ledger was just combined with another contact's. */
    void fillMoveFactsOf(String contactId) {
        jdbc.sql(MOVE_FACTS + " WHERE t.contact_id = :contact").param("contact", contactId).update();
    }
}
